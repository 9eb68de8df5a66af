package org.tidings.server.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.server.ResponseStatusException;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.store.AccountStore;
import org.tidings.server.store.ArticleDraft;
import org.tidings.server.store.ArticleStore;
import org.tidings.server.store.CommentStatus;
import org.tidings.server.store.CommentStore;
import org.tidings.server.store.LimitStore;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.Fixtures;
import org.tidings.server.testing.MutableClock;
import org.tidings.server.testing.OnEachDatabase;
import org.tidings.server.testing.Settings;
import org.tidings.server.testing.TestDatabase;

/** The rules of comments, on H2 and PostgreSQL: threads, order, likes, edits, reports, holds, limits, moderation. */
@OnEachDatabase
class CommentDeskTest {

    @Parameter
    TestDatabase db;

    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    private final MutableClock clock = new MutableClock(T0);

    private record Fixture(JdbcClient jdbc, CommentStore store, CommentDesk desk, CommentSections sections,
            Moderation moderation, AccountStore accounts, long article, long otherArticle) {

        Viewer viewer(String name) {
            return Viewer.of(store.member(name).orElseThrow());
        }

        CommentSection page(Viewer viewer, CommentSection.Sort sort) {
            return sections.forArticle(article, viewer, sort, 50, null, null, null, null, null);
        }
    }

    private Fixture fixture(TestDatabase db, TidingsProperties settings) {
        DataSource ds = db.migrated();
        JdbcClient jdbc = JdbcClient.create(ds);
        SourceStore sources = new SourceStore(jdbc, clock);
        long source = sources.add(Fixtures.source("https://a.test/feed", "A"), Duration.ofMinutes(15)).id();
        ArticleStore articles = new ArticleStore(jdbc, clock);
        for (String n : List.of("1", "2")) {
            articles.save(source, ArticleDraft.ofFeed("g" + n, "https://a.test/" + n, "Article " + n, null, "<p>text</p>", null,
                    null, T0.minus(Duration.ofHours(1)), null, "h" + n), false);
        }
        List<Long> ids = jdbc.sql("SELECT id FROM article ORDER BY id").query(Long.class).list();
        AccountStore accounts = new AccountStore(jdbc, clock);
        // old enough accounts by default; the new-account rule is tested with one made "now"
        clock.set(T0.minus(Duration.ofDays(30)));
        accounts.create("amina", "x", "READER");
        accounts.create("bruno", "x", "READER");
        accounts.create("chen@mail.test", "x", "READER");
        accounts.create("mod", "x", "MODERATOR");
        clock.set(T0);
        CommentStore store = new CommentStore(jdbc, clock);
        return new Fixture(jdbc, store, new CommentDesk(store, new LimitStore(jdbc), settings, clock), new CommentSections(store, settings, clock),
                new Moderation(store), accounts, ids.get(0), ids.get(1));
    }

    private Fixture fixture(TestDatabase db) {
        return fixture(db, Settings.defaults());
    }

