package org.tidings.server.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.tidings.server.store.AccountStore;
import org.tidings.server.store.ArticleDraft;
import org.tidings.server.store.ArticleStore;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.Browser;
import org.tidings.server.testing.Fixtures;
import org.tidings.server.testing.RunningServer;
import org.tidings.server.testing.TestDatabase;

/**
 * Comments under load: {@code READERS} signed-in readers at once, each reading a random article
 * page (with its comments) and posting a comment or a reply on every other visit, for
 * {@code SECONDS}, over real HTTP on loopback against a whole Tidings server on PostgreSQL (a
 * fresh schema). Afterwards every comment the server acknowledged is looked for in the database:
 * none may be lost, and no request may fail. Before it, the same readers only read for
 * {@code WARMUP} seconds: the peer figure of the same run.
 *
 * <pre>bench/run server org.tidings.server.bench.CommentLoad 200 60 10</pre>
 *
 * Rate limits are raised for the run (every reader comes from 127.0.0.1): see {@link #LIMITS}.
 */
public final class CommentLoad {

    /** 40 articles: comments spread as on a front page's worth of stories. */
    private static final int ARTICLES = 40;
    /** Every reader posts about every two seconds at most; one address carries all 200 readers. */
    static final List<String> LIMITS = List.of("--tidings.comments.user-burst=1000", "--tidings.comments.user-every=1s",
            "--tidings.comments.address-burst=1000000", "--tidings.comments.address-every=1ms");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern COMMENT_ID = Pattern.compile("#comment-(\\d+)$");
    private static final Pattern ANY_COMMENT = Pattern.compile("id=\"comment-(\\d+)\"");

    private record Phase(long requests, long errors, List<Long> nanos, double seconds) {

        double perSecond() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            if (nanos.isEmpty()) return 0;
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        int readers = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        String run = "load-" + Long.toString(System.currentTimeMillis(), 36);

        TestDatabase.Fresh db = TestDatabase.POSTGRES.create();
        List<String> settings = new ArrayList<>(List.of(db.serverArguments()));
        settings.add("--tidings.scheduler.enabled=false");
        settings.add("--tidings.database.pool-size=20");
        settings.addAll(LIMITS);
        Path dataDir = Files.createTempDirectory("tidings-comment-load");
        try (RunningServer server = RunningServer.start(dataDir, settings.toArray(String[]::new))) {
            List<Long> articles = articles(server);
            String password = "load test password";
            String hash = server.bean(PasswordEncoder.class).encode(password);
            AccountStore accounts = server.bean(AccountStore.class);
            // accounts a month old: the load posts no links, so nothing is held for review either way
            for (int i = 0; i < readers; i++) accounts.create(run + "-" + i, hash, "READER");
            server.bean(JdbcClient.class).sql("UPDATE account SET created_at = :t")
                    .param("t", java.time.OffsetDateTime.now().minusDays(30)).update();

            List<HttpClient> clients = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<java.util.concurrent.Future<HttpClient>> signedIn = new ArrayList<>();
                for (int i = 0; i < readers; i++) {
                    String name = run + "-" + i;
                    signedIn.add(pool.submit(() -> signIn(server, name, password)));
                }
                for (var f : signedIn) clients.add(f.get());
            }
            System.out.printf("%d readers signed in; reading only for %d s, then reading and posting for %d s%n",
                    readers, warmup, seconds);

            Phase reading = drive(server, clients, articles, warmup, false, run, ConcurrentHashMap.newKeySet());
            Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
            Phase mixed = drive(server, clients, articles, seconds, true, run, acknowledged);

