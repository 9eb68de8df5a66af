package org.tidings.server.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.awaitility.core.ConditionTimeoutException;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.Browser;
import org.tidings.server.testing.Feeds;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.ServerProcess;
import org.tidings.server.testing.TestDatabase;

/**
 * One run of Tidings in a process of its own, killed with SIGKILL while each stage of the pipeline is at work, and
 * started again on the same data directory and database (H2 or PostgreSQL) after each kill: {@code PipelineCrashTest}
 * runs it once on each database, {@code bench/run server org.tidings.server.bench.CrashBenchmark} as often as asked.
 *
 * <p>Four kills in five stages (feed ingest and full text share the first), each timed by what can be seen from
 * outside the process: the publisher's server (a feed's and a
 * page's request held open, the feeds it has sent), the server's log (the rounds of each stage, the {@code Stage}
 * logger at DEBUG) and the search index's files (documents written and not committed). Between the runs the database
 * is read (an H2 file is one process's) to show where each kill fell. Readers sign up, comment and save meanwhile. In
 * the end the {@link Tally} says what was lost or stored twice: items, stages not passed, articles the search does not
 * find, writes the server had confirmed.
 *
 * <p>Each restart also shows that a process takes back at once what it held before a crash: the feed and the page held
 * open at kill 1 must be fetched again within a wait far shorter than the 5-minute lease their claims would
 * otherwise keep them for; while a story-desk lease held by another (live) process is left alone.
 */
public final class CrashRun {

    private static final int BULK_FEEDS = 5;
    /** Items of each bulk feed after each edition: the first, the one enrichment is killed in, the one the index is killed in. */
    private static final int[] EDITIONS = {60, 200, 240};
    private static final int PAGES = 12;
    private static final String PASSWORD = "tidal pools at dawn";
    /** Far longer than any wait here should take, far shorter than the lease a claim left by a crash would hold. */
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String ANOTHER_PROCESS = "another-process#0000b0b0";

    /**
     * What one run found.
     *
     * @param kills        where the kill in each of the five stages fell
     * @param published    items the publishers published
     * @param missing      published items not stored
     * @param duplicates   articles beyond one for each published item
     * @param unfinished   articles that did not pass every stage (or kept a claim, or are marked a copy), pages without
     *                     their text, sources not fetched or still claimed
     * @param unsearchable articles the site's search does not find
     * @param confirmed    accounts, comments and saves the server confirmed before a kill
     * @param confirmedLost of those, the ones not there after
     */
    public record Tally(List<String> kills, long published, long missing, long duplicates, long unfinished, long unsearchable,
            long confirmed, long confirmedLost) {}

    private final TestDatabase db;
    private final Path data;
    private final String[] serverSettings;
    private final String jdbcUrl, user, password;
    private long pageSource;
    private final Publisher publisher = new Publisher();
    private final Readers readers = new Readers();
    private final List<String> kills = new ArrayList<>();
    private final long started = System.nanoTime();
    private final List<Double> startups = new ArrayList<>();

    /** A run on a fresh database of the kind {@code db}, with its data directory under {@code work}. */
    public CrashRun(TestDatabase db, Path work) throws IOException {
        this.db = db;
        this.data = Files.createDirectories(work.resolve("data"));
        if (db == TestDatabase.POSTGRES) {
            TestDatabase.Fresh fresh = TestDatabase.POSTGRES.create();
            jdbcUrl = fresh.url();
            user = fresh.user();
            password = fresh.password();
            serverSettings = settings(fresh.serverArguments());
        } else {
            // the server's own database: the H2 file under its data directory (StoreConfiguration)
            jdbcUrl = "jdbc:h2:file:" + data.resolve("db").resolve("tidings").toAbsolutePath()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
            user = ""; // as the server opens it
            password = "";
            serverSettings = settings();
        }
    }

