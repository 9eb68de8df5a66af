package org.tidings.server.personal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.account.CurrentReader;
import org.tidings.server.account.Roles;
import org.tidings.server.i18n.Message;
import org.tidings.server.store.AccountStore;
import org.tidings.server.store.Archive;
import org.tidings.server.store.ArticleDraft;
import org.tidings.server.store.ArticleStore;
import org.tidings.server.store.ArticleView;
import org.tidings.server.store.EnrichmentStore;
import org.tidings.server.store.Interest;
import org.tidings.server.store.PersonalStore.Choice;
import org.tidings.server.store.PersonalStore;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.store.StoryStore;
import org.tidings.server.testing.Fixtures;
import org.tidings.server.testing.MutableClock;
import org.tidings.server.testing.OnEachDatabase;
import org.tidings.server.testing.Stores;
import org.tidings.server.testing.TestDatabase;

/**
 * Follows, mutes, saved articles, reading history, the mute filter and "For you", on H2 and
 * PostgreSQL. Topics come from the enrichment's {@code article_topic} table (migration V5 of the
 * shared contract), created here as that contract defines it when the migrations do not have it.
 */
@OnEachDatabase
class PersonalStoreTest {

    @Parameter
    TestDatabase db;

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);

    /** A database with two readers, three sources, and the services under test. */
    private final class World {
        final JdbcClient jdbc;
        final AccountStore accounts;
        final SourceStore sources;
        final ArticleStore articles;
        final StoryStore stories;
        final PersonalStore store;
        final EnrichmentStore topics;
        final ReaderFilters filters;
        final ForYou forYou;
        final long nadia, omar;
        final long harbour, ledger, valley;

        World(TestDatabase db) {
            DataSource ds = db.migrated();
            jdbc = JdbcClient.create(ds);
            accounts = new AccountStore(jdbc, clock);
            sources = new SourceStore(jdbc, clock);
            articles = new ArticleStore(jdbc, clock);
            stories = new StoryStore(jdbc, clock);
            store = new PersonalStore(jdbc, clock);
            topics = new EnrichmentStore(jdbc, clock);
            filters = new ReaderFilters(store, topics, new CurrentReader(accounts));
            forYou = new ForYou(store, topics, new Archive(jdbc), filters, clock);
            nadia = accounts.createReader("nadia@example.test", "Nadia", "$argon2id$x", Roles.READER).orElseThrow();
            omar = accounts.createReader("omar@example.test", "Omar", "$argon2id$y", Roles.READER).orElseThrow();
            harbour = sources.add(new SourceSettings("https://harbour.test/feed", "Harbour Times", null, "en", null, "world", true, true),
                    Duration.ofMinutes(15)).id();
            ledger = sources.add(new SourceSettings("https://ledger.test/feed", "Ledger Daily", null, "en", null, "business", true, true),
                    Duration.ofMinutes(15)).id();
            valley = sources.add(Fixtures.source("https://valley.test/feed", "Valley Post"), Duration.ofMinutes(15)).id();
        }

        long article(long source, String title, Duration ago) {
            String url = "https://" + source + ".test/" + title.hashCode();
            articles.save(source, ArticleDraft.ofFeed(url, url, title, "<p>About " + title + "</p>", null, null, null,
                    NOW.minus(ago), null, "h" + title.hashCode()), false);
            return jdbc.sql("SELECT id FROM article WHERE url = :u").param("u", url).query(Long.class).single();
        }

        void topic(long article, String slug, String label) {
            jdbc.sql("INSERT INTO article_topic (article_id, slug, label, kind) VALUES (:a, :s, :l, 'topic')")
                    .param("a", article).param("s", slug).param("l", label).update();
        }

        List<ArticleView> views(long... ids) {
            return new Archive(jdbc).findByIds(java.util.Arrays.stream(ids).boxed().toList());
        }

        List<ArticleView> visible(long reader, List<ArticleView> all) {
            return filters.visibleBy(filters.mutesOf(reader), all, ReaderFilters.Subject::of);
        }
    }

    @Test
    void followsAndMutesBelongToTheirReaderAlone() {
        World w = new World(db);
        w.store.add(w.nadia, Choice.FOLLOW, Interest.SOURCE, String.valueOf(w.harbour), "Harbour Times");
        w.store.add(w.nadia, Choice.FOLLOW, Interest.TOPIC, "ukraine", "Ukraine");
        w.store.add(w.nadia, Choice.FOLLOW, Interest.TOPIC, "ukraine", "Ukraine"); // twice is once
        w.store.add(w.nadia, Choice.MUTE, Interest.KEYWORD, "football", "football");
        assertThat(w.store.follows(w.nadia)).extracting(PersonalStore.Entry::target).containsExactlyInAnyOrder(
                String.valueOf(w.harbour), "ukraine");
        assertThat(w.store.follows(w.omar)).isEmpty();
        assertThat(w.store.mutes(w.omar)).isEmpty();
        w.store.remove(w.omar, Choice.FOLLOW, Interest.TOPIC, "ukraine"); // another reader cannot remove it
        w.store.remove(w.omar, Choice.MUTE, Interest.KEYWORD, "football");
        assertThat(w.store.follows(w.nadia)).hasSize(2);
        assertThat(w.store.mutes(w.nadia)).hasSize(1);
        w.store.remove(w.nadia, Choice.FOLLOW, Interest.TOPIC, "ukraine");
        assertThat(w.store.follows(w.nadia)).extracting(PersonalStore.Entry::kind).containsExactly(Interest.SOURCE);
    }

    @Test
    void savedArticlesAndHistoryBelongToTheirReaderAlone() {
        World w = new World(db);
        long a = w.article(w.harbour, "Bridge reopens", Duration.ofHours(2));
        long b = w.article(w.ledger, "Rates hold", Duration.ofHours(1));
        assertThat(w.store.save(w.nadia, a)).isTrue();
        assertThat(w.store.save(w.nadia, 999_999)).isFalse();
        assertThat(w.store.isSaved(w.omar, a)).isFalse();
        w.store.unsave(w.omar, a);
        assertThat(w.store.saved(w.nadia, 10)).extracting(PersonalStore.Marked::articleId).containsExactly(a);

        w.store.recordRead(w.nadia, a);
        clock.advance(Duration.ofMinutes(1));
        w.store.recordRead(w.nadia, b);
        w.store.recordRead(w.omar, b);
        assertThat(w.store.history(w.nadia, 10)).extracting(PersonalStore.Marked::articleId).containsExactly(b, a);
        w.store.clearHistory(w.omar);
        assertThat(w.store.history(w.nadia, 10)).hasSize(2);
        w.store.clearHistory(w.nadia);
        assertThat(w.store.history(w.nadia, 10)).isEmpty();
        w.store.recordRead(w.omar, b);

        w.accounts.setHistoryEnabled(w.nadia, false);
        w.store.recordRead(w.nadia, a);
        assertThat(w.store.history(w.nadia, 10)).isEmpty();
        assertThat(w.store.history(w.omar, 10)).extracting(PersonalStore.Marked::articleId).containsExactly(b);

        w.store.erase(w.nadia);
        assertThat(w.store.saved(w.nadia, 10)).isEmpty();
        assertThat(w.store.saved(w.omar, 10)).isEmpty();
        assertThat(w.store.history(w.omar, 10)).hasSize(1);
    }

    @Test
    void mutedSourcesTopicsAndKeywordsStayOutOfAList() {
        World w = new World(db);
        long bridge = w.article(w.harbour, "Bridge reopens after repairs", Duration.ofHours(3));
        long match = w.article(w.valley, "Football: Valley wins the cup", Duration.ofHours(2));
        long party = w.article(w.valley, "A party for the art museum", Duration.ofHours(2));
        long rates = w.article(w.ledger, "Rates hold steady", Duration.ofHours(1));
        long war = w.article(w.valley, "Talks resume", Duration.ofHours(1));
        w.topic(war, "ukraine", "Ukraine");
        List<ArticleView> all = w.views(bridge, match, party, rates, war);

        assertThat(w.visible(w.nadia, all)).hasSize(5);
        w.store.add(w.nadia, Choice.MUTE, Interest.SOURCE, String.valueOf(w.ledger), "Ledger Daily");
        w.store.add(w.nadia, Choice.MUTE, Interest.KEYWORD, "football", "football");
        w.store.add(w.nadia, Choice.MUTE, Interest.KEYWORD, "art", "art"); // a whole word: "party" stays
        w.store.add(w.nadia, Choice.MUTE, Interest.TOPIC, "ukraine", "Ukraine");
        assertThat(w.visible(w.nadia, all)).extracting(ArticleView::id).containsExactly(bridge);
        w.store.remove(w.nadia, Choice.MUTE, Interest.KEYWORD, "art");
        assertThat(w.visible(w.nadia, all)).extracting(ArticleView::id).containsExactly(bridge, party);
        assertThat(w.visible(w.omar, all)).hasSize(5); // another reader's mutes are not mine
        // items that are not articles (search hits) are filtered by what they say of their article
        record Hit(long id, long source, String headline) {}
        List<Hit> hits = List.of(new Hit(rates, w.ledger, "Rates hold steady"), new Hit(party, w.valley, "Party for the museum"),
                new Hit(match, w.valley, "Valley wins the FOOTBALL cup"));
        assertThat(w.filters.visibleBy(w.filters.mutesOf(w.nadia), hits, h -> new ReaderFilters.Subject(h.id(), h.source(), h.headline(), null)))
                .extracting(Hit::id).containsExactly(party);
    }

    @Test
    void forYouShowsStoriesFromWhatTheReaderFollowsWithTheReason() {
        World w = new World(db);
        // a story covered by two publishers, one of them followed
        long s1 = w.article(w.harbour, "Port strike spreads", Duration.ofHours(5));
        long s1b = w.article(w.valley, "Dockers walk out", Duration.ofHours(4));
        Stores.placeInStory(w.stories, s1, s1, null);
        Stores.placeInStory(w.stories, s1b, s1, null);
        // a lone article of a followed topic
        long talks = w.article(w.ledger, "Ceasefire talks resume", Duration.ofHours(2));
        w.topic(talks, "ukraine", "Ukraine");
        // a section followed (from the source's section), an old article, an unrelated one
        long markets = w.article(w.ledger, "Markets rally", Duration.ofHours(1));
        long old = w.article(w.harbour, "Last week's storm", Duration.ofDays(6));
        long other = w.article(w.valley, "Village fete", Duration.ofHours(1));

        assertThat(w.forYou.picks(w.nadia, 10)).isEmpty();
        assertThat(w.forYou.nothingToGoOn(w.nadia)).isTrue();

        w.store.add(w.nadia, Choice.FOLLOW, Interest.SOURCE, String.valueOf(w.harbour), "Harbour Times");
        w.store.add(w.nadia, Choice.FOLLOW, Interest.TOPIC, "ukraine", "Ukraine");
        w.store.add(w.nadia, Choice.FOLLOW, Interest.SECTION, "business", "Business");
        var picks = w.forYou.picks(w.nadia, 10);
        assertThat(picks).extracting(p -> p.lead().id()).containsExactlyInAnyOrder(s1, talks, markets).doesNotContain(old, other);
        var byLead = new java.util.HashMap<Long, Message>();
        picks.forEach(p -> byLead.put(p.lead().id(), p.reason()));
        assertThat(byLead.get(s1)).isEqualTo(Message.of("forYou.because.source", "Harbour Times"));
        assertThat(byLead.get(talks)).isEqualTo(Message.of("forYou.because.topic", "Ukraine"));
        assertThat(byLead.get(markets)).isEqualTo(Message.of("forYou.because.section", "Business"));
        // ranked like top stories: the story two publishers cover comes first
        assertThat(picks.getFirst().lead().id()).isEqualTo(s1);
        assertThat(picks.getFirst().publishers()).isEqualTo(2);
        assertThat(w.forYou.picks(w.omar, 10)).isEmpty();

        // muted things never appear, even when followed
        w.store.add(w.nadia, Choice.MUTE, Interest.KEYWORD, "rally", "rally");
        assertThat(w.forYou.picks(w.nadia, 10)).extracting(p -> p.lead().id()).doesNotContain(markets);
        // a story the reader has read all of brings nothing new: it comes after the unread ones
        w.store.recordRead(w.nadia, s1);
        assertThat(w.forYou.picks(w.nadia, 10).getFirst().lead().id()).isEqualTo(s1);
        w.store.recordRead(w.nadia, s1b);
        assertThat(w.forYou.picks(w.nadia, 10)).extracting(p -> p.lead().id()).containsExactly(talks, s1);
    }

    @Test
    void theArticlePageOffersToFollowItsTopicsAndSection() {
        World w = new World(db);
        PersonalPages pages = new PersonalPages(w.store, w.topics, new CurrentReader(w.accounts), new org.tidings.server.store.SubscriptionStore(w.jdbc, clock));
        long talks = w.article(w.harbour, "Ceasefire talks resume", Duration.ofHours(1));
        w.topic(talks, "ukraine", "Ukraine");
        w.topic(talks, "diplomacy", "Diplomacy");
        var before = pages.actions(w.nadia, w.views(talks).getFirst());
        assertThat(before.topics()).extracting(PersonalPages.TopicButton::label).containsExactly("Diplomacy", "Ukraine");
        assertThat(before.topics()).noneMatch(PersonalPages.TopicButton::followed);
        assertThat(before.section()).isEqualTo("world"); // the source's section until the enrichment gives one
        assertThat(before.followsSection()).isFalse();
        w.store.add(w.nadia, Choice.FOLLOW, Interest.TOPIC, "ukraine", "Ukraine");
        w.store.add(w.nadia, Choice.FOLLOW, Interest.SECTION, "world", "world");
        var after = pages.actions(w.nadia, w.views(talks).getFirst());
        assertThat(after.topics()).filteredOn(PersonalPages.TopicButton::followed).extracting(PersonalPages.TopicButton::slug)
                .containsExactly("ukraine");
        assertThat(after.followsSection()).isTrue();
        assertThat(pages.actions(w.omar, w.views(talks).getFirst()).followsSection()).isFalse();
    }

    @Test
    void forYouFollowsWhatTheReaderReads() {
        World w = new World(db);
        long first = w.article(w.valley, "Flood warning issued", Duration.ofHours(10));
        Stores.placeInStory(w.stories, first, first, null);
        w.store.recordRead(w.omar, first);
        long update = w.article(w.harbour, "Flood waters recede", Duration.ofHours(1));
        Stores.placeInStory(w.stories, update, first, null);
        var picks = w.forYou.picks(w.omar, 10);
        assertThat(picks).extracting(p -> p.lead().id()).containsExactly(update);
        assertThat(picks.getFirst().reason()).isEqualTo(Message.of("forYou.because.story"));
        assertThat(w.forYou.picks(w.nadia, 10)).isEmpty();
    }
}
