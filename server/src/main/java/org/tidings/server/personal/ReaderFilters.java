package org.tidings.server.personal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.tidings.server.account.CurrentReader;
import org.tidings.server.store.ArticleView;
import org.tidings.server.store.EnrichmentStore;
import org.tidings.server.store.PersonalStore;

/**
 * Keeps what the current reader muted (sources, topics, whole-word keywords in headline or lead)
 * out of every list of articles, stories or hits, in their order; anonymous readers see everything.
 */
@Service
public record ReaderFilters(PersonalStore store, EnrichmentStore topics, CurrentReader current) {

    record Mutes(Set<Long> sources, Set<String> topics, List<Pattern> keywords) {

        boolean isEmpty() {
            return sources.isEmpty() && topics.isEmpty() && keywords.isEmpty();
        }

        boolean hide(Subject article, Set<String> articleTopics) {
            if (sources.contains(article.sourceId()) || articleTopics.stream().anyMatch(topics::contains)) return true;
            String text = (article.title() == null ? "" : article.title()) + " " + (article.lead() == null ? "" : article.lead());
            return keywords.stream().anyMatch(keyword -> keyword.matcher(text).find());
        }
    }

    /** What the filter looks at in an item that is not an {@link ArticleView} (a search hit, say). */
    public record Subject(long articleId, long sourceId, String title, String lead) {

        static Subject of(ArticleView a) {
            return new Subject(a.id(), a.sourceId(), a.title(), a.lead());
        }
    }

    public List<ArticleView> visible(List<ArticleView> articles) {
        return visible(articles, Function.identity());
    }

    public <T> List<T> visible(List<T> items, Function<T, ArticleView> article) {
        return visibleBy(items, article.andThen(Subject::of));
    }

    public <T> List<T> visibleBy(List<T> items, Function<T, Subject> subject) {
        var reader = current.id();
        return reader.isEmpty() ? items : visibleBy(mutesOf(reader.getAsLong()), items, subject);
    }

    Mutes mutesOf(long accountId) {
        Set<Long> sources = new HashSet<>();
        Set<String> slugs = new HashSet<>();
        List<Pattern> keywords = new ArrayList<>();
        for (PersonalStore.Entry e : store.mutes(accountId)) {
            switch (e.kind()) {
                case SOURCE -> sources.add(Long.parseLong(e.target()));
                case TOPIC -> slugs.add(e.target());
                case KEYWORD -> keywords.add(keyword(e.target()));
                case SECTION -> { } // sections are followed, not muted
            }
        }
        return new Mutes(sources, slugs, keywords);
    }

    <T> List<T> visibleBy(Mutes mutes, List<T> items, Function<T, Subject> subject) {
        if (mutes.isEmpty() || items.isEmpty()) return items;
        Map<Long, Set<String>> slugs = mutes.topics().isEmpty() ? Map.of()
                : topics.topicSlugs(items.stream().map(i -> subject.apply(i).articleId()).toList());
        return items.stream().filter(item -> {
            Subject a = subject.apply(item);
            return !mutes.hide(a, slugs.getOrDefault(a.articleId(), Set.of()));
        }).toList();
    }

    /** A keyword as a whole word or phrase: "ukraine" hides "Ukraine's" but "art" does not hide "party". */
    static Pattern keyword(String keyword) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(keyword.toLowerCase(Locale.ROOT)) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
