package org.tidings.server.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tidings.server.account.CurrentReader;
import org.tidings.server.i18n.Message;
import org.tidings.server.site.SiteAddress;
import org.tidings.server.store.Archive;
import org.tidings.server.store.SubscriptionStore;
import org.tidings.server.store.SubscriptionStore.Scope;
import org.tidings.server.subscription.Subscriptions;

/**
 * The bearer's own feeds and read state: subscriptions (list, add by a feed's address, remove), the unread articles and
 * their counts, marking one article read or unread, and "mark all as read" for everything, a source, a topic or a
 * section, up to a time. Every address works on the token's reader alone.
 */
@RestController
@RequestMapping(path = ApiSecurity.PREFIX + "/me", produces = MediaType.APPLICATION_JSON_VALUE)
record SubscriptionsApi(Subscriptions subscriptions, SubscriptionStore store, Archive archive, CurrentReader current,
        RequestBodies bodies, SiteAddress site, Clock clock) {

    /** A subscription: the source, the reader's title and label for it, whether the edition shows it, its unread count. */
    record Subscription(long sourceId, String title, String feedUrl, String siteUrl, String label, boolean published,
            long unread, Instant subscribedAt) {
        static Subscription of(SubscriptionStore.Subscribed s) {
            return new Subscription(s.sourceId(), s.title(), s.feedUrl(), s.siteUrl(), s.label(), s.published(), s.unread(),
                    s.createdAt());
        }
    }

    /** A subscription asked for: {@code {"url": "https://example.org/feed.xml", "title": "...", "label": "..."}}. */
    record SubscriptionRequest(String url, String title, String label) {}

    /** Unread counts: in all, and per subscribed source. */
    record UnreadCounts(long total, List<SourceCount> sources) {
        record SourceCount(long sourceId, long unread) {}
    }

    /** "Mark all as read": {@code scope} everything, source, topic or section; its {@code target}; {@code before} a time. */
    record MarkAllRequest(String scope, String target, Instant before) {}

    record Marked(int marked) {}

    @GetMapping("/subscriptions")
    List<Subscription> list() {
        return store.subscriptions(current.require()).stream().map(Subscription::of).toList();
    }

    @PostMapping("/subscriptions")
    ResponseEntity<Subscription> subscribe(HttpServletRequest request) {
        long reader = current.require();
        SubscriptionRequest asked = bodies.read(request, SubscriptionRequest.class);
        Subscriptions.Subscribed done;
        try {
            done = subscriptions.subscribe(reader, asked.url(), asked.title(), asked.label());
        } catch (Subscriptions.Refused refused) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "feed-refused", refused.reason());
        }
        Subscription made = store.subscriptions(reader).stream().filter(s -> s.sourceId() == done.source().id())
                .map(Subscription::of).findFirst().orElseThrow();
        return ResponseEntity.status(done.added() ? HttpStatus.CREATED : HttpStatus.OK).body(made);
    }

    @DeleteMapping("/subscriptions/{sourceId}")
    ResponseEntity<Void> unsubscribe(@PathVariable("sourceId") long sourceId) {
        if (!store.unsubscribe(current.require(), sourceId)) throw ApiProblem.notFound("subscription", sourceId);
        return ResponseEntity.noContent().build();
    }

    /** The unread articles of the reader's subscriptions, newest first. */
    @GetMapping("/unread")
    Views.Page<Views.Article> unread(@RequestParam(name = "limit", required = false) Integer limit,
            @RequestParam(name = "cursor", required = false) String cursor, HttpServletRequest request) {
        long reader = current.require();
        int size = Paging.size(limit);
        Instant afterPublished = null;
        Long afterId = null;
        if (cursor != null) {
            List<String> parts = Cursor.read(cursor, "unread", 2);
            long micros = Cursor.number(parts.get(0));
            afterPublished = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
            afterId = Cursor.number(parts.get(1));
        }
        List<SubscriptionStore.Item> items = store.items(reader, new SubscriptionStore.Query(new Scope.Everything(), false, null,
                null, false, afterPublished, afterId, size + 1));
        String next = null;
        if (items.size() > size) {
            items = items.subList(0, size);
            SubscriptionStore.Item last = items.getLast();
            long micros = last.publishedAt().getEpochSecond() * 1_000_000 + last.publishedAt().getNano() / 1_000;
            next = Cursor.of("unread", String.valueOf(micros), String.valueOf(last.id()));
        }
        String base = site.base(request);
        return new Views.Page<>(Views.Article.of(archive.findByIds(items.stream().map(SubscriptionStore.Item::id).toList()), base), next);
    }

    @GetMapping("/unread/counts")
    UnreadCounts unreadCounts() {
        List<UnreadCounts.SourceCount> counts = store.unread(current.require()).stream()
                .map(u -> new UnreadCounts.SourceCount(u.sourceId(), u.count())).toList();
        return new UnreadCounts(counts.stream().mapToLong(UnreadCounts.SourceCount::unread).sum(), counts);
    }

    /** Marks an article read (again: nothing changes); 404 when there is no such article the reader may see. */
    @PutMapping("/read/{articleId}")
    ResponseEntity<Void> markRead(@PathVariable("articleId") long articleId) {
        long reader = current.require();
        if (store.items(reader, List.of(articleId)).isEmpty()) throw ApiProblem.notFound("article", articleId);
        store.markRead(reader, List.of(articleId));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/read/{articleId}")
    ResponseEntity<Void> markUnread(@PathVariable("articleId") long articleId) {
        store.markUnread(current.require(), List.of(articleId));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read")
    Marked markAllRead(HttpServletRequest request) {
        long reader = current.require();
        MarkAllRequest asked = bodies.read(request, MarkAllRequest.class);
        String target = asked.target() == null ? "" : asked.target().strip();
        Scope scope = switch (asked.scope() == null ? "everything" : asked.scope()) {
            case "everything" -> new Scope.Everything();
            case "source" -> {
                long id;
                try {
                    id = Long.parseLong(target);
                } catch (NumberFormatException e) {
                    throw invalidScope(asked.scope());
                }
                if (!store.isSubscribed(reader, id)) throw ApiProblem.notFound("subscription", target);
                yield new Scope.OfSource(id);
            }
            case "topic" -> new Scope.OfTopic(nonEmpty(target, asked.scope()));
            case "section" -> new Scope.OfSection(nonEmpty(target, asked.scope()));
            default -> throw invalidScope(asked.scope());
        };
        Instant now = clock.instant();
        Instant upTo = asked.before() == null || asked.before().isAfter(now) ? now : asked.before();
        return new Marked(store.markAllRead(reader, scope, upTo));
    }

    private static String nonEmpty(String target, String scope) {
        if (target.isEmpty()) throw invalidScope(scope);
        return target;
    }

    private static ApiProblem invalidScope(String scope) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid", Message.of("api.problem.detail.readScope", String.valueOf(scope)));
    }
}
