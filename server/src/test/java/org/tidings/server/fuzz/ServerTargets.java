package org.tidings.server.fuzz;

import java.util.List;
import org.tidings.fuzz.FuzzTarget;
import org.tidings.server.comment.CommentRendererTarget;
import org.tidings.server.image.ThumbnailerTarget;
import org.tidings.server.search.QueryReaderTarget;

/**
 * The server's fuzz targets, each defined beside the class it fuzzes (they are package-private):
 * the comment renderer, the search query reader and the thumbnailer (publishers' pictures). The harness is the core's ({@code org.tidings.fuzz}).
 */
public final class ServerTargets {

    private ServerTargets() {}

    public static List<FuzzTarget> all() {
        return List.of(CommentRendererTarget.target(), QueryReaderTarget.target(), ThumbnailerTarget.target());
    }
}
