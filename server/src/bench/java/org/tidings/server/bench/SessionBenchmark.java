package org.tidings.server.bench;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.tidings.server.account.Roles;
import org.tidings.server.bench.SiteBenchmark.Wrk;
import org.tidings.server.store.AccountStore;
import org.tidings.server.testing.Browser;
import org.tidings.server.testing.RunningServer;
import org.tidings.server.testing.TestDatabase;

/**
 * The cost of shared sessions: signed-in readers' pages with their sessions in PostgreSQL (Spring Session JDBC, as
 * Tidings keeps them, so that any process serves any reader) against the same pages with the sessions held in the
 * server's memory ({@link SessionsInMemory}), in the same run, on the same PostgreSQL database with the same articles
 * (seeded as {@link SiteBenchmark} does) and the same readers. The anonymous reader's rate of the same pages is the
 * peer: no session at all.
 *
 * <p>{@code READERS} readers (accounts as sign-up leaves them) sign in through the sign-in form, each from an address
 * of its own; {@code wrk} then asks for the home page, an article page and {@code /account}, each request with the
 * session cookie of a reader picked at random. Every page is rendered for its request: a signed-in reader's page is
 * never served from the page cache, and the cache is off here ({@code tidings.page-cache=0s}) so that the anonymous
 * pages are rendered too and the rows differ by the session alone. A signed-in request reads its session (in
 * PostgreSQL: a query, and the attributes deserialized), checks the account ({@code FreshAccount}), applies the
 * reader's mutes to the lists, and writes the session's time of last access back (in PostgreSQL: an UPDATE);
 * {@code /account} also lists the reader's sessions. Each reader is checked signed in before and after the load.
 * Needs Debian's {@code wrk} on the PATH and PostgreSQL at TIDINGS_TEST_PG_URL (a fresh schema, dropped at the end).
 *
 * <pre>bench/run server org.tidings.server.bench.SessionBenchmark 20000 50 15 32</pre>
 *
 * Arguments: articles, readers, seconds per measurement, wrk's connections, and optionally {@code memory-first} (the
 * server with sessions in memory measured first). Prints a markdown table.
 */
public final class SessionBenchmark {

    private static final String PASSWORD = "the tide comes in twice a day";
    private static final String COOKIE = "JSESSIONID";

    /** Where the server keeps readers' sessions. */
    private enum Store {
        POSTGRESQL("PostgreSQL"), MEMORY("memory");

        final String label;

        Store(String label) {
            this.label = label;
        }
    }

