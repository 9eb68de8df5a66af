package org.tidings.enrich;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tidings.text.Folding;
import org.tidings.text.StopWords;
import org.tidings.text.WordLists;

/**
 * The words that tell names apart, as keys: stop words, words that are no names (generic nouns, months, weekdays),
 * news agencies, titles ("President", "الشيخ"), given names, organisation suffixes and prefixes, and Arabic
 * institutions (from {@code entities.txt}).
 */
record EntityWords(Set<String> stopWords, Set<String> generic, Set<String> agencies, Set<String> titles,
                   Set<String> givenNames, Set<String> orgSuffixes, Set<String> orgPrefixes, Set<String> institutions) {

    static EntityWords load() {
        Map<String, List<String>> entities = WordLists.sections("/org/tidings/enrich/entities.txt", ";");
        Set<String> notNames = new HashSet<>(keys(entities, "generic"));
        notNames.addAll(keys(entities, "month"));
        notNames.addAll(keys(entities, "weekday"));
        return new EntityWords(StopWords.everyLanguage(), Set.copyOf(notNames), keys(entities, "agency"),
                keys(entities, "title"), keys(entities, "given"), keys(entities, "org-suffix"),
                keys(entities, "org-prefix"), keys(entities, "ar-institution"));
    }

    /** The keys of the entries of one section of a word list. */
    private static Set<String> keys(Map<String, List<String>> sections, String section) {
        Set<String> keys = new HashSet<>();
        for (String entry : sections.getOrDefault(section, List.of())) {
            keys.add(Folding.phraseKey(entry));
        }
        return Set.copyOf(keys);
    }
}
