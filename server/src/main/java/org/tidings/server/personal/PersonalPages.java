package org.tidings.server.personal;

import org.springframework.stereotype.Service;
import org.tidings.server.account.CurrentReader;
import org.tidings.server.store.ArticleView;

/** What the article page needs from the reader's personal data: the reader's buttons, and the history entry. */
@Service
public class PersonalPages {

    /**
     * The state of the reader's buttons beside an article.
     *
     * @param signedIn false for anonymous readers, who are offered to sign in instead
     */
    public record ArticleActions(boolean signedIn, boolean saved, boolean followsSource, boolean mutesSource) {
        static final ArticleActions ANONYMOUS = new ArticleActions(false, false, false, false);
    }

    private final PersonalStore store;
    private final CurrentReader current;

    PersonalPages(PersonalStore store, CurrentReader current) {
        this.store = store;
        this.current = current;
    }

    /** Notes the article in the reader's history (when it is on) and returns the state of the reader's buttons. */
    public ArticleActions onArticleOpened(ArticleView article) {
        var reader = current.id();
        if (reader.isEmpty()) return ArticleActions.ANONYMOUS;
        long account = reader.getAsLong();
        store.recordRead(account, article.id());
        String source = String.valueOf(article.sourceId());
        return new ArticleActions(true, store.isSaved(account, article.id()),
                store.follows(account).stream().anyMatch(e -> e.kind() == Interest.SOURCE && e.target().equals(source)),
                store.mutes(account).stream().anyMatch(e -> e.kind() == Interest.SOURCE && e.target().equals(source)));
    }
}