    /** Runs the four kills and the last start; on a failure, prints the end of the server's log. */
    public Tally run() throws Exception {
        try (publisher) {
            List<Long> bulkSources = registerSources();
            killDuringFeedIngestAndFullText();
            killDuringEnrichment(bulkSources);
            killDuringTheStoryDesk();
            killDuringASearchCommit(bulkSources);
            return finish();
        } catch (Exception | AssertionError e) {
            Path log = data.resolveSibling("data.log");
            if (Files.exists(log)) {
                List<String> lines = Files.readAllLines(log);
                System.err.println(db + ": the server's log, the last lines:\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 150), lines.size())));
            }
            throw e;
        }
    }

    /** Seconds each start took until the server was ready. */
    public List<Double> startups() {
        return List.copyOf(startups);
    }

    /**
     * The sources, registered before the first start: the bulk feeds, full text off (the volume that enrichment, stories
     * and search work through), and a feed whose articles want their pages. Returns the bulk feeds' ids.
     */
    private List<Long> registerSources() {
        try (Session s = session()) {
            Flyway.configure().dataSource(s.dataSource).locations("classpath:db/migration").load().migrate();
            SourceStore sources = new SourceStore(s.jdbc, Clock.systemUTC());
            List<Long> ids = new ArrayList<>();
            for (int f = 0; f < BULK_FEEDS; f++) {
                ids.add(sources.add(new SourceSettings(publisher.url("/bulk/" + f), "Bulk " + f, null, "en", null, null, false, true),
                        Duration.ofMinutes(15)).id());
            }
            pageSource = sources.add(new SourceSettings(publisher.url("/pages.xml"), "Pages", null, "en", null, null, true, true),
                    Duration.ofMinutes(15)).id();
            return ids;
        }
    }

    /**
     * Kill 1, in feed ingest and full text at once: a feed's request and a page's are held open (their claims with
     * them), another feed is held until four pages have come, and the kill comes as soon as that feed's last byte is
     * sent, while it is being stored.
     */
    private void killDuringFeedIngestAndFullText() throws Exception {
        Hold feed = publisher.hold("/bulk/"), page = publisher.hold("/page/"), late = publisher.hold("/bulk/");
        try (ServerProcess server = start()) {
            readers.write(server, List.of());
            until("two feeds and a page held, four pages sent",
                    () -> feed.arrived() && late.arrived() && page.arrived() && publisher.sent("/page/") >= 4);
            late.release();
            until("the late feed sent", () -> publisher.sent(late.path()) == 1);
            server.kill();
            readers.cutOff();
        }
        feed.release();
        page.release();
        try (Session s = session()) {
            Object feedClaim = s.jdbc.sql("SELECT lease_owner FROM source WHERE feed_url = :url")
                    .param("url", publisher.url(feed.path())).query().singleValue();
            assertThat(feedClaim).as("the held feed's source is claimed by the killed process (<slot>#<instance>)")
                    .asString().matches("[^#]+#[^#]+");
            Map<String, Object> pageClaim = s.jdbc.sql("SELECT stage, stage_lease_owner FROM article WHERE url = :url")
                    .param("url", publisher.url(page.path())).query().singleRow();
            assertThat(pageClaim.get("stage")).isEqualTo("fulltext");
            assertThat(pageClaim.get("stage_lease_owner")).as("the held page's article is claimed by the killed process")
                    .isEqualTo(feedClaim);
            long stored = s.count("SELECT COUNT(*) FROM article WHERE source_id <> " + pageSource);
            long fetched = s.count("SELECT COUNT(*) FROM source WHERE last_success_at IS NOT NULL AND id <> " + pageSource);
            long pagesWaiting = s.count("SELECT COUNT(*) FROM article WHERE stage = 'fulltext'");
            assertThat(stored).as("ingest cut short").isLessThan((long) BULK_FEEDS * EDITIONS[0]);
            note("feed ingest: %d feeds sent, %d recorded as fetched, %d of %d items stored; %s held, claimed by %s"
                    .formatted(publisher.sent("/bulk/"), fetched, stored, BULK_FEEDS * EDITIONS[0], feed.path(), feedClaim));
            note("full text: %d of %d pages waiting; %s held, claimed by %s".formatted(pagesWaiting, PAGES, page.path(),
                    pageClaim.get("stage_lease_owner")));
            // another process holds the story desk, so that articles wait for their stories until the kill meant for it
            s.jdbc.sql("DELETE FROM worker_lease WHERE name = 'story-desk'").update();
            s.jdbc.sql("INSERT INTO worker_lease (name, owner, lease_until) VALUES ('story-desk', :owner, :until)")
                    .param("owner", ANOTHER_PROCESS).param("until", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1)).update();
        }
    }

