package org.tidings.server.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.FileSystemUtils;
import org.tidings.article.ImageCaption;
import org.tidings.server.store.AccountStore;
import org.tidings.server.store.ArticleDraft;
import org.tidings.server.store.ArticleStore;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.Browser;
import org.tidings.server.testing.RunningServer;
import org.tidings.server.testing.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A running server with a small news site for the API's tests: three publishers (one disabled), a story covered by two
 * of them, a topic, sections; readers with access tokens made on their account page; and an HTTP client that speaks
 * JSON to {@code /api/v1} as an app would.
 */
final class ApiServer implements AutoCloseable {

    static final String PASSWORD = "a long test password";
    private static final Pattern SECRET = Pattern.compile("class=\"token-secret\" dir=\"ltr\">(tid_[A-Za-z0-9_-]+)<");
    static final JsonMapper JSON = JsonMapper.builder().build();

    final RunningServer server;
    final Path dataDir;
    final long paper, daily, gone;
    /** Ids of the seeded articles, oldest first: the first two are one story (paper and daily), the last is the disabled source's. */
    final List<Long> articles = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ApiServer(TestDatabase db, String... settings) {
        try {
            dataDir = Files.createTempDirectory("tidings-api");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> args = new ArrayList<>(List.of("--tidings.scheduler.enabled=false",
                "--tidings.comments.user-burst=1000", "--tidings.comments.address-burst=1000"));
        args.addAll(List.of(settings));
        server = RunningServer.start(dataDir, db.serverArguments(args.toArray(String[]::new)));
        SourceStore sources = server.bean(SourceStore.class);
        paper = sources.add(new SourceSettings("https://paper.test/feed", "The Paper", "https://paper.test/", "en", "uk", null, false, true),
                Duration.ofMinutes(15)).id();
        daily = sources.add(new SourceSettings("https://daily.test/feed", "The Daily", "https://daily.test/", "en", "us", null, false, true),
                Duration.ofMinutes(15)).id();
        gone = sources.add(new SourceSettings("https://gone.test/feed", "Gone Gazette", null, "en", "uk", null, false, true),
                Duration.ofMinutes(15)).id();
        Instant now = Instant.now();
        article(paper, "paper-1", "Harbour floods as storm reaches the coast", "technology", now.minus(Duration.ofHours(3)), "https://paper.test/img.jpg");
        article(daily, "daily-1", "Storm floods the harbour on the coast", "technology", now.minus(Duration.ofHours(2)), null);
        for (int i = 2; i <= 6; i++) {
            article(paper, "paper-" + i, "Market report number " + i, "business", now.minus(Duration.ofMinutes(100 - i)), null);
        }
        article(gone, "gone-1", "A report from a publisher the site no longer shows", "business", now.minus(Duration.ofMinutes(10)), null);
        JdbcClient jdbc = jdbc();
        jdbc.sql("UPDATE article SET story_id = :first, clustered_at = published_at WHERE id IN (:ids)")
                .param("first", articles.get(0)).param("ids", articles.subList(0, 2)).update();
        jdbc.sql("UPDATE article SET story_id = id, clustered_at = published_at WHERE story_id IS NULL").update();
        for (long id : articles.subList(0, 2)) {
            jdbc.sql("INSERT INTO article_topic (article_id, slug, label, kind) VALUES (:id, 'climate', 'Climate', 'subject')")
                    .param("id", id).update();
        }
        jdbc.sql("UPDATE source SET enabled = FALSE WHERE id = :id").param("id", gone).update();
        jdbc.sql("UPDATE article SET changed_at = :now").param("now", OffsetDateTime.now(ZoneOffset.UTC)).update();
    }

    private void article(long source, String key, String title, String section, Instant at, String image) {
        server.bean(ArticleStore.class).save(source, ArticleDraft.ofFeed(key, "https://" + key + ".test/story", title,
                "The first paragraph of " + title.toLowerCase() + ", told plainly.",
                "<p>The first paragraph of " + title.toLowerCase() + ", told plainly.</p><p>A second paragraph follows.</p>",
                null, image, at, null, "hash-" + key).withImageCaption(new ImageCaption(title + ", seen from the pier", "Ana Ruiz")), false);
        long id = jdbc().sql("SELECT id FROM article WHERE url = :url").param("url", "https://" + key + ".test/story").query(Long.class).single();
        jdbc().sql("UPDATE article SET section = :section, lang = 'en' WHERE id = :id").param("section", section).param("id", id).update();
        articles.add(id);
    }

    JdbcClient jdbc() {
        return server.bean(JdbcClient.class);
    }

    /** A reader's account, signed in through the sign-in form. */
    Browser reader(String name) {
        server.bean(AccountStore.class).create(name, server.bean(PasswordEncoder.class).encode(PASSWORD), "READER");
        jdbc().sql("UPDATE account SET created_at = :t WHERE username = :u")
                .param("t", OffsetDateTime.now(ZoneOffset.UTC).minusDays(30)).param("u", name).update();
        Browser browser = server.browser();
        browser.signIn(name, PASSWORD);
        return browser;
    }

    /** Makes a token on the reader's account page, as a reader does; returns its secret, read from the page shown once. */
    static String token(Browser reader, String name, String scope) {
        HttpResponse<String> page = reader.post("/account/tokens", Map.of("name", name, "scope", scope), "/account");
        Matcher m = SECRET.matcher(page.body());
        if (page.statusCode() != 200 || !m.find()) throw new IllegalStateException("no token shown: " + page.statusCode());
        return m.group(1);
    }

    /** An answer of the API: its status, headers and body, the body parsed when it is JSON. */
    record Answer(int status, HttpResponse<String> response) {
        JsonNode json() {
            return JSON.readTree(response.body());
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }
    }

    Answer get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    Answer send(String method, String path, String token, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) request.header("Content-Type", "application/json");
        if (token != null) request.header("Authorization", "Bearer " + token);
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        FileSystemUtils.deleteRecursively(dataDir.toFile());
    }
}
