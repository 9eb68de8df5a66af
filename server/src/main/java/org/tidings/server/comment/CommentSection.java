package org.tidings.server.comment;

import java.util.List;
import org.tidings.server.i18n.Message;

/**
 * The comments under one article for one reader ({@code viewer} null: anonymous). {@code draft} is
 * a refused comment's text given back, replying to {@code draftFor} (null: a new thread).
 */
public record CommentSection(long articleId, Sort sort, List<CommentView> threads, int visible, boolean more, int shown,
        Viewer viewer, Message notice, Message problem, String draft, Long draftFor) {

    /** The orders a reader can choose; the first is the default. */
    public enum Sort {
        NEWEST, OLDEST, TOP;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Sort of(String code) {
            for (Sort s : values()) if (s.code().equals(code)) return s;
            return NEWEST;
        }
    }

    public boolean signedIn() {
        return viewer != null;
    }

    public boolean canComment() {
        return viewer != null && !viewer.suspended();
    }

    public boolean moderator() {
        return viewer != null && viewer.moderator();
    }

    public String draftFor(Long commentId) {
        return draft != null && java.util.Objects.equals(draftFor, commentId) ? draft : "";
    }

    public List<Sort> sorts() {
        return List.of(Sort.values());
    }
}
