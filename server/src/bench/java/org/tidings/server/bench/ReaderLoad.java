package org.tidings.server.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tidings.server.site.Sections;

/**
 * Readers of one Tidings server at a fixed rate, open loop: a page is asked for every {@code 1 / rate} seconds whether
 * or not the earlier ones have been answered, as readers arrive regardless of how the server is doing. Anonymous
 * visitors (a hundred at a time, each with its cookies; one leaves and a new one arrives every three seconds) open the
 * home page, sections, articles, stories, topics, sources, feeds and searches, following the links of the pages they
 * were served; signed-in readers read too, open their saved articles and "For you", and on their own schedules post
 * a comment on an article and save one.
 *
 * <p>Every answer is checked: a page must be 200, a comment or a save a redirect (a comment's to its anchor). Anything
 * else, a timeout or a broken connection is an error, counted by kind and described in {@link #errors()}.
 */
final class ReaderLoad implements AutoCloseable {

    /** What a request was for: the figures are kept per kind. */
    enum Kind { HOME, SECTION, ARTICLE, STORY, TOPIC, SOURCE, SEARCH, FEED, SOURCES, SAVED, FOR_YOU, COMMENT, SAVE, SIGN_IN }

    /** Requests and errors of one kind so far. */
    record Count(long requests, long errors) {}

    /** Since the previous window: requests, errors, the median and 99th percentile of page times, most requests in flight. */
    record Window(long requests, long errors, double p50Millis, double p99Millis, int mostInFlight) {}

    private static final int VISITORS = 100;
    private static final Duration VISITOR_TURNOVER = Duration.ofSeconds(3);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int ERRORS_KEPT = 40;
    private static final Pattern LINK = Pattern.compile("href=\"/(article|story|topic|source)/([A-Za-z0-9-]+)[\"?#]");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Set<String> QUERY_WORDS_LEFT_OUT = Set.of("and", "not", "with", "from", "that", "this", "says");

    private final String base;
    private final double rate;
    private final Duration commentEvery;
    private final Duration saveEvery;
    private final List<String> headlines;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
    private final List<CookieManager> visitors = Collections.synchronizedList(new ArrayList<>());
    private final List<CookieManager> members = new ArrayList<>();
    private final Map<String, Links> links = Map.of("article", new Links(), "story", new Links(), "topic", new Links(),
            "source", new Links());
    private final Map<Kind, LongAdder> requests = new EnumMap<>(Kind.class);
    private final Map<Kind, LongAdder> failures = new EnumMap<>(Kind.class);
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<Long> pageNanos = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final AtomicLong windowRequests = new AtomicLong();
    private final AtomicLong windowErrors = new AtomicLong();
    private final AtomicInteger nextMember = new AtomicInteger();
    /** Redirects followed: a page that moved (a story merged into another) answers with one. */
    final LongAdder redirects = new LongAdder();
    private final AtomicLong commentNumber = new AtomicLong();
    private volatile boolean running = true;
    private Thread dispatcher;

    ReaderLoad(String base, double rate, Duration commentEvery, Duration saveEvery, List<String> headlines) {
        this.base = base;
        this.rate = rate;
        this.commentEvery = commentEvery;
        this.saveEvery = saveEvery;
        this.headlines = headlines;
        for (Kind kind : Kind.values()) {
            requests.put(kind, new LongAdder());
            failures.put(kind, new LongAdder());
        }
        for (int i = 0; i < VISITORS; i++) visitors.add(new CookieManager());
    }

    /** Signs these readers in through the login form, each with cookies of its own; they post and save. */
    void signIn(List<String> names, String password) {
        for (String name : names) {
            CookieManager member = new CookieManager();
            HttpResponse<String> login = get(Kind.SIGN_IN, member, "/login");
            if (login == null) throw new IllegalStateException("no sign-in page: " + errors);
            Matcher token = CSRF.matcher(login.body());
            if (!token.find()) throw new IllegalStateException("no CSRF token on the sign-in page");
            HttpResponse<String> r = post(Kind.SIGN_IN, member, "/login", "_csrf=" + enc(token.group(1)) + "&username="
                    + enc(name) + "&password=" + enc(password), "/");
            if (r == null) throw new IllegalStateException("sign-in failed for " + name + ": " + errors);
            members.add(member);
        }
    }

    /** Starts asking: pages at the rate, comments and saves on their schedules, visitors coming and going. */
    void start() {
        dispatcher = Thread.ofPlatform().name("soak-readers").start(this::dispatch);
    }

