package org.tidings.server.comment;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.i18n.Message;
import org.tidings.server.store.ArticleView;
import org.tidings.server.store.CommentStatus;
import org.tidings.server.store.CommentStore;

/**
 * The comments a page shows, read fresh per request (a hidden comment is gone at once); threads are
 * two levels deep: a reply to a reply is shown beside it, naming whom it answers.
 */
@Service
public record CommentSections(CommentStore store, TidingsProperties properties, Clock clock) {

    /** Latest comments shown on a story page; the conversation itself is under each article. */
    static final int STORY_COMMENTS = 12;
    /** The most threads a reader can ask to see at once with {@code ?threads=}. */
    static final int MAX_THREADS = 1000;

    public CommentSection forArticle(long articleId) {
        Optional<HttpServletRequest> request = currentRequest();
        CommentSection.Sort sort = CommentSection.Sort.of(request.map(r -> r.getParameter("sort")).orElse(null));
        int wanted = request.map(r -> r.getParameter("threads")).map(CommentSections::number)
                .orElse(properties.comments().threadsPerPage());
        Map<String, ?> flash = request.map(RequestContextUtils::getInputFlashMap).orElse(Map.of());
        return forArticle(articleId, Viewer.current(store).orElse(null), sort, Math.clamp(wanted, 1, MAX_THREADS),
                (Message) flash.get("commentNotice"), (Message) flash.get("commentProblem"),
                (Long) flash.get("commentAbout"), (String) flash.get("commentDraft"), (Long) flash.get("commentDraftFor"));
    }

    CommentSection forArticle(long articleId, Viewer viewer, CommentSection.Sort sort, int threads,
            Message notice, Message problem, Long about, String draft, Long draftFor) {
        long viewerId = viewer == null ? Viewer.NOBODY : viewer.id();
        List<CommentStore.Stored> rows = store.forArticle(articleId, viewerId, viewer != null && viewer.moderator());
        Instant now = clock.instant();
        Map<Long, CommentStore.Stored> byId = new HashMap<>();
        for (CommentStore.Stored row : rows) byId.put(row.id(), row);

        Map<Long, List<CommentStore.Stored>> repliesByThread = new LinkedHashMap<>();
        List<CommentStore.Stored> roots = new ArrayList<>();
        for (CommentStore.Stored row : rows) {
            if (row.rootId() == null) roots.add(row);
            else repliesByThread.computeIfAbsent(row.rootId(), k -> new ArrayList<>()).add(row);
        }
        roots.sort(order(sort));
        List<CommentView> shown = new ArrayList<>();
        for (CommentStore.Stored root : roots) {
            List<CommentView> replies = new ArrayList<>();
            for (CommentStore.Stored reply : repliesByThread.getOrDefault(root.id(), List.of())) {
                if (gone(reply, viewer)) continue; // a deleted or hidden reply leaves no trace
                CommentStore.Stored parent = byId.get(reply.parentId());
                String answers = parent != null && parent.rootId() != null && !gone(parent, viewer) ? display(parent) : null;
                replies.add(view(reply, viewer, now, answers, List.of()));
            }
            // a deleted or hidden first comment stays, without its text, only while replies hang from it
            if (gone(root, viewer) && replies.isEmpty()) continue;
            shown.add(view(root, viewer, now, null, replies));
        }
        int visible = (int) rows.stream().filter(r -> r.status() == CommentStatus.VISIBLE).count();
        boolean more = shown.size() > threads;
        List<CommentView> page = more ? shown.subList(0, threads) : shown;
        boolean aboutShown = about != null && page.stream()
                .anyMatch(t -> t.id() == about || t.replies().stream().anyMatch(r -> r.id() == about));
        return new CommentSection(articleId, sort, page, visible, more, threads, viewer, notice, problem,
                aboutShown ? about : null, draft, draftFor);
    }

    public List<StoryComment> forStory(List<ArticleView> timeline) {
        Map<Long, String> titles = new HashMap<>();
        for (ArticleView a : timeline) titles.put(a.id(), a.title());
        Instant now = clock.instant();
        return store.latestOn(titles.keySet(), STORY_COMMENTS).stream()
                .map(c -> new StoryComment(view(c, null, now, null, List.of()), c.articleId(), titles.get(c.articleId())))
                .toList();
    }

    /** Visible comments per article id, in one query; an article without comments maps to nothing (read it as 0). */
    public Map<Long, Integer> counts(Collection<Long> articleIds) {
        return store.visibleCounts(articleIds.stream().distinct().toList());
    }

    public record StoryComment(CommentView comment, long articleId, String articleTitle) {}

    /** Whether this viewer sees no text of the comment: deleted, or hidden by a moderator (moderators still see it). */
    private static boolean gone(CommentStore.Stored c, Viewer viewer) {
        return c.status() == CommentStatus.DELETED
                || (c.status() == CommentStatus.HIDDEN && (viewer == null || !viewer.moderator()));
    }

    private CommentView view(CommentStore.Stored c, Viewer viewer, Instant now, String replyingTo, List<CommentView> replies) {
        boolean mine = viewer != null && viewer.wrote(c);
        boolean deleted = gone(c, viewer);
        return new CommentView(c.id(), c.articleId(), deleted ? null : display(c), deleted ? "" : CommentText.toHtml(c.body()),
                c.status(), c.createdAt(), c.editedAt() != null, c.likes(), c.liked(), mine && !deleted,
                mine && !viewer.suspended() && CommentDesk.editable(c, now, properties.comments().editWindow()),
                viewer != null && !mine && !deleted, mine && !deleted ? c.body() : null, replyingTo, replies);
    }

    /** The name before any @ (addresses are never shown to other readers); null when the account is gone. */
    static String display(CommentStore.Stored c) {
        if (c.authorGone()) return null;
        String name = c.author();
        int at = name.indexOf('@');
        return at > 0 ? name.substring(0, at) : name;
    }

    private static Comparator<CommentStore.Stored> order(CommentSection.Sort sort) {
        Comparator<CommentStore.Stored> oldest = Comparator.comparing(CommentStore.Stored::createdAt)
                .thenComparingLong(CommentStore.Stored::id);
        return switch (sort) {
            case OLDEST -> oldest;
            case NEWEST -> oldest.reversed();
            case TOP -> Comparator.comparingInt(CommentStore.Stored::likes).reversed().thenComparing(oldest.reversed());
        };
    }

    private static Optional<HttpServletRequest> currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest()) : Optional.empty();
    }

    private static Integer number(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