            JdbcClient jdbc = server.bean(JdbcClient.class);
            long stored = jdbc.sql("SELECT COUNT(*) FROM comment WHERE body LIKE :p").param("p", run + " %")
                    .query(Long.class).single();
            long missing = acknowledged.stream().filter(id -> jdbc.sql("SELECT COUNT(*) FROM comment WHERE id = :id")
                    .param("id", id).query(Long.class).single() == 0).count();
            report("reading only (peer)", reading);
            report("reading and posting", mixed);
            System.out.printf("comments acknowledged: %d, stored: %d, acknowledged but missing: %d, load average: %s%n",
                    acknowledged.size(), stored, missing, Files.readString(Path.of("/proc/loadavg")).strip());
            if (mixed.errors() > 0 || reading.errors() > 0 || missing > 0 || stored != acknowledged.size()) {
                System.out.println("FAILED: errors or lost comments");
                System.exit(1);
            }
        }
        System.exit(0);
    }

    private static void report(String name, Phase p) {
        System.out.printf("%-22s requests: %d in %.1f s = %.0f req/s, p50 %.1f ms, p99 %.1f ms, errors: %d%n", name,
                p.requests(), p.seconds(), p.perSecond(), p.percentileMillis(0.50), p.percentileMillis(0.99), p.errors());
    }

    /** Every reader loops until the deadline: read an article page; when posting, comment on it or reply in it. */
    private static Phase drive(RunningServer server, List<HttpClient> clients, List<Long> articles, int seconds,
            boolean posting, String run, Set<Long> acknowledged) throws Exception {
        AtomicLong requests = new AtomicLong(), errors = new AtomicLong(), sequence = new AtomicLong();
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(seconds).toNanos();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (HttpClient client : clients) {
                pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (System.nanoTime() < deadline) {
                        long article = articles.get(random.nextInt(articles.size()));
                        long t0 = System.nanoTime();
                        HttpResponse<String> page = send(client, get(server, "/article/" + article));
                        nanos.add(System.nanoTime() - t0);
                        requests.incrementAndGet();
                        if (page == null || page.statusCode() != 200) {
                            errors.incrementAndGet();
                            continue;
                        }
                        if (!posting || random.nextBoolean()) continue;
                        Matcher token = CSRF.matcher(page.body());
                        if (!token.find()) {
                            errors.incrementAndGet();
                            continue;
                        }
                        String parent = "";
                        Matcher existing = ANY_COMMENT.matcher(page.body());
                        if (random.nextInt(3) == 0 && existing.find()) parent = existing.group(1);
                        String text = run + " " + sequence.incrementAndGet() + " what the article leaves out is the cost";
                        String form = "_csrf=" + enc(token.group(1)) + "&text=" + enc(text) + (parent.isEmpty() ? "" : "&parent=" + parent);
                        long t1 = System.nanoTime();
                        HttpResponse<String> posted = send(client, HttpRequest.newBuilder(URI.create(server.url(
                                "/article/" + article + "/comments"))).header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
                        nanos.add(System.nanoTime() - t1);
                        requests.incrementAndGet();
                        Matcher id = posted == null ? null : COMMENT_ID.matcher(posted.headers().firstValue("Location").orElse(""));
                        if (posted == null || posted.statusCode() != 302 || !id.find()) {
                            errors.incrementAndGet();
                            continue;
                        }
                        acknowledged.add(Long.parseLong(id.group(1)));
                    }
                    return null;
                });
            }
        }
        return new Phase(requests.get(), errors.get(), nanos, (System.nanoTime() - start) / 1e9);
    }

    private static HttpClient signIn(RunningServer server, String name, String password) {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> login = send(client, get(server, "/login"));
        String token = Browser.csrfToken(login.body());
        HttpResponse<String> r = send(client, HttpRequest.newBuilder(URI.create(server.url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(token) + "&username=" + enc(name) + "&password=" + enc(password)))
                .build());
        if (r == null || r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in failed for " + name);
        }
        return client;
    }

    private static List<Long> articles(RunningServer server) {
        long source = server.bean(SourceStore.class).add(Fixtures.source("https://paper.test/feed", "The Paper"),
                Duration.ofMinutes(15)).id();
        ArticleStore store = server.bean(ArticleStore.class);
        Instant at = Instant.now().minus(Duration.ofHours(3));
        for (int i = 0; i < ARTICLES; i++) {
            store.save(source, ArticleDraft.ofFeed("e" + i, "https://paper.test/" + i, "Headline number " + i, null,
                    "<p>" + "The text of the article, one paragraph of a few sentences. ".repeat(20) + "</p>", null, null,
                    at.plusSeconds(i * 60L), null, "hash" + i), false);
        }
        return server.bean(JdbcClient.class).sql("SELECT id FROM article").query(Long.class).list();
    }

    private static HttpRequest get(RunningServer server, String path) {
        return HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            return null;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