    private static long posted(CommentDesk.Outcome outcome) {
        assertThat(outcome.problem()).as("problem").isNull();
        return outcome.commentId();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReadersCommentsAreInTheirExportAndBecomeDeletedPlaceholdersWithTheirAccount() {
        Fixture f = fixture(db);
        Viewer amina = f.viewer("amina"), bruno = f.viewer("bruno");
        long mine = posted(f.desk().post(amina, "10.0.0.1", f.article(), null, "My view"));
        posted(f.desk().post(bruno, "10.0.0.2", f.article(), mine, "A reply to it"));
        CommentsPersonalData data = new CommentsPersonalData(f.store());

        var export = (java.util.Map<String, List<java.util.Map<String, Object>>>) data.export(amina.id());
        assertThat(export.get("comments")).extracting(m -> m.get("text")).containsExactly("My view");

        data.erase(amina.id());
        CommentSection page = f.page(null, CommentSection.Sort.OLDEST);
        assertThat(page.threads()).hasSize(1);
        assertThat(page.threads().getFirst().author()).as("the deleted comment keeps its place, without author").isNull();
        assertThat(page.threads().getFirst().html()).doesNotContain("My view");
        assertThat(page.threads().getFirst().replies()).extracting(CommentView::html).anySatisfy(h -> assertThat(h).contains("A reply to it"));
    }

    @Test
    void repliesAreShownTwoLevelsDeepNamingWhomTheyAnswer() {
        Fixture f = fixture(db);
        Viewer amina = f.viewer("amina"), bruno = f.viewer("bruno"), chen = f.viewer("chen@mail.test");
        long first = posted(f.desk().post(amina, "10.0.0.1", f.article(), null, "First!"));
        long reply = posted(f.desk().post(bruno, "10.0.0.2", f.article(), first, "A reply"));
        long deeper = posted(f.desk().post(chen, "10.0.0.3", f.article(), reply, "A reply to the reply"));

        CommentSection page = f.page(null, CommentSection.Sort.NEWEST);
        assertThat(page.threads()).extracting(CommentView::id).containsExactly(first);
        assertThat(page.threads().getFirst().replies()).extracting(CommentView::id).containsExactly(reply, deeper);
        assertThat(page.threads().getFirst().replies().get(0).replyingTo()).isNull();
        assertThat(page.threads().getFirst().replies().get(1).replyingTo()).isEqualTo("bruno");
        assertThat(page.threads().getFirst().replies().get(1).author()).as("e-mail addresses are never shown").isEqualTo("chen");
        assertThat(page.visible()).isEqualTo(3);
        assertThat(f.store().find(deeper, -1).orElseThrow().rootId()).isEqualTo(first);
    }

    @Test
    void threadsAreOrderedNewestOldestOrByLikes() {
        Fixture f = fixture(db);
        Viewer amina = f.viewer("amina"), bruno = f.viewer("bruno");
        long a = posted(f.desk().post(amina, "10.0.0.1", f.article(), null, "one"));
        clock.advance(Duration.ofMinutes(1));
        long b = posted(f.desk().post(amina, "10.0.0.1", f.article(), null, "two"));
        clock.advance(Duration.ofMinutes(1));
        long c = posted(f.desk().post(amina, "10.0.0.1", f.article(), null, "three"));
        f.desk().like(bruno, b);
        f.desk().like(amina, b);
        f.desk().like(bruno, a);

        assertThat(f.page(null, CommentSection.Sort.NEWEST).threads()).extracting(CommentView::id).containsExactly(c, b, a);
        assertThat(f.page(null, CommentSection.Sort.OLDEST).threads()).extracting(CommentView::id).containsExactly(a, b, c);
        assertThat(f.page(null, CommentSection.Sort.TOP).threads()).extracting(CommentView::id).containsExactly(b, a, c);
        assertThat(f.page(bruno, CommentSection.Sort.TOP).threads().getFirst().liked()).isTrue();
    }

    @Test
    void aLikeIsOnePerReaderAndTogglesBack() {
        Fixture f = fixture(db);
        long id = posted(f.desk().post(f.viewer("amina"), "10.0.0.1", f.article(), null, "like me"));
        Viewer bruno = f.viewer("bruno");
        f.desk().like(bruno, id);
        assertThat(f.page(bruno, CommentSection.Sort.NEWEST).threads().getFirst().likes()).isEqualTo(1);
        f.desk().like(bruno, id);
        assertThat(f.page(bruno, CommentSection.Sort.NEWEST).threads().getFirst().likes()).isZero();
        f.desk().like(bruno, id);
        assertThat(f.jdbc().sql("SELECT COUNT(*) FROM comment_reaction").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void onlyTheAuthorEditsWithinTheWindowAndTheCommentShowsAsEdited() {
        Fixture f = fixture(db);
        Viewer amina = f.viewer("amina"), bruno = f.viewer("bruno"), mod = f.viewer("mod");
        long id = posted(f.desk().post(amina, "10.0.0.1", f.article(), null, "Teh news"));
        assertThatThrownBy(() -> f.desk().edit(bruno, id, "vandalized")).isInstanceOf(ResponseStatusException.class)
                .hasMessageContaining("403");
        assertThatThrownBy(() -> f.desk().edit(mod, id, "vandalized")).hasMessageContaining("403");
        assertThatThrownBy(() -> f.desk().delete(bruno, id)).hasMessageContaining("403");

        clock.advance(Duration.ofMinutes(14));
        assertThat(f.desk().edit(amina, id, "The news").problem()).isNull();
        CommentView shown = f.page(null, CommentSection.Sort.NEWEST).threads().getFirst();
        assertThat(shown.html()).isEqualTo("<p>The news</p>");
        assertThat(shown.edited()).isTrue();

        clock.advance(Duration.ofMinutes(2));
        assertThat(f.desk().edit(amina, id, "Too late").problem().key()).isEqualTo("comments.problem.editWindow");
        assertThat(f.page(amina, CommentSection.Sort.NEWEST).threads().getFirst().editable()).isFalse();
    }

    @Test
    void aDeletedCommentLeavesAPlaceholderOnlyWhileItHasReplies() {
        Fixture f = fixture(db);
        Viewer amina = f.viewer("amina"), bruno = f.viewer("bruno");
        long lonely = posted(f.desk().post(amina, "10.0.0.1", f.article(), null, "alone"));
        long root = posted(f.desk().post(amina, "10.0.0.1", f.article(), null, "answered"));
        posted(f.desk().post(bruno, "10.0.0.2", f.article(), root, "an answer"));
        f.desk().delete(amina, lonely);
        f.desk().delete(amina, root);
        List<CommentView> threads = f.page(null, CommentSection.Sort.NEWEST).threads();
        assertThat(threads).extracting(CommentView::id).containsExactly(root);
        assertThat(threads.getFirst().deleted()).isTrue();
        assertThat(threads.getFirst().html()).isEmpty();
        assertThat(threads.getFirst().author()).isNull();
        assertThat(threads.getFirst().replies()).hasSize(1);
        assertThat(f.sections().counts(List.of(f.article())).get(f.article())).isEqualTo(1);
    }

    @Test
    void commentsOfADeletedAccountStayAndSayTheAccountIsGone() {
        Fixture f = fixture(db);
        long id = posted(f.desk().post(f.viewer("bruno"), "10.0.0.1", f.article(), null, "I was here"));
        f.jdbc().sql("DELETE FROM account WHERE username = 'bruno'").update();
        CommentView shown = f.page(null, CommentSection.Sort.NEWEST).threads().getFirst();
        assertThat(shown.id()).isEqualTo(id);
        assertThat(shown.authorDeleted()).isTrue();
        assertThat(shown.html()).isEqualTo("<p>I was here</p>");
    }

    @Test
    void linksFromNewAccountsWaitForAModerator() {
        Fixture f = fixture(db);
        f.accounts().create("newcomer", "x", "READER");
        Viewer newcomer = f.viewer("newcomer"), amina = f.viewer("amina"), bruno = f.viewer("bruno");
        long plain = posted(f.desk().post(newcomer, "10.0.0.9", f.article(), null, "Hello"));
        CommentDesk.Outcome linked = f.desk().post(newcomer, "10.0.0.9", f.article(), null, "Buy at https://spam.test/");
        assertThat(linked.notice().key()).isEqualTo("comments.notice.held");
        assertThat(f.page(bruno, CommentSection.Sort.NEWEST).threads()).extracting(CommentView::id).containsExactly(plain);
        assertThat(f.page(newcomer, CommentSection.Sort.NEWEST).threads()).extracting(CommentView::id)
                .containsExactly(linked.commentId(), plain);
        assertThat(f.moderation().queue(f.viewer("mod"))).extracting(q -> q.comment().id()).containsExactly(linked.commentId());

        // an old account with fewer approved comments than the threshold is new too
        assertThat(f.desk().post(amina, "10.0.0.1", f.article(), null, "see https://news.test/").notice().key())
                .isEqualTo("comments.notice.held");
        for (int i = 0; i < 3; i++) posted(f.desk().post(amina, "10.0.0.1", f.otherArticle(), null, "plain " + i));
        assertThat(f.desk().post(amina, "10.0.0.1", f.article(), null, "see https://news.test/").notice().key())
                .isEqualTo("comments.notice.posted");

        // a moderator approves the held comment: restore
        f.moderation().decide(f.viewer("mod"), linked.commentId(), Moderation.Action.RESTORE, null);
        assertThat(f.page(bruno, CommentSection.Sort.NEWEST).threads()).extracting(CommentView::id).contains(linked.commentId());
    }

    @Test
    void postingIsRateLimitedPerReaderAndPerAddress() {
        TidingsProperties tight = Settings.with(Map.of("tidings.comments.user-burst", "2", "tidings.comments.user-every", "1m",
                "tidings.comments.address-burst", "3", "tidings.comments.address-every", "1m"));
        Fixture f = fixture(db, tight);
        Viewer amina = f.viewer("amina"), bruno = f.viewer("bruno");
        posted(f.desk().post(amina, "10.0.0.1", f.article(), null, "1"));
        posted(f.desk().post(amina, "10.0.0.1", f.article(), null, "2"));
        assertThat(f.desk().post(amina, "10.0.0.1", f.article(), null, "3").problem().key()).isEqualTo("comments.problem.tooFast");
        posted(f.desk().post(bruno, "10.0.0.1", f.article(), null, "bruno 1"));
        assertThat(f.desk().post(bruno, "10.0.0.1", f.article(), null, "bruno 2").problem().key())
                .as("the address's bucket is empty").isEqualTo("comments.problem.tooFast");
        posted(f.desk().post(bruno, "10.0.0.2", f.article(), null, "bruno from elsewhere"));
        clock.advance(Duration.ofMinutes(1));
        posted(f.desk().post(amina, "10.0.0.1", f.article(), null, "later"));
        assertThat(f.jdbc().sql("SELECT COUNT(*) FROM comment WHERE status = 'visible'").query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void aHiddenCommentIsGoneForReadersAtOnceAndEveryDecisionIsLogged() {
        Fixture f = fixture(db);
        Viewer amina = f.viewer("amina"), bruno = f.viewer("bruno"), mod = f.viewer("mod");
        long id = posted(f.desk().post(amina, "10.0.0.1", f.article(), null, "rude words"));
        f.desk().report(bruno, id, "abuse");
        f.desk().report(bruno, id, "abuse");
        assertThat(f.moderation().queue(mod)).singleElement().satisfies(q -> {
            assertThat(q.openReports()).isEqualTo(1);
            assertThat(q.reasons()).isEqualTo("abuse");
        });
        assertThatThrownBy(() -> f.moderation().queue(bruno)).hasMessageContaining("403");
        assertThatThrownBy(() -> f.moderation().decide(bruno, id, Moderation.Action.HIDE, null)).hasMessageContaining("403");

        f.moderation().decide(mod, id, Moderation.Action.HIDE, "insults");
        assertThat(f.page(bruno, CommentSection.Sort.NEWEST).threads()).isEmpty();
        assertThat(f.page(amina, CommentSection.Sort.NEWEST).threads()).as("its author no longer sees it either").isEmpty();
        assertThat(f.page(mod, CommentSection.Sort.NEWEST).threads().getFirst().hidden()).isTrue();
        assertThat(f.sections().counts(List.of(f.article()))).isEmpty();
        assertThat(f.moderation().queue(mod)).as("the reports are resolved").isEmpty();
        assertThatThrownBy(() -> f.desk().like(bruno, id)).hasMessageContaining("404");

        f.moderation().decide(mod, id, Moderation.Action.SUSPEND, "repeated insults");
        Viewer suspended = f.viewer("amina");
        assertThat(suspended.suspended()).isTrue();
        assertThat(f.desk().post(suspended, "10.0.0.1", f.article(), null, "again").problem().key())
                .isEqualTo("comments.problem.suspended");
        long other = posted(f.desk().post(bruno, "10.0.0.2", f.article(), null, "fine"));
        assertThat(f.desk().like(suspended, other).problem().key()).isEqualTo("comments.problem.suspended");

        f.moderation().decide(mod, id, Moderation.Action.LIFT, null);
        f.moderation().decide(mod, id, Moderation.Action.RESTORE, null);
        assertThat(f.page(bruno, CommentSection.Sort.NEWEST).threads()).extracting(CommentView::id).contains(id);
        assertThat(f.jdbc().sql("SELECT action FROM moderation_action ORDER BY id DESC").query(String.class).list()).containsExactly("restore", "lift", "suspend", "hide");
    }

    @Test
    void countsComeForManyArticlesInOneQueryAndAStoryShowsItsArticlesComments() {
        Fixture f = fixture(db);
        Viewer amina = f.viewer("amina");
        posted(f.desk().post(amina, "10.0.0.1", f.article(), null, "on the first"));
        posted(f.desk().post(amina, "10.0.0.1", f.article(), null, "again on the first"));
        posted(f.desk().post(amina, "10.0.0.1", f.otherArticle(), null, "on the second"));
        assertThat(f.sections().counts(List.of(f.article(), f.otherArticle(), 999_999L)))
                .containsEntry(f.article(), 2).containsEntry(f.otherArticle(), 1).doesNotContainKey(999_999L);
        var timeline = new org.tidings.server.store.ListingStore(f.jdbc()).latest(org.tidings.server.store.Listing.ALL, 10, 0);
        assertThat(f.sections().forStory(timeline)).extracting(s -> s.comment().html())
                .containsExactly("<p>on the second</p>", "<p>again on the first</p>", "<p>on the first</p>");
    }

    @Test
    void repliesMustAnswerAVisibleCommentOfTheSameArticle() {
        Fixture f = fixture(db);
        Viewer amina = f.viewer("amina");
        long elsewhere = posted(f.desk().post(amina, "10.0.0.1", f.otherArticle(), null, "on the other article"));
        assertThat(f.desk().post(amina, "10.0.0.1", f.article(), elsewhere, "cross-post").problem().key())
                .isEqualTo("comments.problem.parentGone");
        assertThatThrownBy(() -> f.desk().post(amina, "10.0.0.1", f.article(), 424242L, "nothing")).hasMessageContaining("404");
        assertThatThrownBy(() -> f.desk().post(amina, "10.0.0.1", 424242L, null, "no article")).hasMessageContaining("404");
    }

    @Test
    void aHiddenCommentWithRepliesLeavesATextlessPlaceholderAndADeletedOneStaysDeleted() {
        Fixture f = fixture(db);
        Viewer amina = f.viewer("amina"), bruno = f.viewer("bruno"), mod = f.viewer("mod");
        long rude = posted(f.desk().post(amina, "10.0.0.1", f.article(), null, "rude words"));
        long answer = posted(f.desk().post(bruno, "10.0.0.2", f.article(), rude, "a calm answer"));
        long rudeReply = posted(f.desk().post(amina, "10.0.0.1", f.article(), answer, "more rude words"));
        f.moderation().decide(mod, rude, Moderation.Action.HIDE, null);
        f.moderation().decide(mod, rudeReply, Moderation.Action.HIDE, null);

        for (Viewer reader : java.util.Arrays.asList(null, bruno, amina)) {
            CommentView placeholder = f.page(reader, CommentSection.Sort.NEWEST).threads().getFirst();
            assertThat(placeholder.removed()).isTrue();
            assertThat(placeholder.html()).isEmpty();
            assertThat(placeholder.author()).isNull();
            assertThat(placeholder.body()).isNull();
            assertThat(placeholder.replies()).extracting(CommentView::id).containsExactly(answer);
        }
        CommentView forModerator = f.page(mod, CommentSection.Sort.NEWEST).threads().getFirst();
        assertThat(forModerator.html()).isEqualTo("<p>rude words</p>");
        assertThat(forModerator.replies()).extracting(CommentView::id).containsExactly(answer, rudeReply);

        f.desk().delete(bruno, answer);
        assertThat(f.page(bruno, CommentSection.Sort.NEWEST).threads()).as("nothing left to hang from the placeholder").isEmpty();
        assertThatThrownBy(() -> f.moderation().decide(mod, answer, Moderation.Action.RESTORE, null)).hasMessageContaining("404");
    }
}
