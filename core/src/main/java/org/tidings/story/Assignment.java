package org.tidings.story;

import java.util.List;

/**
 * Where one article went: its story (named by the founding article), the earliest article it copies (same URL or
 * near-identical text) or null, the stories it joined into its story, and the earlier-arrived copies of it that now
 * name it as their original (a syndicated copy polled before the original). The two lists are almost always empty.
 */
public record Assignment(String articleId, String storyId, String duplicateOf, List<String> mergedStories,
                         List<String> repointed) {

    public Assignment {
        mergedStories = List.copyOf(mergedStories);
        repointed = List.copyOf(repointed);
    }
}
