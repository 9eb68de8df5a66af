package org.tidings.enrich;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.tidings.text.Folding;
import org.tidings.text.StopWords;
import org.tidings.text.WordLists;

/** The words that tell names apart, as keys, from {@code entities.txt}; generic words include months and weekdays. */
record EntityWords(Set<String> stopWords, Set<String> generic, Set<String> agencies, Set<String> titles,
                   Set<String> givenNames, Set<String> orgSuffixes, Set<String> orgPrefixes, Set<String> institutions) {

    static EntityWords load() {
        Map<String, List<String>> entities = WordLists.sections("/org/tidings/enrich/entities.txt", ";");
        return new EntityWords(StopWords.everyLanguage(), keys(entities, "generic", "month", "weekday"),
                keys(entities, "agency"), keys(entities, "title"), keys(entities, "given"),
                keys(entities, "org-suffix"), keys(entities, "org-prefix"), keys(entities, "ar-institution"));
    }

    private static Set<String> keys(Map<String, List<String>> lists, String... sections) {
        return Stream.of(sections).flatMap(section -> lists.getOrDefault(section, List.of()).stream())
                .map(Folding::phraseKey).collect(Collectors.toUnmodifiableSet());
    }
}