    private void dispatch() {
        long interval = (long) (1e9 / rate);
        long now = System.nanoTime();
        long nextPage = now, nextComment = now + commentEvery.toNanos(), nextSave = now + saveEvery.toNanos();
        long nextVisitor = now + VISITOR_TURNOVER.toNanos();
        while (running) {
            long wait = Math.min(Math.min(nextPage, nextComment), Math.min(nextSave, nextVisitor)) - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(Duration.ofNanos(wait));
                } catch (InterruptedException e) {
                    return;
                }
            }
            now = System.nanoTime();
            // on schedule whatever the answers do: a late tick is made up at once, not skipped
            while (nextPage <= now) {
                readers.submit(this::view);
                nextPage += interval;
            }
            if (nextComment <= now && !members.isEmpty()) {
                readers.submit(this::comment);
                nextComment += commentEvery.toNanos();
            }
            if (nextSave <= now && !members.isEmpty()) {
                readers.submit(this::save);
                nextSave += saveEvery.toNanos();
            }
            if (nextVisitor <= now) {
                visitors.set(ThreadLocalRandom.current().nextInt(VISITORS), new CookieManager());
                nextVisitor += VISITOR_TURNOVER.toNanos();
            }
        }
    }

    /** One page view: most by anonymous visitors, some by signed-in readers. */
    private void view() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (!members.isEmpty() && random.nextInt(100) < 15) {
            CookieManager member = member();
            int r = random.nextInt(100);
            if (r < 50) article(member);
            else if (r < 65) get(Kind.SAVED, member, "/saved");
            else if (r < 80) get(Kind.FOR_YOU, member, "/for-you");
            else get(Kind.HOME, member, "/");
            return;
        }
        CookieManager visitor = visitors.get(random.nextInt(VISITORS));
        int r = random.nextInt(100);
        if (r < 20) get(Kind.HOME, visitor, "/");
        else if (r < 23) get(Kind.HOME, visitor, "/?page=2");
        else if (r < 33) get(Kind.SECTION, visitor, "/section/" + Sections.SLUGS.get(random.nextInt(Sections.SLUGS.size())));
        else if (r < 63) article(visitor);
        else if (r < 70) linked(Kind.STORY, visitor, "story");
        else if (r < 77) linked(Kind.TOPIC, visitor, "topic");
        else if (r < 82) linked(Kind.SOURCE, visitor, "source");
        else if (r < 94) get(Kind.SEARCH, visitor, "/search?q=" + enc(query(random)));
        else if (r < 97) get(Kind.FEED, visitor, random.nextBoolean() ? "/feed.xml"
                : "/section/" + Sections.SLUGS.get(random.nextInt(Sections.SLUGS.size())) + "/feed.xml");
        else if (r < 98) get(Kind.SOURCES, visitor, "/sources");
        else get(Kind.HOME, visitor, "/sitemap.xml");
    }

    /** A signed-in reader opens an article and comments on it. */
    private void comment() {
        CookieManager member = member();
        String id = links.get("article").pick();
        if (id == null) return;
        HttpResponse<String> page = get(Kind.ARTICLE, member, "/article/" + id);
        String token = page == null ? null : token(Kind.COMMENT, "/article/" + id, page.body());
        if (token == null) return;
        String text = "Soak comment " + commentNumber.incrementAndGet() + ": "
                + headlines.get(ThreadLocalRandom.current().nextInt(headlines.size())) + " — worth reading next to this one.";
        post(Kind.COMMENT, member, "/article/" + id + "/comments", "_csrf=" + enc(token) + "&text=" + enc(text), "#comment-");
    }

    /** A signed-in reader opens an article and saves it. */
    private void save() {
        CookieManager member = member();
        String id = links.get("article").pick();
        if (id == null) return;
        HttpResponse<String> page = get(Kind.ARTICLE, member, "/article/" + id);
        String token = page == null ? null : token(Kind.SAVE, "/article/" + id, page.body());
        if (token == null) return;
        post(Kind.SAVE, member, "/saved/" + id, "_csrf=" + enc(token) + "&back=" + enc("/article/" + id), "/article/" + id);
    }

    private void article(CookieManager reader) {
        linked(Kind.ARTICLE, reader, "article");
    }

    /** A page found as a link on a page served earlier; the home page until there is one. */
    private void linked(Kind kind, CookieManager reader, String type) {
        String id = links.get(type).pick();
        if (id == null) get(Kind.HOME, reader, "/");
        else get(kind, reader, "/" + type + "/" + id);
    }

    /** One or two words of a headline, as a reader types them. */
    private String query(ThreadLocalRandom random) {
        List<String> words = Arrays.stream(headlines.get(random.nextInt(headlines.size())).split("[^A-Za-z]+"))
                .map(w -> w.toLowerCase(Locale.ROOT)).filter(w -> w.length() >= 4 && !QUERY_WORDS_LEFT_OUT.contains(w))
                .toList();
        if (words.isEmpty()) return "council";
        String first = words.get(random.nextInt(words.size()));
        return random.nextInt(3) == 0 ? first + " " + words.get(random.nextInt(words.size())) : first;
    }

    private CookieManager member() {
        return members.get(Math.floorMod(nextMember.getAndIncrement(), members.size()));
    }

    /**
     * A GET that must answer 200, after at most two redirects within the site (as a browser follows them); the links
     * of the page are remembered for later visits.
     */
    private HttpResponse<String> get(Kind kind, CookieManager reader, String path) {
        HttpResponse<String> r = send(kind, reader, HttpRequest.newBuilder(URI.create(base + path)).GET(), path);
        for (int hops = 0; r != null && REDIRECTS.contains(r.statusCode()) && hops < 2; hops++) {
            String to = r.headers().firstValue("Location").orElse("");
            if (to.startsWith(base)) to = to.substring(base.length());
            if (!to.startsWith("/")) break;
            redirects.increment();
            r = send(kind, reader, HttpRequest.newBuilder(URI.create(base + to)).GET(), to);
        }
        if (r == null) return null;
        if (r.statusCode() != 200) {
            fail(kind, path, "HTTP " + r.statusCode() + " " + snippet(r.body()));
            return null;
        }
        if (r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
            Matcher m = LINK.matcher(r.body());
            while (m.find()) links.get(m.group(1)).add(m.group(2));
        }
        return r;
    }

    /** A form post that must answer with a redirect whose address contains {@code expected}. */
    private HttpResponse<String> post(Kind kind, CookieManager reader, String path, String form, String expected) {
        HttpResponse<String> r = send(kind, reader, HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), path);
        if (r == null) return null;
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || !location.contains(expected) || location.contains("error")) {
            fail(kind, path, "HTTP " + r.statusCode() + " to " + location + " " + snippet(r.body()));
            return null;
        }
        return r;
    }

    private HttpResponse<String> send(Kind kind, CookieManager reader, HttpRequest.Builder request, String path) {
        requests.get(kind).increment();
        windowRequests.incrementAndGet();
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        long start = System.nanoTime();
        try {
            URI uri = URI.create(base + path);
            List<String> cookies = reader.get(uri, Map.of()).getOrDefault("Cookie", List.of());
            if (!cookies.isEmpty()) request.header("Cookie", String.join("; ", cookies));
            HttpResponse<String> r = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            reader.put(uri, r.headers().map());
            if (kind != Kind.COMMENT && kind != Kind.SAVE && kind != Kind.SIGN_IN) pageNanos.add(System.nanoTime() - start);
            return r;
        } catch (IOException e) {
            fail(kind, path, e.getClass().getSimpleName() + ": " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(kind, path, "interrupted");
            return null;
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private String token(Kind kind, String path, String html) {
        Matcher m = CSRF.matcher(html);
        if (m.find()) return m.group(1);
        fail(kind, path, "no CSRF token on the page for a signed-in reader");
        return null;
    }

    private void fail(Kind kind, String path, String what) {
        failures.get(kind).increment();
        windowErrors.incrementAndGet();
        if (errors.size() < ERRORS_KEPT) errors.add(java.time.Instant.now() + " " + kind + " " + path + ": " + what);
    }

    /** The figures since the previous call. */
    Window window() {
        List<Long> nanos = new ArrayList<>();
        for (Long n; (n = pageNanos.poll()) != null; ) nanos.add(n);
        Collections.sort(nanos);
        return new Window(windowRequests.getAndSet(0), windowErrors.getAndSet(0), percentile(nanos, 0.50),
                percentile(nanos, 0.99), mostInFlight.getAndSet(inFlight.get()));
    }

    Map<Kind, Count> totals() {
        Map<Kind, Count> totals = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) totals.put(kind, new Count(requests.get(kind).sum(), failures.get(kind).sum()));
        return totals;
    }

    /** The first errors, described: when, what, which address, what came back. */
    List<String> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    /** Stops asking and waits for the answers still awaited. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        if (dispatcher != null) dispatcher.join();
        readers.close();
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) return 0;
        return sorted.get((int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(p * sorted.size()) - 1))) / 1e6;
    }

    private static String snippet(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() <= 160 ? flat : flat.substring(0, 160) + "…";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Addresses of one kind seen in pages: the most recent thousand, any of which a reader may follow. */
    private static final class Links {

        private static final int KEPT = 1000;
        private final List<String> ids = new ArrayList<>();
        private final Set<String> known = new HashSet<>();

        synchronized void add(String id) {
            if (known.contains(id)) return;
            if (ids.size() < KEPT) {
                ids.add(id);
            } else {
                int replaced = ThreadLocalRandom.current().nextInt(KEPT);
                known.remove(ids.get(replaced));
                ids.set(replaced, id);
            }
            known.add(id);
        }

        synchronized String pick() {
            return ids.isEmpty() ? null : ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
        }
    }
}
