package org.tidings.story;

import java.nio.file.Path;
import java.util.List;

/**
 * For studying errors: prints every headline of the file (or of one day) as
 * {@code predicted<TAB>gold<TAB>title}, in order of arrival, with the stories at the end (after
 * merges). Arguments: the file; optionally a day prefix ("2014-03-11") or "all"; optionally
 * "trace" to print first, for each arrival, {@code ADD<TAB>story<TAB>gold<TAB>merged<TAB>title}
 * (which stories each article merged, to tell good merges from bad ones).
 */
public final class StoryDiagnostics {

    public static void main(String[] args) {
        String day = args.length > 1 ? args[1] : "all";
        boolean trace = args.length > 2 && args[2].equals("trace");
        List<LabelledHeadlines> items = LabelledHeadlines.read(Path.of(args[0])).stream()
                .filter(h -> day.equals("all") || h.published().toString().startsWith(day)).toList();
        StoryClusterer clusterer = new StoryClusterer();
        for (LabelledHeadlines h : items) {
            Assignment a = clusterer.add(h.article());
            if (trace) {
                System.out.println("ADD\t" + a.storyId() + "\t" + h.story() + "\t" + String.join(",", a.mergedStories()) + "\t" + h.title());
            }
        }
        for (LabelledHeadlines h : items) {
            System.out.println(clusterer.storyOf(h.id()).orElseThrow() + "\t" + h.story() + "\t" + h.title());
        }
    }
}
