package org.tidings.server.greader;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tidings.server.account.AccessTokens;
import org.tidings.server.store.AccountStore;
import org.tidings.server.store.PersonalStore;
import org.tidings.server.store.SubscriptionStore;
import org.tidings.server.store.SubscriptionStore.Item;
import org.tidings.server.store.SubscriptionStore.Scope;
import org.tidings.server.subscription.Subscriptions;

/**
 * The Google Reader API, as FreshRSS, Miniflux, Inoreader and FeedHQ serve it, so that feed-reader apps read a
 * reader's own feeds and the edition's: sign-in with the account's e-mail (or user name) and an app password made on
 * {@code /account}, then {@code Authorization: GoogleLogin auth=...} on every request. Errors are the protocol's own
 * plain answers: 401 {@code Error=BadAuthentication}, 400 with a line of text, and a refused request changes nothing.
 *
 * <p>The {@code T} action token is handed out but not required: requests are authenticated by a header a browser never
 * sends by itself, so there is no cross-site request for it to guard against.
 */
@RestController
@RequestMapping(GoogleReaderApi.PREFIX)
class GoogleReaderApi {

    static final String PREFIX = "/api/greader";
    private static final String API = "/reader/api/0";
    private static final String AUTH = "googlelogin auth=";
    private static final int DEFAULT_ITEMS = 20;
    private static final int MAX_ITEMS = 1000;
    private static final int MAX_IDS = 10_000;
    private static final MediaType TEXT = new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8);

    private final AccessTokens tokens;
    private final AccountStore accounts;
    private final SubscriptionStore store;
    private final PersonalStore personal;
    private final Subscriptions subscriptions;
    private final Clock clock;

    GoogleReaderApi(AccessTokens tokens, AccountStore accounts, SubscriptionStore store, PersonalStore personal,
            Subscriptions subscriptions, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.store = store;
        this.personal = personal;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /** The protocol's refusal of a request without a live app password. */
    static final class BadAuthentication extends RuntimeException {
        BadAuthentication() {
            super("bad authentication", null, false, false);
        }
    }

    /** A request the protocol answers with 400 and a line of text. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    @ExceptionHandler(BadAuthentication.class)
    ResponseEntity<String> badAuthentication() {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(TEXT).body("Error=BadAuthentication\n");
    }

    @ExceptionHandler(BadRequest.class)
    ResponseEntity<String> badRequest(BadRequest e) {
        return ResponseEntity.badRequest().contentType(TEXT).body(e.getMessage() + "\n");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<String> missing(MissingServletRequestParameterException e) {
        return ResponseEntity.badRequest().contentType(TEXT).body("Missing parameter " + e.getParameterName() + "\n");
    }

    // --- signing in

    /** The account's e-mail or user name, and an app password; answers the three lines clients read {@code Auth} from. */
    @RequestMapping(value = "/accounts/ClientLogin", method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<String> clientLogin(@RequestParam(name = "Email", defaultValue = "") String email,
            @RequestParam(name = "Passwd", defaultValue = "") String password) {
        String name = email.strip();
        var account = name.contains("@") ? accounts.findByEmail(name).or(() -> accounts.findByUsername(name)) : accounts.findByUsername(name);
        var holder = tokens.authenticateApp(password.strip());
        if (account.isEmpty() || holder.isEmpty() || holder.get().accountId() != account.get().id()) throw new BadAuthentication();
        String auth = password.strip();
        return ResponseEntity.ok().contentType(TEXT).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body("SID=" + auth + "\nLSID=null\nAuth=" + auth + "\n");
    }

    /** The reader an app password in {@code Authorization: GoogleLogin auth=...} signs in. */
    private AccessTokens.Bearer reader(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(AUTH)) throw new BadAuthentication();
        String auth = header.substring(AUTH.length()).strip();
        if (auth.length() > 1 && auth.startsWith("\"") && auth.endsWith("\"")) auth = auth.substring(1, auth.length() - 1);
        return tokens.authenticateApp(auth).orElseThrow(BadAuthentication::new);
    }

    @GetMapping(API + "/token")
    ResponseEntity<String> token(HttpServletRequest request) {
        var reader = reader(request);
        String token;
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(("action token " + reader.tokenId() + " "
                    + request.getHeader(HttpHeaders.AUTHORIZATION)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            token = java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return ResponseEntity.ok().contentType(TEXT).body(token.substring(0, 57) + "\n");
    }

    @GetMapping(API + "/user-info")
    Map<String, Object> userInfo(HttpServletRequest request) {
        var reader = reader(request);
        var profile = accounts.profile(reader.accountId());
        String email = profile.map(AccountStore.Profile::email).orElse(null);
        String shown = profile.map(AccountStore.Profile::displayName).filter(n -> n != null && !n.isBlank()).orElse(reader.username());
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("userId", String.valueOf(reader.accountId()));
        info.put("userName", shown);
        info.put("userProfileId", String.valueOf(reader.accountId()));
        info.put("userEmail", email == null ? "" : email);
        info.put("isBloggerUser", false);
        info.put("signupTimeSec", profile.map(p -> p.createdAt().getEpochSecond()).orElse(0L));
        info.put("isMultiLoginEnabled", false);
        return info;
    }

    // --- subscriptions and labels

    @GetMapping(API + "/subscription/list")
    Map<String, Object> subscriptionList(HttpServletRequest request) {
        var reader = reader(request);
        List<Map<String, Object>> list = new ArrayList<>();
        for (var s : store.subscriptions(reader.accountId())) {
            Map<String, Object> sub = new LinkedHashMap<>();
            sub.put("id", StreamIds.FEED + s.feedUrl());
            sub.put("title", s.title());
            sub.put("categories", s.label() == null ? List.of()
                    : List.of(Map.of("id", "user/" + reader.accountId() + "/label/" + s.label(), "label", s.label())));
            sub.put("sortid", String.format("%08X", s.sourceId()));
            sub.put("firstitemmsec", String.valueOf(s.createdAt().toEpochMilli()));
            sub.put("url", s.feedUrl());
            sub.put("htmlUrl", s.siteUrl() == null ? s.feedUrl() : s.siteUrl());
            sub.put("iconUrl", "");
            list.add(sub);
        }
        return Map.of("subscriptions", list);
    }

    /** {@code ac=subscribe|unsubscribe|edit}, {@code s=feed/...} (one or more), {@code t=} a title, {@code a=}/{@code r=} a label. */
    @PostMapping(API + "/subscription/edit")
    ResponseEntity<String> subscriptionEdit(HttpServletRequest request, @RequestParam(name = "ac", defaultValue = "edit") String action,
            @RequestParam(name = "t", required = false) String title,
            @RequestParam(name = "a", required = false) String add, @RequestParam(name = "r", required = false) String remove) {
        var reader = reader(request);
        long account = reader.accountId();
        List<String> streams = values(request, "s");
        if (streams.isEmpty()) throw new BadRequest("Missing parameter s");
        String addLabel = label(add), removeLabel = label(remove);
        List<String> feeds = new ArrayList<>();
        for (String s : streams) {
            String id = StreamIds.normalize(s);
            if (!id.startsWith(StreamIds.FEED) || id.length() == StreamIds.FEED.length()) throw new BadRequest("Unknown stream " + s);
            feeds.add(id.substring(StreamIds.FEED.length()));
        }
        switch (action) {
            case "subscribe" -> {
                for (String url : feeds) {
                    try {
                        subscriptions.subscribe(account, url, title, addLabel);
                    } catch (Subscriptions.Refused refused) {
                        throw new BadRequest("Cannot subscribe to " + url);
                    }
                }
            }
            case "unsubscribe" -> feeds.forEach(url -> subscribedSource(account, url).ifPresent(id -> store.unsubscribe(account, id)));
            case "edit" -> {
                List<Long> ids = feeds.stream().map(url -> subscribedSource(account, url)
                        .orElseThrow(() -> new BadRequest("Not subscribed to " + url))).toList();
                for (long id : ids) {
                    if (title != null) store.rename(account, id, title);
                    if (addLabel != null) store.label(account, id, addLabel);
                    else if (removeLabel != null) store.label(account, id, null);
                }
            }
            default -> throw new BadRequest("Unknown action " + action);
        }
        return ok();
    }

    @PostMapping(API + "/subscription/quickadd")
    Map<String, Object> quickAdd(HttpServletRequest request, @RequestParam(name = "quickadd") String address) {
        var reader = reader(request);
        String url = address.strip().startsWith(StreamIds.FEED) ? address.strip().substring(StreamIds.FEED.length()) : address.strip();
        try {
            var done = subscriptions.subscribe(reader.accountId(), url, null, null);
            return Map.of("numResults", 1, "query", url, "streamId", StreamIds.FEED + done.source().feedUrl(),
                    "streamName", done.source().name());
        } catch (Subscriptions.Refused refused) {
            throw new BadRequest("Cannot subscribe to " + url);
        }
    }

    @GetMapping(API + "/tag/list")
    Map<String, Object> tagList(HttpServletRequest request) {
        var reader = reader(request);
        List<Map<String, Object>> tags = new ArrayList<>();
        tags.add(Map.of("id", "user/" + reader.accountId() + "/state/com.google/starred"));
        for (String label : store.labels(reader.accountId())) {
            tags.add(Map.of("id", "user/" + reader.accountId() + "/label/" + label, "type", "folder"));
        }
        return Map.of("tags", tags);
    }

    @GetMapping(API + "/unread-count")
    Map<String, Object> unreadCount(HttpServletRequest request) {
        var reader = reader(request);
        List<Map<String, Object>> counts = new ArrayList<>();
        Map<String, long[]> labels = new LinkedHashMap<>();
        long total = 0;
        Instant newest = Instant.EPOCH;
        for (var u : store.unread(reader.accountId())) {
            counts.add(count(StreamIds.FEED + u.feedUrl(), u.count(), u.newest()));
            total += u.count();
            if (u.newest() != null && u.newest().isAfter(newest)) newest = u.newest();
            if (u.label() != null) {
                long[] l = labels.computeIfAbsent(u.label(), k -> new long[2]);
                l[0] += u.count();
                l[1] = Math.max(l[1], micros(u.newest()));
            }
        }
        labels.forEach((label, l) -> counts.add(Map.of("id", "user/" + reader.accountId() + "/label/" + label, "count", l[0],
                "newestItemTimestampUsec", String.valueOf(l[1]))));
        counts.add(count("user/" + reader.accountId() + "/state/com.google/reading-list", total, newest));
        return Map.of("max", total, "unreadcounts", counts);
    }

    private static Map<String, Object> count(String id, long count, Instant newest) {
        return Map.of("id", id, "count", count, "newestItemTimestampUsec", String.valueOf(micros(newest)));
    }

    // --- streams

    /** A stream's items, newest first (or oldest first with {@code r=o}); the stream id comes as {@code s} (see {@link StreamIdsInPaths}). */
    @GetMapping({API + "/stream/contents", API + "/stream/contents/"})
    Map<String, Object> streamContents(HttpServletRequest request, @RequestParam(name = "s", defaultValue = "") String stream) {
        var reader = reader(request);
        Page page = page(reader.accountId(), stream, request, DEFAULT_ITEMS, MAX_ITEMS);
        Map<String, Object> body = stream(reader.accountId(), stream, page.items());
        if (page.continuation() != null) body.put("continuation", page.continuation());
        return body;
    }

    /** A stream as Atom, with the protocol's extensions: what newsboat's FeedHQ mode reads. */
    @GetMapping(value = "/reader/atom", produces = "application/atom+xml;charset=utf-8")
    String atom(HttpServletRequest request, @RequestParam(name = "s", defaultValue = "") String stream) {
        var reader = reader(request);
        Page page = page(reader.accountId(), stream, request, DEFAULT_ITEMS, MAX_ITEMS);
        String title = stream;
        String normalized = StreamIds.normalize(stream);
        if (normalized.startsWith(StreamIds.FEED)) {
            String url = normalized.substring(StreamIds.FEED.length());
            title = store.subscriptions(reader.accountId()).stream().filter(s -> s.feedUrl().equals(url)).map(SubscriptionStore.Subscribed::title)
                    .findFirst().orElse(url);
        }
        return AtomStream.write(reader.accountId(), stream, title, page.items(), page.continuation(), clock.instant());
    }

    @GetMapping(API + "/stream/items/ids")
    Map<String, Object> itemIds(HttpServletRequest request, @RequestParam(name = "s", defaultValue = "") String stream) {
        var reader = reader(request);
        Page page = page(reader.accountId(), stream, request, DEFAULT_ITEMS, MAX_IDS);
        List<Map<String, Object>> refs = new ArrayList<>();
        for (Item item : page.items()) {
            refs.add(Map.of("id", String.valueOf(item.id()), "directStreamIds", List.of(StreamIds.FEED + item.feedUrl()),
                    "timestampUsec", String.valueOf(micros(item.publishedAt()))));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("itemRefs", refs);
        if (page.continuation() != null) body.put("continuation", page.continuation());
        return body;
    }

    @RequestMapping(value = API + "/stream/items/contents", method = {RequestMethod.GET, RequestMethod.POST})
    Map<String, Object> itemContents(HttpServletRequest request) {
        var reader = reader(request);
        List<String> ids = values(request, "i");
        if (ids.size() > MAX_ITEMS) throw new BadRequest("At most " + MAX_ITEMS + " items at a time");
        List<Long> articleIds = parseIds(ids);
        return stream(reader.accountId(), StreamIds.READING_LIST, store.items(reader.accountId(), articleIds));
    }

    // --- read and starred

    /** {@code i=} items, {@code a=}/{@code r=} the states {@code read} and {@code starred} to add and remove. */
    @PostMapping(API + "/edit-tag")
    ResponseEntity<String> editTag(HttpServletRequest request) {
        var reader = reader(request);
        List<String> ids = values(request, "i"), add = values(request, "a"), remove = values(request, "r");
        long account = reader.accountId();
        List<Long> articleIds = parseIds(ids);
        // only the articles the reader may see: another reader's private feed is not theirs to mark
        List<Long> visible = store.items(account, articleIds).stream().map(Item::id).toList();
        if (visible.size() != articleIds.stream().distinct().count()) throw new BadRequest("Unknown item");
        List<String> adding = add.stream().map(StreamIds::normalize).toList();
        List<String> removing = remove.stream().map(StreamIds::normalize).toList();
        if (adding.contains(StreamIds.READ)) store.markRead(account, visible);
        if (removing.contains(StreamIds.READ)) store.markUnread(account, visible);
        if (adding.contains(StreamIds.STARRED)) visible.forEach(id -> personal.save(account, id));
        if (removing.contains(StreamIds.STARRED)) visible.forEach(id -> personal.unsave(account, id));
        return ok();
    }

    /** {@code s=} a stream, {@code ts=} the time up to which (microseconds; now if absent) its items become read. */
    @PostMapping(API + "/mark-all-as-read")
    ResponseEntity<String> markAllAsRead(HttpServletRequest request, @RequestParam(name = "s") String stream,
            @RequestParam(name = "ts", required = false) String ts) {
        var reader = reader(request);
        Scope scope = StreamIds.scope(reader.accountId(), stream, store).orElseThrow(() -> new BadRequest("Unknown stream " + stream));
        Instant upTo = clock.instant();
        if (ts != null && !ts.isBlank()) {
            Instant given = fromMicros(ts, "ts");
            if (given.isBefore(upTo)) upTo = given;
        }
        store.markAllRead(reader.accountId(), scope, upTo);
        return ok();
    }

    // --- shared

    private record Page(List<Item> items, String continuation) {}

    /** One page of a stream as {@code n}, {@code c}, {@code ot}, {@code nt}, {@code xt}, {@code it} and {@code r} ask. */
    private Page page(long reader, String stream, HttpServletRequest request, int defaultCount, int max) {
        Scope scope = StreamIds.scope(reader, stream, store).orElseThrow(() -> new BadRequest("Unknown stream " + stream));
        int n = defaultCount;
        String count = request.getParameter("n");
        if (count != null && !count.isBlank()) {
            try {
                n = Integer.parseInt(count.strip());
            } catch (NumberFormatException e) {
                throw new BadRequest("Bad n");
            }
            if (n < 1) throw new BadRequest("Bad n");
            n = Math.min(n, max);
        }
        Boolean read = null;
        String exclude = StreamIds.normalize(request.getParameter("xt"));
        String include = StreamIds.normalize(request.getParameter("it"));
        if (exclude.equals(StreamIds.READ)) read = false;
        if (include.equals(StreamIds.READ)) read = true;
        if (include.equals(StreamIds.STARRED) && scope instanceof Scope.Everything) scope = new Scope.Starred();
        Instant newer = seconds(request.getParameter("ot"), "ot");
        Instant older = seconds(request.getParameter("nt"), "nt");
        boolean oldestFirst = "o".equals(request.getParameter("r"));
        ItemIds.Continuation after = null;
        String c = request.getParameter("c");
        if (c != null && !c.isBlank()) {
            try {
                after = ItemIds.Continuation.parse(c.strip());
            } catch (IllegalArgumentException e) {
                throw new BadRequest("Bad continuation");
            }
        }
        List<Item> items = store.items(reader, new SubscriptionStore.Query(scope, read, newer, older, oldestFirst,
                after == null ? null : after.publishedAt(), after == null ? null : after.id(), n + 1));
        if (items.size() <= n) return new Page(items, null);
        List<Item> shown = items.subList(0, n);
        Item last = shown.getLast();
        return new Page(shown, new ItemIds.Continuation(last.publishedAt(), last.id()).token());
    }

    private Map<String, Object> stream(long reader, String stream, List<Item> items) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("direction", "ltr");
        body.put("id", stream.isBlank() ? "user/" + reader + "/state/com.google/reading-list" : stream);
        body.put("title", "Tidings");
        body.put("updated", clock.instant().getEpochSecond());
        body.put("items", items.stream().map(i -> item(reader, i)).toList());
        return body;
    }

    private static Map<String, Object> item(long reader, Item i) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", ItemIds.longForm(i.id()));
        item.put("crawlTimeMsec", String.valueOf(i.firstSeenAt().toEpochMilli()));
        item.put("timestampUsec", String.valueOf(micros(i.publishedAt())));
        item.put("published", i.publishedAt().getEpochSecond());
        item.put("updated", (i.updatedAt() == null ? i.publishedAt() : i.updatedAt()).getEpochSecond());
        item.put("title", i.title());
        item.put("canonical", List.of(Map.of("href", i.url())));
        item.put("alternate", List.of(Map.of("href", i.url(), "type", "text/html")));
        item.put("summary", Map.of("direction", "ltr", "content", content(i)));
        if (i.author() != null && !i.author().isBlank()) item.put("author", i.author());
        List<String> categories = new ArrayList<>();
        categories.add("user/" + reader + "/state/com.google/reading-list");
        if (i.read()) categories.add("user/" + reader + "/state/com.google/read");
        if (i.starred()) categories.add("user/" + reader + "/state/com.google/starred");
        if (i.label() != null) categories.add("user/" + reader + "/label/" + i.label());
        item.put("categories", categories);
        item.put("origin", Map.of("streamId", StreamIds.FEED + i.feedUrl(), "title", i.sourceTitle(),
                "htmlUrl", i.siteUrl() == null ? i.feedUrl() : i.siteUrl()));
        return item;
    }

    static String content(Item i) {
        if (i.bodyHtml() != null && !i.bodyHtml().isBlank()) return i.bodyHtml();
        return i.lead() == null ? "" : org.springframework.web.util.HtmlUtils.htmlEscape(i.lead());
    }

    /** Every value of a parameter that may repeat, as sent: an item id holds a comma, which must not split it. */
    private static List<String> values(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? List.of() : List.of(values);
    }

    private static List<Long> parseIds(List<String> ids) {
        if (ids.isEmpty()) throw new BadRequest("Missing parameter i");
        try {
            return ids.stream().map(ItemIds::parse).toList();
        } catch (IllegalArgumentException e) {
            throw new BadRequest("Bad item id");
        }
    }

    private Optional<Long> subscribedSource(long account, String feedUrl) {
        return store.subscriptions(account).stream().filter(s -> s.feedUrl().equals(feedUrl)).map(SubscriptionStore.Subscribed::sourceId)
                .findFirst();
    }

    private static String label(String tag) {
        String id = StreamIds.normalize(tag);
        return id.startsWith(StreamIds.LABEL) && id.length() > StreamIds.LABEL.length() ? id.substring(StreamIds.LABEL.length()) : null;
    }

    private static Instant seconds(String value, String name) {
        if (value == null || value.isBlank()) return null;
        try {
            return Instant.ofEpochSecond(Long.parseLong(value.strip()));
        } catch (RuntimeException e) {
            throw new BadRequest("Bad " + name);
        }
    }

    private static Instant fromMicros(String value, String name) {
        try {
            long micros = Long.parseLong(value.strip());
            return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000);
        } catch (RuntimeException e) {
            throw new BadRequest("Bad " + name);
        }
    }

    static long micros(Instant at) {
        return at == null ? 0 : at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
    }

    private static ResponseEntity<String> ok() {
        return ResponseEntity.ok().contentType(TEXT).body("OK");
    }
}
