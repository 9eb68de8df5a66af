package org.tidings.text;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Words that name no subject: each language's function words, and news fillers ("update", "says", "officials"). */
public final class StopWords {

    private static final Map<String, Set<String>> LISTS = WordLists.sets("/org/tidings/text/stopwords.txt");
    /** The lists of {@link #everyLanguage}: the languages of the editions, and the news words. */
    private static final List<String> TOPIC_LISTS = List.of("en", "ar", "de", "fr", "es", "news");
    private static final Set<String> EVERY_LANGUAGE = TOPIC_LISTS.stream().flatMap(language -> LISTS.get(language).stream())
            .map(Folding::key).collect(Collectors.toUnmodifiableSet());

    private StopWords() {
    }

    /** The function words of a language; the English ones for a language without a list. */
    public static Set<String> of(String language) {
        return LISTS.getOrDefault(language, LISTS.get("en"));
    }

    /** English function words and the fillers of headlines ("update", "video"): for clustering headlines. */
    public static Set<String> headlines() {
        return LISTS.get("headlines");
    }

    /** Every list as {@link Folding#key keys}: a text mixes languages, a function word is one everywhere. */
    public static Set<String> everyLanguage() {
        return EVERY_LANGUAGE;
    }
}
