package org.tidings.server.personal;

import java.util.List;
import org.springframework.stereotype.Service;
import org.tidings.server.account.CurrentReader;
import org.tidings.server.store.ArticleView;
import org.tidings.server.store.EnrichmentStore;
import org.tidings.server.store.Interest;
import org.tidings.server.store.PersonalStore;
import org.tidings.server.store.SubscriptionStore;

/** What the article page needs from the reader's personal data: the reader's buttons, and the history entry. */
@Service
public record PersonalPages(PersonalStore store, EnrichmentStore topics, CurrentReader current, SubscriptionStore reading) {

    /** The reader's buttons beside an article; anonymous readers are offered to sign in instead. */
    public record ArticleActions(boolean signedIn, boolean saved, boolean followsSource, boolean mutesSource,
            List<TopicButton> topics, String section, boolean followsSection) {
        static final ArticleActions ANONYMOUS = new ArticleActions(false, false, false, false, List.of(), null, false);
    }

    public record TopicButton(String slug, String label, boolean followed) {}

    /** Whether the article is of a reader's private feed that the reader of this request does not subscribe to. */
    public boolean hidden(ArticleView article) {
        var reader = current.id();
        return reading.hiddenFrom(article.id(), reader.isPresent() ? reader.getAsLong() : null);
    }

    /** Notes the article in the reader's history (when it is on), and marks it read. */
    public ArticleActions onArticleOpened(ArticleView article) {
        var reader = current.id();
        if (reader.isEmpty()) return ArticleActions.ANONYMOUS;
        store.recordRead(reader.getAsLong(), article.id());
        reading.markRead(reader.getAsLong(), java.util.List.of(article.id()));
        return actions(reader.getAsLong(), article);
    }

    ArticleActions actions(long account, ArticleView article) {
        String source = String.valueOf(article.sourceId());
        var follows = store.follows(account);
        List<TopicButton> buttons = topics.topicsOf(article.id()).stream()
                .map(t -> new TopicButton(t.slug(), t.label(), has(follows, Interest.TOPIC, t.slug()))).toList();
        String section = topics.sectionOf(article.id());
        String sectionKey = section == null ? null : Interest.SECTION.normalize(section).orElse(null);
        return new ArticleActions(true, store.isSaved(account, article.id()), has(follows, Interest.SOURCE, source),
                has(store.mutes(account), Interest.SOURCE, source), buttons, sectionKey == null ? null : section,
                has(follows, Interest.SECTION, sectionKey));
    }

    private static boolean has(List<PersonalStore.Entry> entries, Interest kind, String target) {
        return entries.stream().anyMatch(e -> e.kind() == kind && e.target().equals(target));
    }
}
