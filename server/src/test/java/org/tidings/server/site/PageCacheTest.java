package org.tidings.server.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.testing.Browser;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.RunningServer;

/**
 * Pages rendered once are served again to readers who are not signed in, in their own language
 * and edition; a signed-in reader always gets a page rendered for them, and a reader who only
 * reads gets no session cookie.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageCacheTest {

    FixtureServer publishers;
    RunningServer server;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        publishers = new FixtureServer();
        server = RunningServer.start(dataDir, "--tidings.page-cache=10m");
        SiteFixture.publish(publishers, server);
    }

    @AfterAll
    void stop() {
        server.close();
        publishers.close();
    }

    @Test
    void anonymousReadersShareRenderedPagesPerLanguageAndEditionAndNobodyElseDoes() {
        long quake = SiteFixture.idOf(server, publishers, "/gulf/quake");

        Browser english = server.browser();
        HttpResponse<String> first = english.get("/article/" + quake);
        assertThat(first.headers().allValues("Set-Cookie")).as("a reader who only reads gets no session").isEmpty();
        assertThat(first.body()).contains("Magnitude 7.1 earthquake strikes");

        server.bean(JdbcClient.class).sql("UPDATE article SET title = 'Corrected: magnitude 7.0' WHERE id = :id")
                .param("id", quake).update();
        HttpResponse<String> again = server.browser().get("/article/" + quake);
        assertThat(again.body()).as("served again without rendering").isEqualTo(first.body());
        assertThat(again.headers().firstValue("Content-Security-Policy")).as("with the same security headers")
                .isEqualTo(first.headers().firstValue("Content-Security-Policy"));

        // another language is another page
        Browser arabic = server.browser();
        assertThat(arabic.get("/?lang=ar").headers().allValues("Set-Cookie")).isNotEmpty();
        String arabicPage = arabic.get("/article/" + quake).body();
        assertThat(arabicPage).contains("dir=\"rtl\"", "Corrected: magnitude 7.0");

        // another edition too
        Browser gulf = server.browser();
        gulf.get("/?edition=en-uk");
        assertThat(gulf.get("/").body()).doesNotContain("Apple unveils");
        assertThat(server.browser().get("/").body()).contains("Apple unveils");

        // a signed-in reader's pages are rendered for them alone
        Browser admin = server.browser();
        admin.signInAsAdmin();
        String adminPage = admin.get("/article/" + quake).body();
        assertThat(adminPage).contains("Corrected: magnitude 7.0", "/logout");
        assertThat(server.browser().get("/article/" + quake).body()).doesNotContain("/logout");
    }

    @Test
    void aForgedHostNeverReachesTheLinksOfAnyReader() throws Exception {
        long quake = SiteFixture.idOf(server, publishers, "/gulf/quake");
        List<String> pages = List.of("/feed.xml", "/article/" + quake, "/sitemap.xml");
        for (String forged : List.of("Host: attacker.example", "X-Forwarded-Host: attacker.example")) {
            for (String page : pages) {
                assertThat(rawGet(page, forged)).as("the forger's own %s (%s)", page, forged).startsWith("HTTP/1.1 200")
                        .doesNotContain("attacker.example").contains(server.url("/"));
            }
        }
        for (String page : pages) {
            assertThat(server.browser().get(page).body()).as("%s served again to the next reader", page)
                    .doesNotContain("attacker.example").contains(server.url("/"));
        }
        assertThat(rawGet("/feed.xml", "Host: localhost:" + URI.create(server.url("/")).getPort()))
                .as("this machine's own name is kept").contains("http://localhost:" + URI.create(server.url("/")).getPort() + "/");
    }

    /** A request written by hand, since HTTP clients refuse to forge a Host header; the whole answer, headers and body. */
    private String rawGet(String path, String header) throws IOException {
        URI base = URI.create(server.url("/"));
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            String host = header.startsWith("Host:") ? "" : "Host: " + base.getHost() + ":" + base.getPort() + "\r\n";
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\n" + host + header + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aCommentAModeratorHidesLeavesEveryCachedPageAtOnce() {
        long cup = SiteFixture.idOf(server, publishers, "/london/cup");
        Browser moderator = server.browser();
        moderator.signInAsAdmin();
        assertThat(moderator.post("/article/" + cup + "/comments", Map.of("text", "A remark that will be hidden"),
                "/article/" + cup).statusCode()).isEqualTo(302);
        assertThat(server.browser().get("/article/" + cup).body()).as("cached for anonymous readers")
                .contains("A remark that will be hidden");

        long comment = server.bean(JdbcClient.class).sql("SELECT id FROM comment WHERE article_id = :a")
                .param("a", cup).query(Long.class).single();
        assertThat(moderator.post("/moderation/comments/" + comment + "/hide", Map.of(), "/moderation").statusCode())
                .isEqualTo(302);
        assertThat(server.browser().get("/article/" + cup).body()).doesNotContain("A remark that will be hidden");
    }
}
