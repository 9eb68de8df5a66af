package org.tidings.server.story;

import org.tidings.server.i18n.Message;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.tidings.server.store.ArticleStore;
import org.tidings.server.store.ArticleView;
import org.tidings.server.store.StoryStore;
import org.tidings.story.Story;
import org.tidings.story.TopStories;

/**
 * The top stories of the front page: stories of the last two days covered by at least two
 * publishers, ranked by the core's breadth, velocity, freshness and diversity, each with its lead
 * article and the parts of its score. Ranked at most once a minute, however many readers ask.
 */
@Service
public class FrontPage {

    /** Older stories are not "top" any more, however broad their coverage was. */
    static final Duration HORIZON = Duration.ofHours(48);
    /** One publisher's report is an article, not yet a story others confirm. */
    static final int MIN_PUBLISHERS = 2;
    static final Duration CACHE = Duration.ofMinutes(1);

    /** One ranked story as the front page shows it. */
    public record TopStory(long storyId, ArticleView lead, int publishers, int reports, Instant latest, TopStories.Score score) {

        /** The score's parts in words, for "why is this here". */
        public Message explanation() {
            return Message.of("home.top.explanation", publishers, score.breadth(), score.velocity(), score.freshness(),
                    score.diversity(), score.total());
        }
    }

    private record Cached(Instant at, List<TopStory> stories) {}

    private final StoryStore stories;
    private final ArticleStore articles;
    private final Clock clock;
    private volatile Cached cached = new Cached(Instant.MIN, List.of());

    public FrontPage(StoryStore stories, ArticleStore articles, Clock clock) {
        this.stories = stories;
        this.articles = articles;
        this.clock = clock;
    }

    public List<TopStory> top(int limit) {
        Instant now = clock.instant();
        Cached c = cached;
        if (c.at().plus(CACHE).isBefore(now)) {
            c = new Cached(now, rank(now, limit));
            cached = c;
        }
        return c.stories().subList(0, Math.min(limit, c.stories().size()));
    }

    private List<TopStory> rank(Instant now, int limit) {
        Map<Long, List<StoryStore.Member>> byStory = new LinkedHashMap<>();
        for (StoryStore.Member m : stories.recentMembers(now.minus(HORIZON))) {
            byStory.computeIfAbsent(m.storyId(), k -> new ArrayList<>()).add(m);
        }
        List<Story> candidates = new ArrayList<>();
        for (var entry : byStory.entrySet()) {
            List<StoryStore.Member> members = entry.getValue();
            var publishers = new LinkedHashSet<String>();
            List<Story.Entry> timeline = new ArrayList<>();
            for (StoryStore.Member m : members) {
                publishers.add(m.publisher());
                timeline.add(new Story.Entry(String.valueOf(m.articleId()), m.title(), m.publisher(), m.published(), null));
            }
            if (publishers.size() < MIN_PUBLISHERS) continue;
            candidates.add(new Story(String.valueOf(entry.getKey()), members.getFirst().title(), timeline, publishers,
                    members.getFirst().published(), members.getLast().published()));
        }
        List<TopStory> top = new ArrayList<>();
        for (TopStories.Ranked r : TopStories.rank(candidates, now, limit)) {
            Story s = r.story();
            Optional<ArticleView> lead = articles.findById(Long.parseLong(s.timeline().getFirst().articleId()));
            lead.ifPresent(a -> top.add(new TopStory(Long.parseLong(s.id()), a, s.publishers().size(), s.timeline().size(),
                    s.latest(), r.score())));
        }
        return List.copyOf(top);
    }
}