    /**
     * Kill 2: the feed and the page held at kill 1 are fetched at once (the restarted process takes back its claims);
     * then a new edition of every bulk feed, refreshed by the administrator; the kill comes right after the fourth
     * batch of its enrichment, with more to go.
     */
    private void killDuringEnrichment(List<Long> bulkSources) throws Exception {
        List<Long> articles = someArticles();
        long before;
        try (ServerProcess server = start()) {
            Browser admin = server.browser();
            admin.signInAsAdmin();
            until("every feed and every page fetched, the ones held at the kill again at once",
                    () -> IntStream.range(0, BULK_FEEDS).allMatch(f -> publisher.sent("/bulk/" + f) >= 1)
                            && IntStream.range(0, PAGES).allMatch(j -> publisher.sent("/page/" + j) >= 1));
            untilWaiting("the first edition enriched", admin, w -> w.get("fulltext") == 0 && w.get("enrich") == 0);
            before = waiting(admin).get("story");
            publisher.edition.set(1);
            for (long id : bulkSources) {
                assertThat(admin.post("/admin/sources/" + id + "/refresh", Map.of(), "/admin/sources").statusCode()).isEqualTo(302);
            }
            readers.write(server, articles);
            // the kill comes right after the fourth full round of enrichment in the edition, every feed of it stored:
            // the fifth is under way, with more to go
            Pattern roundOrFeed = Pattern.compile("event=\"enrichment_round\" claimed=\"" + Pipeline.ENRICH_BATCH
                    + "\"|event=\"feed_fetched\".* inserted=\"" + (EDITIONS[1] - EDITIONS[0]) + "\"");
            int rounds = 0, feeds = 0;
            while (rounds < 4 || feeds < BULK_FEEDS) {
                if (server.awaitLog(roundOrFeed, WAIT).contains("feed_fetched")) feeds++;
                else if (feeds > 0) rounds++; // (rounds before the edition's first feed was stored enriched older articles)
            }
            server.kill();
            readers.cutOff();
        }
        try (Session s = session()) {
            long enrich = s.count("SELECT COUNT(*) FROM article WHERE stage = 'enrich'");
            long story = s.count("SELECT COUNT(*) FROM article WHERE stage = 'story'");
            assertThat(enrich).as("enrichment cut short").isPositive();
            note("enrichment: %d articles waiting for it, %d enriched waiting for their stories (%d before the edition)"
                    .formatted(enrich, story, before));
            // the other process lets the story desk go
            s.jdbc.sql("DELETE FROM worker_lease WHERE owner = :owner").param("owner", ANOTHER_PROCESS).update();
        }
    }

    /** Kill 3: the story desk, free again, works through what waited for it; the kill comes right after its first batch, with more to go. */
    private void killDuringTheStoryDesk() throws Exception {
        long done;
        List<Long> articles = someArticles();
        try (Session s = session()) {
            done = s.count("SELECT COUNT(*) FROM article WHERE stage = 'done'");
            assertThat(s.count("SELECT COUNT(*) FROM article WHERE stage = 'story'")).as("enough for two batches")
                    .isGreaterThan(Pipeline.STORY_BATCH + 100L);
        }
        try (ServerProcess server = start()) {
            readers.write(server, articles);
            server.awaitLog(Pattern.compile("event=\"story_round\" claimed=\"" + Pipeline.STORY_BATCH + "\""), WAIT);
            server.kill();
            readers.cutOff();
        }
        try (Session s = session()) {
            long story = s.count("SELECT COUNT(*) FROM article WHERE stage = 'story'");
            long placed = s.count("SELECT COUNT(*) FROM article WHERE stage = 'done'") - done;
            assertThat(story).as("stories cut short").isPositive();
            note("story desk: %d placed since the restart, %d waiting for it".formatted(placed, story));
        }
    }

    /** Kill 4: one more edition; the kill comes while the search index holds articles it has written and not committed. */
    private void killDuringASearchCommit(List<Long> bulkSources) throws Exception {
        Path index = data.resolve("search");
        List<Long> articles = someArticles();
        try (ServerProcess server = start()) {
            long committed = lastCommit(index);
            Browser admin = server.browser();
            admin.signInAsAdmin();
            publisher.edition.set(2);
            for (long id : bulkSources) {
                assertThat(admin.post("/admin/sources/" + id + "/refresh", Map.of(), "/admin/sources").statusCode()).isEqualTo(302);
            }
            readers.write(server, articles);
            AtomicReference<String> seen = new AtomicReference<>();
            await().atMost(WAIT).pollInterval(Duration.ofMillis(5)).pollDelay(Duration.ZERO).until(() -> {
                seen.set(uncommittedSegment(index, committed));
                return seen.get() != null;
            });
            server.kill();
            readers.cutOff();
            note("search index: killed with segment %s written and not committed".formatted(seen.get()));
        }
    }

