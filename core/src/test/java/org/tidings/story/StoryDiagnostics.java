package org.tidings.story;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints the predicted stories of one day with their gold labels: for studying errors. */
public final class StoryDiagnostics {

    public static void main(String[] args) {
        List<LabelledHeadlines> items = LabelledHeadlines.read(Path.of(args[0])).stream()
                .filter(h -> h.published().toString().startsWith(args[1])).toList();
        StoryClusterer clusterer = new StoryClusterer(StoryClusterer.DEFAULT_WINDOW, Double.parseDouble(args[2]), Double.parseDouble(args[3]));
        items.forEach(h -> clusterer.add(h.article()));
        Map<String, List<LabelledHeadlines>> byStory = items.stream()
                .collect(Collectors.groupingBy(h -> clusterer.storyOf(h.id()).orElseThrow()));
        byStory.values().stream().sorted((a, b) -> b.size() - a.size()).forEach(members -> {
            System.out.println("== " + members.size());
            members.stream().limit(Integer.parseInt(args[4])).forEach(h -> System.out.println("   " + h.story().substring(0, 6) + " " + h.title()));
        });
    }
}
