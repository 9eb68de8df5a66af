package org.tidings.server.comment;

import java.util.List;
import org.tidings.server.i18n.Message;

/**
 * The comments under one article for one reader ({@code viewer} null: anonymous). {@code notice} and
 * {@code problem} answer the reader's last action; they are shown next to the comment {@code about}
 * (null when that comment is not on the page), else above the comments. {@code draft} is a refused comment's text given
 * back, replying to {@code draftFor} (null: a new thread).
 */
public record CommentSection(long articleId, Sort sort, List<CommentView> threads, int visible, boolean more, int shown,
        Viewer viewer, Message notice, Message problem, Long about, String draft, Long draftFor) {

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

    /** The answer to the last action when it concerns no comment on this page. */
    public Message noticeAbove() {
        return about == null ? notice : null;
    }

    public Message problemAbove() {
        return about == null ? problem : null;
    }

    /** The answer to the last action when it concerns this comment. */
    public Message noticeFor(long commentId) {
        return about != null && about == commentId ? notice : null;
    }

    public Message problemFor(long commentId) {
        return about != null && about == commentId ? problem : null;
    }

    public List<Sort> sorts() {
        return List.of(Sort.values());
    }
}
