package org.tidings.server.comment;

import org.tidings.server.store.CommentStore;
import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Service;

/** How many visible comments articles have, for lists: many articles, one query. */
@Service
public class CommentCounts {

    private final CommentStore store;

    CommentCounts(CommentStore store) {
        this.store = store;
    }

    /** Visible comments per article id; an article without comments maps to nothing (read it as 0). */
    public Map<Long, Integer> of(Collection<Long> articleIds) {
        return store.visibleCounts(articleIds.stream().distinct().toList());
    }
}
