package org.tidings.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.tidings.server.ingest.Backfill;
import org.tidings.server.store.CommentStore.Stored;
import org.tidings.server.store.PersonalStore.Choice;
import org.tidings.server.testing.MutableClock;
import org.tidings.server.testing.OnEachDatabase;
import org.tidings.server.testing.Stores;
import org.tidings.server.testing.TestDatabase;

/**
 * Upgrades: the database an earlier release of Tidings left behind, with the rows that release wrote, is migrated by
 * the server's start-up to today's schema, and nothing is lost. Each release's database lived through the releases
 * before it: it was migrated to each of their schemas in turn and each wrote its rows (test resources
 * {@code upgrade/V<n>.sql}, written as that release's code wrote them). Then every value of every column that existed
 * is still there, and today's stores read each kind of row and write new ones.
 */
@OnEachDatabase
class UpgradeTest {

    @Parameter
    TestDatabase db;

    /** The schemas releases of Tidings left: their newest migration, the rows written are {@code upgrade/V<n>.sql}. */
    enum Release {
        V1(1), V2(2), V3(3), V4(4),
        /** Enrichment, readers' accounts, comments, the language model's outputs and the search index's change time. */
        V9(9),
        /** The pipeline's V10 as it was first released: an SQL migration, replaced by a Java one of the same effect. */
        V10_AS_SQL(10),
        V10(10), V11(11);

        final int version;

        Release(int version) {
            this.version = version;
        }
    }

    /** The releases' schemas in order, each with the articles its fixture adds: a release's database lived through the ones before. */
    private static final Map<Integer, Integer> HISTORY = new TreeMap<>(Map.of(1, 3, 2, 5, 3, 1, 4, 3, 9, 3, 10, 4, 11, 2));

    private static final Instant NOW = Instant.parse("2026-12-07T06:00:00Z");
    private final MutableClock clock = new MutableClock(NOW);

    @ParameterizedTest(name = "from {0}")
    @EnumSource(Release.class)
    void theServersStartUpMigratesAnEarlierReleasesDatabaseWithoutLoss(Release release) throws SQLException {
        try (HikariDataSource ds = pool()) {
            upgrade(ds, release);
        }
    }

    @Test
    void aV10RecordOtherThanTheReleasedOneStillStopsTheStart() {
        try (HikariDataSource ds = pool()) {
            migrateAsReleased(ds, 9, false);
            migrateAsReleased(ds, 10, true);
            JdbcClient.create(ds).sql("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '10'").update();
            startUpMigration(ds, context -> assertThat(context).getFailure().hasMessageContaining("Validate failed"));
        }
    }

