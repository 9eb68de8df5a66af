package org.tidings.server.frontpage;

import java.time.Instant;
import org.tidings.server.i18n.Message;
import org.tidings.server.store.ArticleView;
import org.tidings.story.TopStories;

/** One ranked story as the front page shows it: its lead article in the reader's edition, its breadth and its score. */
public record TopStory(long storyId, ArticleView lead, int publishers, int reports, Instant latest, TopStories.Score score) {

    /** The score's parts in words, for "why is this here". */
    public Message explanation() {
        return Message.of("home.top.explanation", publishers, score.breadth(), score.velocity(), score.freshness(),
                score.diversity(), score.total());
    }
}
