package org.tidings.server.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.store.Source;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.Browser;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.RunningServer;

/** Only the administrator manages sources, through CSRF-protected forms; bad input is refused with a reason. */
class AdminSourcesTest {

    @TempDir
    static Path dataDir;
    static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start(dataDir, "--tidings.scheduler.enabled=false");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Map<String, String> form(String feedUrl, String name) {
        return Map.of("feedUrl", feedUrl, "name", name, "siteUrl", "", "language", "en", "region", "uk",
                "section", "world", "fullText", "true", "_fullText", "on", "enabled", "true", "_enabled", "on");
    }

    @Test
    void theAdministratorPasswordIsStoredAsAnArgon2idHash() {
        String hash = server.bean(JdbcClient.class).sql("SELECT password_hash FROM account WHERE username = 'admin'")
                .query(String.class).single();
        assertThat(hash).startsWith("$argon2id$").doesNotContain("correct horse");
    }

    @Test
    void anonymousReadersCannotReachTheAdminPages() {
        Browser anonymous = server.browser();
        var page = anonymous.get("/admin/sources");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        var post = anonymous.post("/admin/sources", form("https://anon.test/feed", "Anon"), "/login");
        assertThat(post.statusCode()).isIn(302, 403);
        assertThat(server.bean(SourceStore.class).findByFeedUrl("https://anon.test/feed")).isEmpty();
    }

    @Test
    void theAdministratorAddsEditsAndRemovesASource() {
        Browser admin = server.browser();
        admin.signInAsAdmin();
        try (FixtureServer publisher = new FixtureServer()) {
            publisher.serve("/feed.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><title>H</title></channel></rss>");
            String feedUrl = publisher.url("/feed.xml");
            var added = admin.post("/admin/sources", form(feedUrl, "Harbour Times"), "/admin/sources");
            assertThat(added.statusCode()).isEqualTo(302);
            SourceStore sources = server.bean(SourceStore.class);
            Source source = sources.findByFeedUrl(feedUrl).orElseThrow();
            assertThat(source.name()).isEqualTo("Harbour Times");
            assertThat(source.region()).isEqualTo("uk");
            assertThat(admin.get("/admin/sources").body()).contains("Added Harbour Times", "Harbour Times");

            var edited = admin.post("/admin/sources/" + source.id(),
                    form(feedUrl, "The Harbour Times"), "/admin/sources/" + source.id());
            assertThat(edited.statusCode()).isEqualTo(302);
            assertThat(sources.findById(source.id()).orElseThrow().name()).isEqualTo("The Harbour Times");

            var removed = admin.post("/admin/sources/" + source.id() + "/delete", Map.of(), "/admin/sources");
            assertThat(removed.statusCode()).isEqualTo(302);
            assertThat(sources.findById(source.id())).isEmpty();
        }
    }

    @Test
    void aSiteAddressIsAddedThroughTheFeedItsPageLinksTo() {
        try (FixtureServer site = new FixtureServer(); FixtureServer plainSite = new FixtureServer()) {
            site.serve("/", "text/html", "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss\">"
                    + "</head><body>Welcome</body></html>");
            site.serve("/rss", "application/rss+xml", "<rss version=\"2.0\"><channel><title>Site</title></channel></rss>");
            plainSite.serve("/no-feed", "text/html", "<html><body>Just a page</body></html>");
            Browser admin = server.browser();
            admin.signInAsAdmin();

            var added = admin.post("/admin/sources", form(site.url("/"), "The Site"), "/admin/sources");
            assertThat(added.statusCode()).isEqualTo(302);
            Source source = server.bean(SourceStore.class).findByFeedUrl(site.url("/rss")).orElseThrow();
            assertThat(source.siteUrl()).isEqualTo(site.url("/"));
            assertThat(admin.get("/admin/sources").body()).contains("Found the site's feed");

            var refused = admin.post("/admin/sources", form(plainSite.url("/no-feed"), "Nothing"), "/admin/sources");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("No feed found");
        }
    }