    /** The last run: everything comes to rest, and the tally is taken. */
    private Tally finish() throws Exception {
        long unsearchable = 0;
        long confirmedLost = 0;
        try (ServerProcess server = start()) {
            Browser admin = server.browser();
            admin.signInAsAdmin();
            try {
                // looked at five times a second: each look is a score of requests
                await("every stage done, and every article found").atMost(WAIT).pollInterval(Duration.ofMillis(200))
                        .until(() -> waiting(admin).values().stream().allMatch(n -> n == 0) && unsearchable(admin) == 0);
            } catch (ConditionTimeoutException e) {
                // counted below
            }
            unsearchable = unsearchable(admin);
            for (String email : readers.accounts) {
                try {
                    server.browser().signIn(email, PASSWORD);
                } catch (IllegalStateException e) {
                    confirmedLost++;
                }
            }
            server.kill();
        }
        try (Session s = session()) {
            Set<String> links = publisher.allLinks();
            List<String> stored = s.jdbc.sql("SELECT url FROM article").query(String.class).list();
            Set<String> storedOnce = Set.copyOf(stored);
            long missing = links.stream().filter(link -> !storedOnce.contains(link)).count();
            long duplicates = stored.size() - stored.stream().distinct().filter(links::contains).count();
            long unfinished = s.count("""
                    SELECT COUNT(*) FROM article WHERE stage <> 'done' OR story_id IS NULL OR enriched_at IS NULL
                        OR stage_lease_until IS NOT NULL OR stage_lease_owner IS NOT NULL OR duplicate_of IS NOT NULL""")
                    + s.count("SELECT COUNT(*) FROM source WHERE lease_owner IS NOT NULL OR last_success_at IS NULL");
            List<String> pages = s.jdbc.sql("SELECT body_text FROM article WHERE source_id = :id AND full_text_status = 'done'")
                    .param("id", pageSource).query(String.class).list();
            for (int j = 0; j < PAGES; j++) {
                String word = Publisher.pageWord(j);
                if (pages.stream().noneMatch(text -> text.contains(word))) unfinished++;
            }
            for (Readers.Comment c : readers.comments) {
                List<String> body = s.jdbc.sql("SELECT body FROM comment WHERE id = :id AND article_id = :article")
                        .param("id", c.id()).param("article", c.articleId()).query(String.class).list();
                if (!body.equals(List.of(c.text()))) confirmedLost++;
            }
            for (Readers.Save save : readers.saves) {
                if (s.jdbc.sql("""
                        SELECT COUNT(*) FROM saved_article s JOIN account a ON a.id = s.account_id
                        WHERE a.username = :email AND s.article_id = :article""")
                        .param("email", save.email()).param("article", save.articleId()).query(Long.class).single() != 1) {
                    confirmedLost++;
                }
            }
            long confirmed = readers.accounts.size() + readers.comments.size() + readers.saves.size();
            return new Tally(List.copyOf(kills), links.size(), missing, duplicates, unfinished, unsearchable, confirmed,
                    confirmedLost);
        }
    }

    /** Articles the site's search does not find: of each feed, by the word all its items carry; each page, by its own word. */
    private static long unsearchable(Browser browser) {
        long unfound = 0;
        for (int f = 0; f < BULK_FEEDS; f++) unfound += Math.max(0, EDITIONS[2] - found(browser, Publisher.feedWord(f)));
        for (int j = 0; j < PAGES; j++) if (found(browser, Publisher.pageWord(j)) != 1) unfound++;
        return unfound;
    }

    /** Where a kill fell, with the seconds since the run began. */
    private void note(String line) {
        kills.add("%5.1f s  %s".formatted((System.nanoTime() - started) / 1e9, line));
    }

    /** Starts the server on the data directory and database, and notes how long it took to be ready. */
    private ServerProcess start() throws Exception {
        long begun = System.nanoTime();
        ServerProcess server = ServerProcess.start(data, serverSettings);
        startups.add((System.nanoTime() - begun) / 1e9);
        return server;
    }

    /** A few articles stored so far, for readers to comment on and save (read while the server is down). */
    private List<Long> someArticles() {
        try (Session s = session()) {
            return s.jdbc.sql("SELECT id FROM article ORDER BY id LIMIT 8").query(Long.class).list();
        }
    }