    @Test
    void aDatabaseANewerTidingsMigratedIsRefusedWithASentenceSayingSo() {
        try (HikariDataSource ds = pool()) {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            JdbcClient.create(ds).sql("""
                    INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
                        installed_by, execution_time, success)
                    VALUES (999, '999', 'from a newer Tidings', 'SQL', 'V999__from_a_newer_tidings.sql', 1, 'tidings', 1, TRUE)""")
                    .update();
            startUpMigration(ds, context -> {
                assertThat(context).hasFailed();
                assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(FailureAnalyzer.class,
                        SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> {}))) // Boot's own need a context
                        .as("Spring Boot prints it at start-up").anyMatch(NewerDatabase.class::isInstance);
                FailureAnalysis analysis = new NewerDatabase().analyze(context.getStartupFailure());
                assertThat(analysis).as("explained, not a stack trace").isNotNull();
                assertThat(analysis.getDescription()).contains("schema version 999", "a newer Tidings");
                assertThat(analysis.getAction()).contains("./tidings restore");
            });
            assertThat(JdbcClient.create(ds).sql("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '999'")
                    .query(Long.class).single()).as("left as it was").isEqualTo(1);
        }
    }

    private HikariDataSource pool() {
        TestDatabase.Fresh fresh = db.create();
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(fresh.url());
        pool.setUsername(fresh.user());
        pool.setPassword(fresh.password());
        pool.setMaximumPoolSize(2);
        return new HikariDataSource(pool);
    }

    private void upgrade(DataSource ds, Release release) throws SQLException {
        int articles = 0;
        for (var written : HISTORY.entrySet()) {
            int version = written.getKey();
            if (version > release.version) break;
            migrateAsReleased(ds, version, release == Release.V10_AS_SQL && version == 10);
            new ResourceDatabasePopulator(new ClassPathResource("upgrade/V" + version + ".sql")).execute(ds);
            articles += written.getValue();
        }
        Map<String, Table> before = Table.all(ds);
        assertThat(before).containsKeys("source", "article", "account");
        assertThat(before.get("article").rows()).hasSize(articles);

        startUpMigration(ds, context -> assertThat(context).hasNotFailed());

        MigrationInfoService migrations = Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().info();
        assertThat(migrations.pending()).as("nothing left to migrate").isEmpty();
        assertThat(migrations.current().getVersion()).isEqualTo(Arrays.stream(migrations.all()).map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder()).orElseThrow());
        assertThat(Table.again(ds, before)).as("every value of every column the release had").isEqualTo(before);
        new Upgraded(JdbcClient.create(ds), release.version).check();
    }

    /** Migrates to {@code version} with the migrations as they were released. */
    private static void migrateAsReleased(DataSource ds, int version, boolean v10AsSql) {
        if (v10AsSql) {
            // the released V10 (commit c8c9eb1), recorded as that release recorded it: an SQL migration with its checksum
            Flyway.configure().dataSource(ds).locations("classpath:upgrade/released").ignoreMigrationPatterns("*:missing")
                    .target("10").load().migrate();
        } else {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").target(Integer.toString(version)).load().migrate();
        }
    }

    /**
     * The migration the server runs as it starts: Spring Boot's Flyway with the application's settings
     * ({@code application.properties}) and the store's callback on Flyway's history.
     */
    private static void startUpMigration(DataSource ds, ContextConsumer<AssertableApplicationContext> started) {
        new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class))
                .withBean(DataSource.class, () -> new DelegatingDataSource(ds)) // the test closes the pool
                .withUserConfiguration(ReleasedMigrations.class)
                .run(started);
    }

    /** A table's columns and its rows, each the values of those columns, sorted: what a migration must not lose. */
    record Table(String columns, List<String> rows) {

        /** Every table but Flyway's, with all its columns. */
        static Map<String, Table> all(DataSource ds) throws SQLException {
            Map<String, Table> tables = new TreeMap<>();
            try (Connection c = ds.getConnection();
                    ResultSet names = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                while (names.next()) {
                    String table = names.getString("TABLE_NAME");
                    if (!table.equals("flyway_schema_history")) tables.put(table, read(c, table, "*"));
                }
            }
            return tables;
        }

        /** The same tables and columns as {@code before}, read again. */
        static Map<String, Table> again(DataSource ds, Map<String, Table> before) throws SQLException {
            Map<String, Table> tables = new TreeMap<>();
            try (Connection c = ds.getConnection()) {
                for (var table : before.entrySet()) tables.put(table.getKey(), read(c, table.getKey(), table.getValue().columns()));
            }
            return tables;
        }

        private static Table read(Connection c, String table, String columns) throws SQLException {
            List<String> rows = new ArrayList<>();
            try (Statement sql = c.createStatement(); ResultSet rs = sql.executeQuery("SELECT " + columns + " FROM " + table)) {
                ResultSetMetaData meta = rs.getMetaData();
                List<String> names = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) names.add(meta.getColumnName(i));
                while (rs.next()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= names.size(); i++) values.add(names.get(i - 1) + "=" + rs.getString(i));
                    rows.add(String.join(" | ", values));
                }
                rows.sort(null);
                return new Table(String.join(", ", names), rows);
            }
        }
    }

    /** Today's stores on the upgraded database of a release with schema {@code version}: what they read, and that they write. */
    private final class Upgraded {

        private final JdbcClient jdbc;
        private final int version;
        private final Archive archive;
        private final AccountStore accounts;
        private final CommentStore comments;
        private final PipelineStore pipeline;

        Upgraded(JdbcClient jdbc, int version) {
            this.jdbc = jdbc;
            this.version = version;
            this.archive = new Archive(jdbc);
            this.accounts = new AccountStore(jdbc, clock);
            this.comments = new CommentStore(jdbc, clock);
            this.pipeline = new PipelineStore(jdbc, clock);
        }

        void check() {
            sourcesAndTheFirstAdministrator();
            regionsAsRows();
            if (version >= 4) stories();
            if (version >= 9) readersAndTheirComments();
            if (version >= 10) pipelineArticles();
            olderArticlesWaitForTheBackfillAndGetTheirText();
            newRowsAreWritten();
        }

        private long article(String entryKey) {
            return jdbc.sql("SELECT id FROM article WHERE entry_key = :k").param("k", entryKey).query(Long.class).single();
        }

        private String column(String column, long id) {
            return jdbc.sql("SELECT " + column + " FROM article WHERE id = :id").param("id", id).query((rs, row) -> rs.getString(1)).single();
        }

        private long account(String username) {
            return accounts.findByUsername(username).orElseThrow().id();
        }

        /** The editions' rows of every article the release wrote: its regions' words, else its source's region (V20). */
        private void regionsAsRows() {
            assertThat(RegionRows.agreeWithStoredValues(jdbc)).containsAll(List.of("europe", "gulf", "us"));
            long enriched = jdbc.sql("SELECT COUNT(*) FROM article WHERE regions IS NOT NULL").query(Long.class).single();
            assertThat(enriched > 0).as("articles with regions of their own").isEqualTo(version >= 9);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM article_region").query(Long.class).single()).isGreaterThanOrEqualTo(enriched);
        }

        private void sourcesAndTheFirstAdministrator() {
            assertThat(new SourceStore(jdbc, clock).findAll())
                    .extracting(Source::feedUrl, Source::name, Source::language, Source::region, Source::section, Source::fullText,
                            Source::enabled, s -> s.health().lastStatus(), s -> s.health().consecutiveFailures(), Source::fetchIntervalSeconds)
                    .containsExactlyInAnyOrder(
                            tuple("https://harbour.example/rss.xml", "Harbour Times", "en", "europe", "world", true, true, "ok", 0, 900),
                            tuple("https://gulf-daily.example/feed/ar", "الخليج اليوم", "ar", "gulf", "business", false, true, "http_error", 2, 1200),
                            tuple("https://closed.example/atom", "Closed Courier", "en", "us", "science", true, false, "gone", 1, 3600));
            Source harbour = new SourceStore(jdbc, clock).findByFeedUrl("https://harbour.example/rss.xml").orElseThrow();
            assertThat(harbour.validators()).isEqualTo(new Source.Validators("\"h-4711\"", "Wed, 25 Nov 2026 03:00:00 GMT",
                    "9f2c1e0b7a6d5c4b3a29180716f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3"));

            ArticleView bridge = archive.findById(article("https://harbour.example/?p=101")).orElseThrow();
            assertThat(bridge.title()).isEqualTo("Harbour bridge reopens after two years");
            assertThat(bridge.sourceName()).isEqualTo("Harbour Times");
            assertThat(bridge.author()).isEqualTo("Mina Okafor");
            assertThat(bridge.url()).isEqualTo("https://harbour.example/news/bridge-reopens");
            assertThat(bridge.publishedAt()).isEqualTo(Instant.parse("2026-11-25T02:40:00Z"));
            assertThat(archive.findById(article("https://gulf-daily.example/ar/port-opens")).orElseThrow().title())
                    .isEqualTo("افتتاح ميناء جديد للحاويات في الدوحة");
            assertThat(column("changed_at", bridge.id())).as("V9: an older article changed when it was first seen")
                    .isEqualTo(column("first_seen_at", bridge.id()));

            AccountStore.Account admin = accounts.findByUsername("admin").orElseThrow();
            assertThat(admin.role()).isEqualTo("ADMIN");
            assertThat(Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().matches("the first administrator 1", admin.passwordHash()))
                    .as("the administrator signs in with the same password").isTrue();
        }

        private void stories() {
            long founder = article("https://harbour.example/?p=110");
            assertThat(archive.timeline(founder)).extracting(ArticleView::title).startsWith(
                    "Storm warning for the coast on Friday", "Coast braces for Friday storm");
            assertThat(archive.copiesOf(founder)).extracting(ArticleView::url).containsExactly("https://closed.example/wire/storm-warning");
            assertThat(archive.findById(article("sha256:0c3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f")).orElseThrow())
                    .as("V3: an article without an address").extracting(ArticleView::url, ArticleView::title)
                    .containsExactly(null, "تنبيه: إغلاق طريق الكورنيش مساء الجمعة");
        }

        private void readersAndTheirComments() {
            long amal = account("amal@example.org");
            AccountStore.Profile profile = accounts.profile(amal).orElseThrow();
            assertThat(profile).extracting(AccountStore.Profile::email, AccountStore.Profile::shownName, AccountStore.Profile::role,
                    AccountStore.Profile::historyEnabled).containsExactly("amal@example.org", "Amal", "READER", true);
            assertThat(Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().matches("reader password 9",
                    accounts.findByEmail("amal@example.org").orElseThrow().passwordHash())).isTrue();
            long sam = account("sam@example.org");
            assertThat(accounts.profile(sam).orElseThrow().role()).isEqualTo("MODERATOR");
            assertThat(accounts.countWithRole("READER")).as("the deleted account is no reader any more").isEqualTo(2);
            assertThat(accounts.resetTokenAccount("0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e"))
                    .as("expired since").isEmpty();

            PersonalStore personal = new PersonalStore(jdbc, clock);
            long harbour = new SourceStore(jdbc, clock).findByFeedUrl("https://harbour.example/rss.xml").orElseThrow().id();
            assertThat(personal.follows(amal)).extracting(PersonalStore.Entry::kind, PersonalStore.Entry::target).containsExactlyInAnyOrder(
                    tuple(Interest.TOPIC, "qatar-airways"), tuple(Interest.SECTION, "business"), tuple(Interest.SOURCE, Long.toString(harbour)));
            assertThat(personal.list(amal, Choice.MUTE)).extracting(PersonalStore.Entry::target).containsExactly("horoscope");
            assertThat(personal.saved(amal, 10)).extracting(PersonalStore.Marked::articleId).containsExactly(article("https://harbour.example/?p=101"));
            long qatar = article("https://gulf-daily.example/ar/qatar-airways");
            assertThat(personal.history(amal, 10)).extracting(PersonalStore.Marked::articleId).containsExactly(qatar);

            EnrichmentStore enrichment = new EnrichmentStore(jdbc, clock);
            assertThat(enrichment.topicsOf(qatar)).extracting(EnrichmentStore.TopicTag::label, EnrichmentStore.TopicTag::kind)
                    .containsExactly(tuple("الخطوط القطرية", "organization"), tuple("الدوحة", "place"), tuple("الطيران", "subject"));
            assertThat(enrichment.sectionOf(qatar)).isEqualTo("business");

            List<Stored> thread = comments.forArticle(article("https://harbour.example/?p=101"), sam, true);
            assertThat(thread).extracting(Stored::author, Stored::body, Stored::status, Stored::likes).containsExactly(
                    tuple("Amal", "Finally! The detour added 20 minutes to my commute.", CommentStatus.VISIBLE, 0),
                    tuple("Sam Moderates", "The cycle lane reopened too.", CommentStatus.VISIBLE, 1),
                    tuple("Loud Voice", "NOBODY NEEDS THIS BRIDGE", CommentStatus.HIDDEN, 0));
            assertThat(thread.get(1).rootId()).isEqualTo(thread.get(0).id());
            assertThat(thread.get(0).editedAt()).isEqualTo(Instant.parse("2026-11-25T06:52:00Z"));
            assertThat(comments.queue(10)).as("the held comment, reported as spam, from an account deleted since")
                    .extracting(q -> q.comment().body(), CommentStore.Queued::openReports, CommentStore.Queued::reasons, q -> q.comment().authorGone())
                    .containsExactly(tuple("Cheap flights at https://cheap-flights.example", 1, "spam", true));
            assertThat(comments.member("troll@example.org").orElseThrow().suspended()).isTrue();
            assertThat(jdbc.sql("SELECT action FROM moderation_action ORDER BY acted_at").query(String.class).list())
                    .containsExactly("hide", "suspend");

            assertThat(new GeneratedTextStore(jdbc, clock).find(new GeneratedTextStore.Key("article", article("https://harbour.example/?p=101"),
                    "summary", "en", "llama3.2:3b"), "b8e0a6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7"))
                    .contains("[1] The harbour bridge reopened on Tuesday. [2] Its cables were replaced.");
        }

        private void pipelineArticles() {
            long tram = article("https://harbour.example/?p=130");
            assertThat(column("stage", tram)).isEqualTo("done");
            assertThat(archive.body(tram).orElseThrow().text())
                    .isEqualTo("Tram fares fall by a third from January.\n\nThe city pays the difference from its parking fees.");
            EnrichmentStore.Digest digest = new EnrichmentStore(jdbc, clock).digest(tram, archive.body(tram).orElseThrow().text());
            assertThat(digest.summary()).extracting(s -> s.text()).containsExactly("Tram fares fall by a third from January.");
            assertThat(digest.keyPoints()).extracting(s -> s.text()).containsExactly("The city pays the difference from its parking fees.");
            assertThat(column("stage", article("https://harbour.example/?p=131"))).isEqualTo("fulltext");
            assertThat(column("stage", article("https://gulf-daily.example/ar/rain"))).isEqualTo("enrich");
            assertThat(column("stage", article("tag:closed.example,2026:tram"))).isEqualTo("story");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM article WHERE stage_lease_owner IS NOT NULL").query(Long.class).single())
                    .as("V12: a claim of a process before has no owner, so it lapses as before").isZero();
            if (version >= 11) {
                assertThat(archive.timeline(article("https://harbour.example/?p=110"))).extracting(ArticleView::title)
                        .contains("Storm damage along the coast smaller than feared");
                assertThat(column("stage", article("https://harbour.example/?p=141"))).isEqualTo("fulltext");
            }
        }

        /** V10: the articles stored before wait for the back-fill, which gives each its text and hands it on. */
        private void olderArticlesWaitForTheBackfillAndGetTheirText() {
            List<String> older = jdbc.sql("SELECT entry_key FROM article WHERE first_seen_at < :v10 ORDER BY entry_key")
                    .param("v10", OffsetDateTime.parse("2026-12-06T16:39:18Z")).query(String.class).list();
            assertThat(jdbc.sql("SELECT entry_key FROM article WHERE stage = 'backfill' ORDER BY entry_key").query(String.class).list())
                    .isEqualTo(older);
            long bridge = article("https://harbour.example/?p=101");
            String bridgeText = "The harbour bridge reopened to traffic on Tuesday after two years of repairs.\n\n"
                    + "Engineers replaced the corroded steel cables and rebuilt the road deck.";
            assertThat(archive.body(bridge).orElseThrow().text()).as("shown before the back-fill").isEqualTo(bridgeText);

            Backfill backfill = new Backfill(new ArticleStore(jdbc, clock));
            while (pipeline.waiting(ArticleStage.BACKFILL) > 0) {
                backfill.fill(pipeline.claim(ArticleStage.BACKFILL, Stores.WORKER, Duration.ofMinutes(5), 3), ArticleStage.ENRICH);
            }
            assertThat(archive.body(bridge).orElseThrow().text()).isEqualTo(bridgeText);
            assertThat(column("canonical_url", bridge)).isEqualTo("https://harbour.example/news/bridge-reopens");
            assertThat(column("stage", bridge)).isEqualTo("enrich");
            if (version >= 2) {
                long ferry = article("https://harbour.example/?p=102");
                assertThat(archive.body(ferry).orElseThrow().text()).as("the page's text, not the feed's teaser").isEqualTo(
                        "The ferry company will run six crossings a day from the first of December instead of ten.\n\n"
                                + "Season tickets bought before November stay valid.");
                assertThat(archive.findById(ferry).orElseThrow().byline()).isEqualTo("Lena Park");
                assertThat(column("stage", article("https://harbour.example/?p=103"))).as("its page first").isEqualTo("fulltext");
                assertThat(column("stage", article("https://harbour.example/?p=105"))).isEqualTo("enrich");
            }
            if (version >= 9) {
                assertThat(column("stage", article("https://harbour.example/?p=121"))).isEqualTo("fulltext");
                assertThat(archive.body(article("https://gulf-daily.example/ar/qatar-airways")).orElseThrow().text())
                        .startsWith("أعلنت الخطوط القطرية يوم الأربعاء عن طلب عشرين طائرة جديدة");
            }
        }

        /** Identities go on from the release's rows: today's code adds sources, articles, accounts and comments. */
        private void newRowsAreWritten() {
            Source added = new SourceStore(jdbc, clock).add(new SourceSettings("https://new.example/feed", "New Gazette",
                    "https://new.example/", "en", "us", "world", false, true), Duration.ofMinutes(15));
            assertThat(new ArticleStore(jdbc, clock).save(added.id(), ArticleDraft.ofFeed("https://new.example/1", "https://new.example/1",
                    "First after the upgrade", "<p>Hello.</p>", null, null, null, NOW, null, "hash-1"), false))
                    .isEqualTo(ArticleStore.Outcome.INSERTED);
            long reader = accounts.createReader("new@example.org", "Newcomer", "!", "READER").orElseThrow();
            long comment = comments.insert(article("https://new.example/1"), null, null, reader, "First!", CommentStatus.VISIBLE);
            assertThat(comments.find(comment, reader).orElseThrow().author()).isEqualTo("Newcomer");
        }
    }
}