    @Test
    void opmlImportsAndExports() {
        Browser admin = server.browser();
        admin.signInAsAdmin();
        String opml = """
                <?xml version="1.0"?>
                <opml version="2.0"><head><title>My feeds</title></head><body>
                  <outline text="News"><outline text="Business">
                    <outline type="rss" text="Ledger Daily" xmlUrl="https://ledger.test/rss" htmlUrl="https://ledger.test/"/>
                  </outline></outline>
                  <outline type="rss" text="Bad" xmlUrl="javascript:alert(1)"/>
                </body></opml>""";
        var imported = admin.postFile("/admin/sources/import", "opml", "feeds.opml", opml.getBytes(), "/admin/sources");
        assertThat(imported.statusCode()).isEqualTo(302);
        Source ledger = server.bean(SourceStore.class).findByFeedUrl("https://ledger.test/rss").orElseThrow();
        assertThat(ledger.name()).isEqualTo("Ledger Daily");
        assertThat(ledger.section()).isEqualTo("business");
        assertThat(admin.get("/admin/sources").body()).contains("Imported 1 new source;", "1 had no usable feed URL");

        var again = admin.postFile("/admin/sources/import", "opml", "feeds.opml", opml.getBytes(), "/admin/sources");
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/sources").body()).contains("No new source imported; 1 was a source already; 1 had no usable feed URL.");

        var export = admin.get("/admin/sources.opml");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("opml"));
        assertThat(export.body()).contains("<opml", "xmlUrl=\"https://ledger.test/rss\"", "Ledger Daily", "business");
        assertThat(server.browser().get("/admin/sources.opml").statusCode()).as("not for anonymous readers").isEqualTo(302);
    }

    @Test
    void anOpmlCategoryThatIsNoSectionLeavesTheSectionEmptyAndTheNoticeSaysSo() {
        Browser admin = server.browser();
        admin.signInAsAdmin();
        String opml = """
                <?xml version="1.0"?>
                <opml version="2.0"><body>
                  <outline text="News"><outline type="rss" text="Town Crier" xmlUrl="https://crier.test/rss"/></outline>
                  <outline text="Tech"><outline type="rss" text="Circuit Weekly" xmlUrl="https://circuit.test/rss"/></outline>
                </body></opml>""";
        admin.postFile("/admin/sources/import", "opml", "feeds.opml", opml.getBytes(), "/admin/sources");
        SourceStore sources = server.bean(SourceStore.class);
        assertThat(sources.findByFeedUrl("https://crier.test/rss").orElseThrow().section()).as("no section 'news'").isNull();
        assertThat(sources.findByFeedUrl("https://circuit.test/rss").orElseThrow().section()).isEqualTo("technology");
        assertThat(admin.get("/admin/sources").body()).contains("Imported 2 new sources; none was a source already.",
                "1 new source has a category that is no section of this site (News)", "on the source's page");
    }

    @Test
    void aFeedThatCannotBeReachedIsAddedOnlyWhenConfirmedAndKeepsItsName() {
        Browser admin = server.browser();
        admin.signInAsAdmin();
        String down;
        try (FixtureServer stopped = new FixtureServer()) {
            down = stopped.url("/night.xml");
        }
        var asked = admin.post("/admin/sources", form(down, "The Night Desk"), "/admin/sources");
        assertThat(asked.statusCode()).isEqualTo(400);
        assertThat(asked.body()).contains(down + " could not be reached just now", "Add it anyway? It keeps the name you gave",
                "name=\"confirmedUrl\" value=\"" + down + "\"", "value=\"The Night Desk\"");
        SourceStore sources = server.bean(SourceStore.class);
        assertThat(sources.findByFeedUrl(down)).isEmpty();

        Map<String, String> confirmed = new java.util.HashMap<>(form(down, "The Night Desk"));
        confirmed.put("confirmedUrl", down);
        var added = admin.post("/admin/sources", confirmed, "/admin/sources");
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(sources.findByFeedUrl(down).orElseThrow().name()).isEqualTo("The Night Desk");
        assertThat(admin.get("/admin/sources").body()).contains("Added The Night Desk", "added without being read");
    }

    @Test
    void aSectionTheSiteDoesNotHaveIsRefusedNotSavedSilently() {
        Browser admin = server.browser();
        admin.signInAsAdmin();
        Map<String, String> nonsense = new java.util.HashMap<>(form("https://nonsense.test/feed", "Nonsense"));
        nonsense.put("section", "other");
        nonsense.put("sectionOther", "nonsense-section");
        var refused = admin.post("/admin/sources", nonsense, "/admin/sources");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("This site has no section “nonsense-section”");
        assertThat(server.bean(SourceStore.class).findByFeedUrl("https://nonsense.test/feed")).isEmpty();
        String arabic = admin.get("/admin/sources?lang=ar").body();
        assertThat(arabic).contains("<option value=\"technology\">", ">تكنولوجيا<", ">الفرنسية<", "غير ذلك…");
        admin.get("/admin/sources?lang=en");
    }

    @Test
    void everyStatusOfTheHealthTableIsAWordOfTheReadersLanguage() {
        SourceStore sources = server.bean(SourceStore.class);
        Source fine = sources.add(new org.tidings.server.store.SourceSettings("https://fine.test/rss", "Fine Paper", null,
                "en", "us", "world", false, true), java.time.Duration.ofMinutes(30));
        Source broken = sources.add(new org.tidings.server.store.SourceSettings("https://broken.test/rss", "Broken Paper", null,
                "ar", "gulf", null, false, true), java.time.Duration.ofMinutes(30));
        sources.onFetched(fine.id(), "not_modified", 200, fine.validators(), java.time.Duration.ofMinutes(30), null);
        sources.onFailed(broken.id(), "http_503", 503, "the server answered HTTP 503", java.time.Instant.now().plusSeconds(600));
        Browser admin = server.browser();
        admin.signInAsAdmin();
        String english = admin.get("/admin/sources?lang=en").body();
        assertThat(english).contains("Fetched: nothing new", "The publisher's server answered HTTP 503", "United States", "Gulf")
                .doesNotContain("not_modified", "http_503", "(HTTP 200)");
        String arabic = admin.get("/admin/sources?lang=ar").body();
        assertThat(arabic).contains("جُلبت: لا جديد", "أجاب خادم الناشر برمز HTTP 503", "الخليج")
                .doesNotContain("not_modified", "Fetched");
        admin.get("/admin/sources?lang=en");
    }

    @Test
    void postsWithoutACsrfTokenAreRefused() {
        Browser admin = server.browser();
        admin.signInAsAdmin();
        {
            var post = admin.post("/admin/sources", form("https://nocsrf.test/feed", "No token"), null);
            assertThat(post.statusCode()).isEqualTo(403);
            assertThat(post.body()).doesNotContain("Exception").doesNotContain("at org.");
            assertThat(server.bean(SourceStore.class).findByFeedUrl("https://nocsrf.test/feed")).isEmpty();
        }
    }

    @Test
    void badFeedUrlsAreRefusedWithAReason() {
        Browser admin = server.browser();
        admin.signInAsAdmin();
        {
            var notUrl = admin.post("/admin/sources", form("javascript:alert(1)", "X"), "/admin/sources");
            assertThat(notUrl.statusCode()).isEqualTo(400);
            assertThat(notUrl.body()).contains("must be a full http:// or https:// address");
            var empty = admin.post("/admin/sources", form("", "X"), "/admin/sources");
            assertThat(empty.statusCode()).isEqualTo(400);
            assertThat(empty.body()).contains("Give the feed");
            assertThat(server.bean(SourceStore.class).findByFeedUrl("javascript:alert(1)")).isEmpty();
        }
    }

    @Test
    void aWrongPasswordDoesNotSignIn() {
        Browser reader = server.browser();
        var r = reader.post("/login", Map.of("username", "admin", "password", "wrong"), "/login");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("error"));
        assertThat(reader.get("/login?error").body()).contains("The e-mail address (or user name) or password is wrong.");
    }

    @Test
    void errorsShowAPageNeverAStackTrace() {
        var missing = server.get("/article/999999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("There is no article 999999.").doesNotContain("Exception");
        var malformed = server.get("/article/not-a-number");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("Bad request").doesNotContain("NumberFormatException");
        var nowhere = server.get("/no/such/page");
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(nowhere.body()).contains("There is nothing at this address.");
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicy() {
        var home = server.get("/");
        assertThat(home.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'", "script-src 'self'"));
    }
}