    /**
     * Readers at work while the pipeline is: each signs up, signs in, comments on an article and saves another. What the
     * server confirmed (a redirect) is kept; what the kill cut short is not, and need not be there.
     */
    private static final class Readers {
        record Comment(long id, long articleId, String text) {}

        record Save(String email, long articleId) {}

        /** At most this many readers in a run: each costs two password hashes on the server's processors. */
        static final int PER_RUN = 3;

        final List<String> accounts = new CopyOnWriteArrayList<>();
        final List<Comment> comments = new CopyOnWriteArrayList<>();
        final List<Save> saves = new CopyOnWriteArrayList<>();
        private Thread writing;
        /** A refusal by a server that was running: a failure of the test, unlike a connection cut by the kill. */
        private final AtomicReference<AssertionError> refused = new AtomicReference<>();

        void write(ServerProcess server, List<Long> articles) {
            writing = Thread.ofVirtual().start(() -> {
                try {
                    for (int n = 0; n < PER_RUN; n++) read(server.browser(), articles, n);
                } catch (UncheckedIOException e) {
                    // the server was killed: what it had not confirmed is not counted
                } catch (RuntimeException | AssertionError e) {
                    refused.set(new AssertionError("a running server refused a reader", e));
                }
            });
        }

        /** Waits for the readers of a killed server to give up. */
        void cutOff() throws InterruptedException {
            writing.join(WAIT.toMillis());
            assertThat(writing.isAlive()).as("readers of a killed server").isFalse();
            if (refused.get() != null) throw refused.get();
        }

        private void read(Browser reader, List<Long> articles, int n) {
            String email = "reader-" + UUID.randomUUID() + "@example.test";
            if (reader.post("/signup", Map.of("email", email, "displayName", "Reader " + n, "password", PASSWORD), "/signup")
                    .statusCode() != 302) {
                throw new AssertionError("sign-up refused");
            }
            accounts.add(email); // and signed in
            if (articles.isEmpty()) return;
            long article = articles.get(accounts.size() % articles.size());
            String text = "Written before a kill " + UUID.randomUUID();
            HttpResponse<String> posted = reader.post("/article/" + article + "/comments", Map.of("text", text), "/article/" + article);
            Matcher id = Pattern.compile("#comment-(\\d+)$").matcher(posted.headers().firstValue("Location").orElse(""));
            if (posted.statusCode() != 302 || !id.find()) throw new AssertionError("comment refused: " + posted.headers().map());
            comments.add(new Comment(Long.parseLong(id.group(1)), article, text));
            long saved = articles.get((accounts.size() + 1) % articles.size());
            if (reader.post("/saved/" + saved, Map.of("back", "/saved"), "/saved").statusCode() != 302) {
                throw new AssertionError("save refused");
            }
            saves.add(new Save(email, saved));
        }
    }

    private String[] settings(String... database) {
        List<String> all = new ArrayList<>(List.of(database));
        all.add("--tidings.comments.new-account-age=0s"); // a new reader's comment is published, not held for moderation
        all.add("--tidings.fetch.per-host-concurrency=4"); // two feeds and a page held, and still a way for the rest
        all.add("--logging.level.org.tidings=INFO"); // the log shown when the test fails tells what each run did
        all.add("--logging.level.org.tidings.server.pipeline.Stage=DEBUG"); // each round of each stage: what kills 2 and 3 wait for
        return all.toArray(String[]::new);
    }

    private static void until(String what, Callable<Boolean> condition) {
        await(what).atMost(WAIT).pollInterval(Duration.ofMillis(20)).pollDelay(Duration.ZERO).until(condition);
    }

