package org.tidings.server.web;

import java.util.List;
import org.tidings.server.personal.ReaderFilters;
import org.tidings.server.store.ArticleView;
import org.tidings.server.store.Listing;
import org.tidings.server.store.ListingStore;

/** One page of a list of articles, and whether an older page follows. */
public record ArticlePage(List<ArticleView> articles, int number, boolean hasNext) {

    /** Articles per page: a screenful or two on a phone, one long scroll on a desktop. */
    static final int SIZE = 40;
    /** Deeper pages than this are not offered: readers use search for the archive. */
    static final int MAX = 50;

    /** A page of the listing, less what the reader muted (a page may then hold fewer than {@link #SIZE}). */
    static ArticlePage of(ListingStore listings, Listing listing, int requested, ReaderFilters filters) {
        int number = Math.clamp(requested, 1, MAX);
        List<ArticleView> found = listings.latest(listing, SIZE + 1, (number - 1) * SIZE);
        return new ArticlePage(filters.visible(found.subList(0, Math.min(SIZE, found.size()))), number,
                found.size() > SIZE && number < MAX);
    }

    public boolean isEmpty() {
        return articles.isEmpty();
    }
}
