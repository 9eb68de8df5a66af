package org.tidings.server.comment;

import org.tidings.server.store.CommentStore;
import java.util.Locale;
import java.util.Optional;
import org.tidings.server.account.CurrentReader;

/**
 * The reader of a page as comments see them: their account, whether they moderate, whether they
 * are suspended. Roles are stored as {@code READER}, {@code MODERATOR}, {@code ADMIN} (any case is accepted);
 * moderators and administrators moderate.
 */
public record Viewer(long id, String name, boolean moderator, boolean suspended) {

    /** The id no account has: queries "liked by the viewer" match nothing for anonymous readers. */
    static final long NOBODY = -1;

    static boolean moderates(String role) {
        String r = role == null ? "" : role.toLowerCase(Locale.ROOT);
        return r.equals("moderator") || r.equals("admin") || r.equals("administrator");
    }

    static Viewer of(CommentStore.Member member) {
        return new Viewer(member.id(), member.username(), moderates(member.role()), member.suspended());
    }

    /** The signed-in reader of this request, if any. */
    static Optional<Viewer> current(CommentStore store) {
        return CurrentReader.name().flatMap(store::member).map(Viewer::of);
    }

}
