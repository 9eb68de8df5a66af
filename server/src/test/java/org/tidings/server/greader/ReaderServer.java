package org.tidings.server.greader;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.FileSystemUtils;
import org.tidings.server.ingest.FeedRefresher;
import org.tidings.server.store.AccountStore;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.Browser;
import org.tidings.server.testing.Feeds;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.RunningServer;
import org.tidings.server.testing.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A running Tidings with readers who make app passwords on their account page, and a publisher on 127.0.0.1 serving two
 * feeds ({@code /harbour.xml}, three articles; {@code /market.xml}, two), a web page that is no feed, and a page that
 * links to the harbour feed. The scheduler is off: a test refreshes the feeds when it wants their articles.
 */
final class ReaderServer implements AutoCloseable {

    static final String PASSWORD = "a long test password";
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SECRET = Pattern.compile("class=\"token-secret\" dir=\"ltr\">(tid_[A-Za-z0-9_-]+)<");
    private static final Instant NOW = Instant.now();

    final RunningServer server;
    final FixtureServer publisher = new FixtureServer();
    private final Path dataDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ReaderServer(TestDatabase db) {
        publisher.serve("/harbour.xml", "application/rss+xml", Feeds.rss("Harbour Gazette", List.of(
                item("harbour-1", "Storm reaches the harbour", 3),
                item("harbour-2", "Ferries stay in port", 2),
                item("harbour-3", "The harbour wall holds", 1))));
        publisher.serve("/market.xml", "application/rss+xml", Feeds.rss("Market Weekly", List.of(
                item("market-1", "Fish prices rise after the storm", 5),
                item("market-2", "Traders count the cost", 4))));
        publisher.serve("/page.html", "text/html", "<!doctype html><title>A page</title><p>Nothing to follow here.</p>");
        publisher.serve("/harbour.html", "text/html", "<!doctype html><title>Harbour</title>"
                + "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/harbour.xml\"><p>News of the harbour.</p>");
        try {
            dataDir = Files.createTempDirectory("tidings-greader");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = RunningServer.start(dataDir, db.serverArguments("--tidings.scheduler.enabled=false"));
    }

    private Feeds.Item item(String key, String title, int hoursAgo) {
        return new Feeds.Item(key, publisher.url("/" + key), title, "<p>" + title + ", the paper reports.</p>",
                NOW.minus(Duration.ofHours(hoursAgo)));
    }

    String feed(String path) {
        return publisher.url(path);
    }

    JdbcClient jdbc() {
        return server.bean(JdbcClient.class);
    }

    /** A reader's account, signed in through the sign-in form. */
    Browser reader(String email) {
        server.bean(AccountStore.class).create(email, server.bean(PasswordEncoder.class).encode(PASSWORD), "READER");
        jdbc().sql("UPDATE account SET created_at = :t WHERE username = :u")
                .param("t", OffsetDateTime.now(ZoneOffset.UTC).minusDays(30)).param("u", email).update();
        Browser browser = server.browser();
        browser.signIn(email, PASSWORD);
        return browser;
    }

    long accountId(String username) {
        return jdbc().sql("SELECT id FROM account WHERE username = :u").param("u", username).query(Long.class).single();
    }

    /** Makes an app password on the reader's account page, as a reader does; returns it, read from the page shown once. */
    static String appPassword(Browser reader, String name) {
        HttpResponse<String> page = reader.post("/account/tokens", Map.of("name", name, "scope", "app-password"), "/account");
        Matcher m = SECRET.matcher(page.body());
        if (page.statusCode() != 200 || !m.find()) throw new IllegalStateException("no app password shown: " + page.statusCode());
        return m.group(1);
    }

    /** Fetches every source once, as the scheduler would. */
    void refreshAll() {
        FeedRefresher refresher = server.bean(FeedRefresher.class);
        server.bean(SourceStore.class).findAll().forEach(refresher::refresh);
    }

    /** The Google Reader API's {@code Auth} for an app password, through {@code ClientLogin} as a client gets it. */
    String signIn(String email, String appPassword) {
        Answer login = post("/api/greader/accounts/ClientLogin", null, List.of("Email", email, "Passwd", appPassword));
        if (login.status() != 200) throw new IllegalStateException("ClientLogin refused: " + login.status() + " " + login.body());
        return login.body().lines().filter(l -> l.startsWith("Auth=")).findFirst().orElseThrow().substring(5);
    }

    /** An answer of the API. */
    record Answer(int status, String body, HttpResponse<String> response) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    Answer get(String path, String auth) {
        return send(HttpRequest.newBuilder(URI.create(server.url(path))).GET(), auth);
    }

    /** A form POST; {@code form} is names and values in turn, a name may repeat. */
    Answer post(String path, String auth, List<String> form) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < form.size(); i += 2) {
            pairs.add(URLEncoder.encode(form.get(i), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(form.get(i + 1), StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(pairs.stream().collect(Collectors.joining("&")))), auth);
    }

    private Answer send(HttpRequest.Builder request, String auth) {
        if (auth != null) request.header("Authorization", "GoogleLogin auth=" + auth);
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        server.close();
        publisher.close();
        FileSystemUtils.deleteRecursively(dataDir.toFile());
    }
}
