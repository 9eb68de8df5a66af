package org.tidings.server.listing;

import java.util.List;
import org.tidings.server.store.ArticleView;

/** One page of a list of articles, and whether an older page follows. */
public record ArticlePage(List<ArticleView> articles, int number, boolean hasNext) {

    /** Articles per page: a screenful or two on a phone, one long scroll on a desktop. */
    static final int SIZE = 40;
    /** Deeper pages than this are not offered: readers use search for the archive. */
    static final int MAX = 50;

    public boolean isEmpty() {
        return articles.isEmpty();
    }
}
