package org.tidings.server.comment;

import java.util.Optional;
import org.tidings.server.account.CurrentReader;
import org.tidings.server.account.Roles;
import org.tidings.server.store.CommentStore;

public record Viewer(long id, String name, boolean moderator, boolean suspended) {

    /** The id no account has: queries "liked by the viewer" match nothing for anonymous readers. */
    static final long NOBODY = -1;

    static Viewer of(CommentStore.Member member) {
        boolean moderates = Roles.MODERATOR.equalsIgnoreCase(member.role()) || Roles.ADMIN.equalsIgnoreCase(member.role());
        return new Viewer(member.id(), member.username(), moderates, member.suspended());
    }

    /** Whether this viewer wrote the comment (a deleted account wrote nothing anyone can claim). */
    boolean wrote(CommentStore.Stored comment) {
        return comment.authorId() != null && comment.authorId() == id;
    }

    public static Optional<Viewer> current(CommentStore store) {
        return CurrentReader.name().flatMap(store::member).map(Viewer::of);
    }
}
