package org.tidings.story;

import java.util.List;

/**
 * Where one article went.
 *
 * @param articleId     the article
 * @param storyId       the story it belongs to now (the id of the story's founding article)
 * @param duplicateOf   the id of the earliest article it copies (same URL or near-identical text), or null
 * @param mergedStories ids of stories that this article joined into {@code storyId}: their articles
 *                      now belong to {@code storyId} (empty almost always)
 * @param repointed     ids of articles that arrived earlier but copy this one, which was published
 *                      before them (a syndicated copy polled before its original): they now name this
 *                      article as the one they copy (empty almost always)
 */
public record Assignment(String articleId, String storyId, String duplicateOf, List<String> mergedStories,
                         List<String> repointed) {

    public Assignment {
        mergedStories = List.copyOf(mergedStories);
        repointed = List.copyOf(repointed);
    }
}