    /** {@link #until}, telling the last states seen (the articles waiting for each stage) when it times out. */
    private void untilWaiting(String what, Browser admin, Predicate<Map<String, Long>> condition) {
        List<String> seen = new ArrayList<>();
        try {
            until(what, () -> {
                Map<String, Long> w = waiting(admin);
                seen.add("%.1f s %s".formatted((System.nanoTime() - started) / 1e9, w));
                return condition.test(w);
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(what + ", not seen; the articles waiting for each stage, the last seen: "
                    + String.join("\n", seen.subList(Math.max(0, seen.size() - 30), seen.size())), e);
        }
    }

    private static final Pattern WAITING = Pattern.compile("^tidings_pipeline_waiting_articles\\{.*stage=\"(\\w+)\".*}\\s+([0-9.E]+)$",
            Pattern.MULTILINE);

    /** The articles waiting for each stage, from the server's metrics. */
    private static Map<String, Long> waiting(Browser admin) {
        HttpResponse<String> metrics = admin.get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        Map<String, Long> waiting = new HashMap<>();
        Matcher m = WAITING.matcher(metrics.body());
        while (m.find()) waiting.put(m.group(1), (long) Double.parseDouble(m.group(2)));
        assertThat(waiting).containsKeys("backfill", "fulltext", "enrich", "story");
        return waiting;
    }

    private static final Pattern COUNT = Pattern.compile("([0-9][0-9,]*) results?\\b");

    /** How many articles the site's search finds for {@code word}, as its page says. */
    private static long found(Browser browser, String word) {
        String page = browser.get("/search?q=" + word).body();
        if (page.contains("No results")) return 0;
        Matcher m = COUNT.matcher(page);
        if (!m.find()) throw new AssertionError("no count on the search page for " + word);
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    /** The generation of the index's last commit. */
    private static long lastCommit(Path index) throws IOException {
        try (Directory dir = FSDirectory.open(index)) {
            return SegmentInfos.readLatestCommit(dir).getGeneration();
        }
    }

    /**
     * A segment the index has written since a commit later than {@code after} and not committed yet, or null: documents
     * a crash now takes from the index, which must write them again from its last commit.
     */
    private static String uncommittedSegment(Path index, long after) {
        try (Directory dir = FSDirectory.open(index)) {
            SegmentInfos last = SegmentInfos.readLatestCommit(dir);
            if (last.getGeneration() <= after) return null;
            long newest = -1;
            for (SegmentCommitInfo segment : last) newest = Math.max(newest, Long.parseLong(segment.info.name.substring(1), Character.MAX_RADIX));
            for (String file : dir.listAll()) {
                if (file.startsWith("_") && file.endsWith(".si")
                        && Long.parseLong(file.substring(1, file.length() - 3), Character.MAX_RADIX) > newest) {
                    return file.substring(0, file.length() - 3);
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null; // a commit or a merge under way: look again
        }
    }

    private Session session() {
        return new Session(new SingleConnectionDataSource(jdbcUrl, user, password, true));
    }

    /** The server's database, opened by the test while the server is down. */
    private static final class Session implements AutoCloseable {
        final SingleConnectionDataSource dataSource;
        final JdbcClient jdbc;

        Session(SingleConnectionDataSource dataSource) {
            this.dataSource = dataSource;
            this.jdbc = JdbcClient.create(dataSource);
        }

        long count(String sql) {
            return jdbc.sql(sql).query(Long.class).single();
        }

        @Override
        public void close() {
            dataSource.destroy();
        }
    }

    /** A request held open until the test lets it go (after a kill its connection is gone anyway). */
    private static final class Hold {
        private final String prefix;
        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile String path;

        Hold(String prefix) {
            this.prefix = prefix;
        }

        boolean arrived() {
            return arrived.getCount() == 0;
        }

        String path() {
            return path;
        }

        void release() {
            released.countDown();
        }

        void hold(String path) {
            this.path = path;
            arrived.countDown();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The publishers: bulk feeds that grow by editions (each item with words of its own, its feed's word and a text of
     * its own), a feed whose articles want their pages, the pages; a request can be held open.
     */
    private static final class Publisher implements AutoCloseable {

        private static final String[] WORDS = ("harbour council budget river school hospital rail bridge museum market "
                + "election minister court festival winter harvest factory airport library stadium police weather storm "
                + "village mayor report plan vote strike teachers farmers doctors nurses workers drivers students judges "
                + "families visitors tenants residents engineers fishermen opens closes approves rejects delays expands "
                + "repairs builds funds cuts raises questions praises warns celebrates announces reviews welcomes north "
                + "south eastern western coastal rural central historic new old quiet busy early late final annual local "
                + "national regional public private small large").split(" ");
        private static final String CONSONANTS = "bcdfghjklmnpqrtvwxz";

        final FixtureServer http = new FixtureServer();
        final AtomicInteger edition = new AtomicInteger();
        /** Holds not yet taken by a request, in the order they were asked for. */
        private final List<Hold> holds = new CopyOnWriteArrayList<>();
        private final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();
        private final Instant published = Instant.now().minus(Duration.ofHours(12));

        Publisher() {
            for (int f = 0; f < BULK_FEEDS; f++) {
                int feed = f;
                http.route("/bulk/" + f, exchange -> answer(exchange, "application/rss+xml", () -> bulk(feed)));
            }
            http.route("/pages.xml", exchange -> answer(exchange, "application/rss+xml", this::pages));
            for (int j = 0; j < PAGES; j++) {
                int page = j;
                http.route("/page/" + j, exchange -> answer(exchange, "text/html; charset=utf-8", () -> page(page)));
            }
        }

        String url(String path) {
            return http.url(path);
        }

        /** The next request to a path beginning with {@code prefix} (that an earlier hold does not take) is held. */
        Hold hold(String prefix) {
            Hold h = new Hold(prefix);
            holds.add(h);
            return h;
        }

        /** Responses sent in full to paths beginning with {@code prefix}. */
        int sent(String prefix) {
            return sent.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToInt(e -> e.getValue().get()).sum();
        }

        Set<String> allLinks() {
            Set<String> links = new HashSet<>();
            for (int f = 0; f < BULK_FEEDS; f++) for (int n = 0; n < EDITIONS[2]; n++) links.add(url("/story/" + f + "/" + n));
            for (int j = 0; j < PAGES; j++) links.add(url("/page/" + j));
            return links;
        }

        private void answer(HttpExchange exchange, String type, Supplier<String> body) throws IOException {
            String path = exchange.getRequestURI().getPath();
            for (Hold h : holds) {
                if (path.startsWith(h.prefix) && holds.remove(h)) {
                    h.hold(path);
                    break;
                }
            }
            try {
                FixtureServer.respond(exchange, 200, type, body.get().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                return; // the server was killed meanwhile
            }
            sent.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        }

        private String bulk(int f) {
            List<Feeds.Item> items = new ArrayList<>();
            for (int n = 0; n < EDITIONS[edition.get()]; n++) {
                Random random = new Random(f * 100_000L + n);
                String title = sentence(random, 6) + " " + word(f * 1000 + n);
                String html = "<p>" + sentence(random, 14) + " " + feedWord(f) + ". " + sentence(random, 12) + ".</p><p>"
                        + sentence(random, 16) + " " + word(f * 1000 + n) + ".</p>";
                items.add(new Feeds.Item("bulk-" + f + "-" + n, url("/story/" + f + "/" + n), title, html,
                        published.plus(Duration.ofSeconds(f * 1000L + n))));
            }
            return Feeds.rss("Bulk " + f, items);
        }

        private String pages() {
            List<Feeds.Item> items = new ArrayList<>();
            for (int j = 0; j < PAGES; j++) {
                Random random = new Random(900_000L + j);
                items.add(new Feeds.Item("page-" + j, url("/page/" + j), sentence(random, 7), "<p>" + sentence(random, 9) + ".</p>",
                        published.plus(Duration.ofHours(1)).plusSeconds(j)));
            }
            return Feeds.rss("Pages", items);
        }

        private String page(int j) {
            Random random = new Random(900_000L + j);
            String title = sentence(random, 7);
            StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><title>").append(title)
                    .append("</title></head><body><nav><a href=\"/\">Home</a></nav><article><h1>").append(title).append("</h1>");
            for (int p = 0; p < 6; p++) {
                html.append("<p>").append(sentence(random, 18)).append(p == 2 ? " " + pageWord(j) : "").append(". ")
                        .append(sentence(random, 15)).append(".</p>");
            }
            return html.append("</article><footer>Pages</footer></body></html>").toString();
        }

        static String feedWord(int f) {
            return word(100_000 + f);
        }

        static String pageWord(int j) {
            return word(110_000 + j);
        }

        /** A word of its own for {@code n}: "qz" and consonants, which no stemmer shortens. */
        static String word(int n) {
            StringBuilder w = new StringBuilder();
            for (int i = 0; i < 4; i++, n /= CONSONANTS.length()) w.append(CONSONANTS.charAt(n % CONSONANTS.length()));
            return "qz" + w;
        }

        private static String sentence(Random random, int words) {
            String s = IntStream.range(0, words).mapToObj(i -> WORDS[random.nextInt(WORDS.length)]).collect(Collectors.joining(" "));
            return Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }

        @Override
        public void close() {
            for (Hold h : holds) h.release();
            holds.clear();
            http.close();
        }
    }
}
