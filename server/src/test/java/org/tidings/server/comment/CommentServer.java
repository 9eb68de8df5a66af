package org.tidings.server.comment;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

/** A running server with articles and accounts for comment tests, and the moves readers make on it. */
final class CommentServer {

    static final String PASSWORD = "a long test password";
    private static final Pattern COMMENT_ID = Pattern.compile("#comment-(\\d+)$");

    private CommentServer() {}

    /** Adds {@code count} articles of one source in one story; returns their ids, oldest first. */
    static List<Long> articles(RunningServer server, int count) {
        SourceStore sources = server.bean(SourceStore.class);
        long source = sources.add(Fixtures.source("https://paper.test/feed", "The Paper"), Duration.ofMinutes(15)).id();
        ArticleStore articles = server.bean(ArticleStore.class);
        Instant at = Instant.now().minus(Duration.ofHours(2));
        for (int i = 0; i < count; i++) {
            articles.save(source, ArticleDraft.ofFeed("e" + i, "https://paper.test/" + i, "Headline number " + i, null,
                    "<p>The text of article " + i + ".</p>", null, null, at.plusSeconds(i), null, "hash" + i), false);
        }
        JdbcClient jdbc = server.bean(JdbcClient.class);
        List<Long> ids = jdbc.sql("SELECT id FROM article ORDER BY id").query(Long.class).list();
        jdbc.sql("UPDATE article SET story_id = :first, clustered_at = published_at").param("first", ids.getFirst()).update();
        return ids;
    }

    /** Creates an account with {@link #PASSWORD}, made {@code age} ago, and returns a browser signed in as it. */
    static Browser account(RunningServer server, String name, String role, Duration age) {
        server.bean(AccountStore.class).create(name, server.bean(PasswordEncoder.class).encode(PASSWORD), role);
        server.bean(JdbcClient.class).sql("UPDATE account SET created_at = :t WHERE username = :u")
                .param("t", java.time.OffsetDateTime.now().minus(age)).param("u", name).update();
        Browser browser = server.browser();
        browser.signIn(name, PASSWORD);
        return browser;
    }

    /** Posts a comment (or a reply) through the article page's form; returns its id. */
    static long comment(Browser as, long articleId, Long parent, String text) {
        Map<String, String> form = parent == null ? Map.of("text", text) : Map.of("text", text, "parent", parent.toString());
        HttpResponse<String> r = as.post("/article/" + articleId + "/comments", form, "/article/" + articleId);
        String location = r.headers().firstValue("Location").orElse("");
        Matcher m = COMMENT_ID.matcher(location);
        if (r.statusCode() != 302 || !m.find()) throw new IllegalStateException("comment not posted: " + r.statusCode() + " " + location);
        as.get("/article/" + articleId); // as a browser follows the redirect, taking the notice left for it
        return Long.parseLong(m.group(1));
    }
}