    private record Row(String page, String reader, Store store, Wrk measured) {}

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int readers = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        int connections = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        // the second server runs on a JIT the first warmed: "memory-first" swaps them, to see what the order does
        List<Store> order = args.length > 4 && args[4].equals("memory-first") ? List.of(Store.MEMORY, Store.POSTGRESQL)
                : List.of(Store.POSTGRESQL, Store.MEMORY);
        Path work = Files.createTempDirectory("tidings-session-bench");
        String[] database = TestDatabase.POSTGRES.create().serverArguments(); // one schema for both servers
        List<Row> rows = new ArrayList<>();
        long lead = -1;
        for (Store store : order) {
            List<String> settings = new ArrayList<>(List.of(database));
            settings.addAll(List.of("--tidings.scheduler.enabled=false", "--tidings.page-cache=0s", "--logging.level.root=WARN"));
            if (store == Store.MEMORY) settings.add("--spring.main.sources=" + SessionsInMemory.class.getName());
            try (RunningServer server = RunningServer.start(work.resolve(store.name()), settings.toArray(String[]::new))) {
                if (lead < 0) {
                    lead = SiteBenchmark.seed(server, articles);
                    signUp(server, readers);
                    System.out.printf("seeded %,d articles and %d readers%n", articles, readers);
                }
                Map<String, String> cookies = signIn(server, readers); // reader's e-mail -> its session cookie
                Map<String, String> pages = new LinkedHashMap<>();
                pages.put("home", "/");
                pages.put("article", "/article/" + lead);
                pages.put("/account", "/account");
                // each reader opens the article once before the load: the first openings of one article by one reader
                // at the same moment fail (SubscriptionStore.markRead inserts its read mark after a NOT EXISTS, which
                // races), and a reader who has read it already is the common case anyway
                for (String cookie : cookies.values()) {
                    int status = server.browser().get(pages.get("article"), Map.of("Cookie", cookie)).statusCode();
                    if (status != 200) throw new IllegalStateException("the article page answered " + status);
                }
                Path signedIn = script(work.resolve(store.name() + "-signed-in.lua"), cookies.values());
                Path anonymous = script(work.resolve(store.name() + "-anonymous.lua"), List.of());
                for (String path : pages.values()) {
                    warmUp(server.url(path), Math.max(3, seconds / 3), connections, signedIn);
                    if (!path.equals("/account")) warmUp(server.url(path), Math.max(3, seconds / 3), connections, anonymous);
                }
                for (var page : pages.entrySet()) {
                    String url = server.url(page.getValue());
                    rows.add(new Row(page.getKey(), "signed in", store, SiteBenchmark.wrk(url, seconds, connections, "-s",
                            signedIn.toString())));
                    if (!page.getKey().equals("/account")) {
                        rows.add(new Row(page.getKey(), "anonymous", store, SiteBenchmark.wrk(url, seconds, connections, "-s",
                                anonymous.toString())));
                    }
                }
                stillSignedIn(server, cookies);
            }
        }
        System.out.println("| page | reader | sessions in | requests/s | p50 | p99 |");
        System.out.println("|---|---|---|---:|---:|---:|");
        for (Row row : rows) {
            System.out.printf("| %s | %s | %s | %,.0f | %s | %s |%n", row.page(), row.reader(),
                    row.reader().equals("anonymous") ? "— (" + row.store().label + " server)" : row.store().label,
                    row.measured().rps(), row.measured().p50(), row.measured().p99());
        }
        for (String page : List.of("home", "article", "/account")) {
            double shared = rate(rows, page, "signed in", Store.POSTGRESQL), memory = rate(rows, page, "signed in", Store.MEMORY);
            System.out.printf("%s, signed in: sessions in PostgreSQL serve %.0f%% of the rate of sessions in memory%n", page,
                    100 * shared / memory);
        }
        // each server against its own anonymous readers: a figure the load's drift between the two servers moves less
        for (String page : List.of("home", "article")) {
            System.out.printf("%s, signed in as a share of anonymous on the same server: %.0f%% with sessions in PostgreSQL, "
                    + "%.0f%% in memory%n", page,
                    100 * rate(rows, page, "signed in", Store.POSTGRESQL) / rate(rows, page, "anonymous", Store.POSTGRESQL),
                    100 * rate(rows, page, "signed in", Store.MEMORY) / rate(rows, page, "anonymous", Store.MEMORY));
        }
        System.out.printf("%,d articles, %d readers, %d s a measurement, %d connections%n", articles, readers, seconds,
                connections);
        System.out.println("load: " + new String(new ProcessBuilder("uptime").start().getInputStream().readAllBytes()).strip());
    }

    /**
     * Asks for the page as the measurement will, to warm the JIT; a cold server on a loaded machine may answer a few
     * requests 503 (a database connection not had within tidings.database.request-wait), which only the measurement
     * counts as a failure.
     */
    private static void warmUp(String url, int seconds, int connections, Path script) throws Exception {
        try {
            SiteBenchmark.wrk(url, seconds, connections, "-s", script.toString());
        } catch (IllegalStateException e) {
            System.out.println("warm-up of " + url + ": " + e.getMessage().lines().filter(l -> l.contains("Non-2xx"))
                    .findFirst().orElse("failed").strip());
        }
    }

    /** Readers' accounts as sign-up leaves them (one password hash for all: hashing is not what is measured). */
    private static void signUp(RunningServer server, int readers) {
        String hash = server.bean(PasswordEncoder.class).encode(PASSWORD);
        AccountStore accounts = server.bean(AccountStore.class);
        for (int i = 0; i < readers; i++) {
            if (accounts.createReader(email(i), "Reader " + i, hash, Roles.READER).isEmpty()) {
                throw new IllegalStateException("account " + email(i) + " exists already");
            }
        }
    }

    /** Signs each reader in through the form, from an address of its own (sign-in is limited per address). */
    private static Map<String, String> signIn(RunningServer server, int readers) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (int i = 0; i < readers; i++) {
            Browser browser = server.browser().withHeader("X-Forwarded-For", "10.1." + (i / 250) + "." + (1 + i % 250));
            browser.signIn(email(i), PASSWORD);
            cookies.put(email(i), COOKIE + "=" + browser.cookie(COOKIE));
        }
        stillSignedIn(server, cookies);
        return cookies;
    }

    /** Each cookie opens its reader's account page: wrk counts a redirect to the sign-in page as a success. */
    private static void stillSignedIn(RunningServer server, Map<String, String> cookies) {
        Browser anyone = server.browser();
        for (var reader : cookies.entrySet()) {
            HttpResponse<String> account = anyone.get("/account", Map.of("Cookie", reader.getValue()));
            if (account.statusCode() != 200 || !account.body().contains(reader.getKey())) {
                throw new IllegalStateException(reader.getKey() + " is not signed in: " + account.statusCode());
            }
        }
    }

    /** A wrk script sending each request with one of these cookies, at random (none: no cookie). */
    private static Path script(Path file, java.util.Collection<String> cookies) throws Exception {
        String list = cookies.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(",\n  "));
        Files.writeString(file, """
                local cookies = {
                  %s
                }
                request = function()
                  if #cookies == 0 then return wrk.format(nil, nil, {}) end
                  return wrk.format(nil, nil, { ["Cookie"] = cookies[math.random(#cookies)] })
                end
                """.formatted(list));
        return file;
    }

    private static double rate(List<Row> rows, String page, String reader, Store store) {
        return rows.stream().filter(r -> r.page().equals(page) && r.reader().equals(reader) && r.store() == store)
                .findFirst().orElseThrow().measured().rps();
    }

    private static String email(int i) {
        return "reader" + i + "@example.org";
    }
}
