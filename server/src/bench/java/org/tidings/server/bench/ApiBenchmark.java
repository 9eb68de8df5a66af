package org.tidings.server.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.account.AccessTokens;
import org.tidings.server.store.AccountStore;
import org.tidings.server.store.PersonalStore;
import org.tidings.server.testing.RunningServer;
import org.tidings.server.testing.TestDatabase;

/**
 * The API's lists at {@code ARTICLES} articles (seeded as {@link SiteBenchmark} does): each list asked {@code REQUESTS}
 * times, one request at a time over one connection, after a warm-up, and its latency percentiles printed beside those
 * of the site's page of the same list in the same run (rendered each time: the page cache is off), the peer that
 * runs the same query and renders HTML instead of JSON. Public lists are asked without a token, as an app reading
 * the news does; one row repeats a list with a token (its lookup, and the reader's mutes). Issue 17's goal: API lists
 * p99 under 25 ms.
 *
 * <pre>bench/run server org.tidings.server.bench.ApiBenchmark h2 100000 2000</pre>
 *
 * With {@code -Dplans} (in JAVA_OPTS) it first prints the lists' query plans, as {@link SiteBenchmark} does.
 *
 * Arguments: {@code h2} (the embedded default) or {@code postgres} (TIDINGS_TEST_PG_URL, a fresh schema), the number
 * of articles, and requests per list.
 */
public final class ApiBenchmark {

    private static final Pattern NEXT = Pattern.compile("\"nextCursor\":\"([^\"]+)\"");

    private record Measured(String name, String api, String token, String page) {}

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "h2";
        int articles = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        Path work = Files.createTempDirectory("tidings-api-bench");
        List<String> settings = new ArrayList<>(List.of("--tidings.scheduler.enabled=false", "--tidings.page-cache=0s",
                "--tidings.api.request-burst=100000000", "--tidings.api.request-every=1us", "--logging.level.root=WARN"));
        if (database.equals("postgres")) settings.addAll(List.of(TestDatabase.POSTGRES.create().serverArguments()));

        try (RunningServer server = RunningServer.start(work.resolve("data"), settings.toArray(String[]::new))) {
            long t0 = System.nanoTime();
            long lead = SiteBenchmark.seed(server, articles);
            System.out.printf("seeded %,d articles in %.1f s (%s)%n", articles, (System.nanoTime() - t0) / 1e9, database);
            if (System.getProperty("plans") != null) SiteBenchmark.plans(server, lead);
            String token = reader(server, lead);
            JdbcClient jdbc = server.bean(JdbcClient.class);
            long source = jdbc.sql("SELECT source_id FROM article WHERE id = :id").param("id", lead).query(Long.class).single();
            String topic = jdbc.sql("SELECT slug FROM article_topic WHERE article_id = :id ORDER BY slug LIMIT 1").param("id", lead)
                    .query(String.class).single();
            HttpClient http = HttpClient.newHttpClient();
            String second = cursorAfter(http, server, 1), deep = cursorAfter(http, server, 20); // the site's pages 2 and 21

            // public lists as an app reads them, without a token; the peer page lists the same articles (its first
            // pages also rank top stories, which makes them heavier: pages 2 and 21 are the plain lists)
            List<Measured> lists = List.of(
                    new Measured("newest 40, second page", "/api/v1/articles?limit=40&cursor=" + second, null, "/?page=2"),
                    new Measured("newest 40, 800 deep", "/api/v1/articles?limit=40&cursor=" + deep, null, "/?page=21"),
                    new Measured("the same, with a token", "/api/v1/articles?limit=40&cursor=" + deep, token, "/?page=21"),
                    new Measured("a section's newest 40", "/api/v1/articles?section=business&limit=40", null, "/section/business"),
                    new Measured("a topic's newest 40", "/api/v1/articles?topic=" + topic + "&limit=40", null, "/topic/" + topic),
                    new Measured("a publisher's newest 40", "/api/v1/articles?source=" + source + "&limit=40", null, "/source/" + source),
                    new Measured("a section in an edition (en-gulf)", "/api/v1/articles?section=business&edition=en-gulf&limit=40", null,
                            "/section/business?edition=en-gulf"),
                    new Measured("top stories", "/api/v1/top-stories?limit=24", null, null),
                    new Measured("the reader's saved, 40", "/api/v1/me/saved?limit=40", token, null));

            System.out.println("| list | API p50 | API p99 | API max | page p50 | page p99 | page |");
            System.out.println("|---|---:|---:|---:|---:|---:|---|");
            for (Measured list : lists) {
                double[] api = time(http, server.url(list.api()), list.token(), requests);
                double[] page = list.page() == null ? null : time(http, server.url(list.page()), null, requests);
                System.out.printf("| %s | %.2f ms | %.2f ms | %.1f ms | %s | %s | `%s` |%n", list.name(), api[0], api[1], api[2],
                        page == null ? "—" : "%.2f ms".formatted(page[0]), page == null ? "—" : "%.2f ms".formatted(page[1]),
                        list.page() == null ? "—" : list.page());
            }
            System.out.println("load: " + new String(new ProcessBuilder("uptime").start().getInputStream().readAllBytes()).strip());
        }
    }

    /** A reader with a read-write token and 200 saved articles; returns the token. */
    private static String reader(RunningServer server, long lead) {
        server.bean(AccountStore.class).create("bench@example.org", "{noop}unused", "reader");
        long id = server.bean(AccountStore.class).findByUsername("bench@example.org").orElseThrow().id();
        PersonalStore personal = server.bean(PersonalStore.class);
        for (long a = lead; a > lead - 200; a--) personal.save(id, a);
        return server.bean(AccessTokens.class).issue(id, "benchmark", "read-write").secret();
    }

    private static String cursorAfter(HttpClient http, RunningServer server, int pages) throws Exception {
        String cursor = null;
        for (int i = 0; i < pages; i++) {
            String body = get(http, server.url("/api/v1/articles?limit=40" + (cursor == null ? "" : "&cursor=" + cursor)), null);
            Matcher m = NEXT.matcher(body);
            if (!m.find()) throw new IllegalStateException("no next page after " + i);
            cursor = m.group(1);
        }
        return cursor;
    }

    /** p50, p99 and max in milliseconds of {@code n} requests, after {@code n / 4} to warm up. */
    private static double[] time(HttpClient http, String url, String token, int n) throws Exception {
        for (int i = 0; i < n / 4; i++) get(http, url, token);
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            get(http, url, token);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[n / 2], ms[(int) Math.ceil(n * 0.99) - 1], ms[n - 1]};
    }

    private static String get(HttpClient http, String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) request.header("Authorization", "Bearer " + token);
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        return r.body();
    }
}
