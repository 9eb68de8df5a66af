package org.tidings.server.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tidings.server.testing.Browser;
import org.tidings.server.testing.Chromium;
import org.tidings.server.testing.Feeds;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.ServerProcess;

/**
 * The operator's first hour, in a real browser against {@code ./tidings serve} as a process: the first sign-in with
 * the password printed at the end of start-up and the new password it asks for; sources added from the form's lists,
 * an unreachable one confirmed under the name given, an OPML file imported; the banner once most sources fail (their
 * server is down); a reported comment kept (dismiss) and another hidden, a held one approved. Once in English on a
 * desktop, once in Arabic on a 390 px phone, where no page is wider than the screen.
 */
class OperatorFirstHourBrowserTest {

    private static final String OWN_PASSWORD = "harbour lights at midnight";
    private static final String READER_PASSWORD = "a reader's long passphrase";

    @TempDir
    Path dir;

    /** What differs between the two walks: the screen, the language and the words a page shows. */
    private record Walk(String lang, int width, String sourceName, String confirm, String imported, String banner) {}

    private static final Walk ENGLISH = new Walk("en", 1280, "Harbour Times", "Add it anyway", "Imported 2 new sources", "enabled sources failed");
    private static final Walk ARABIC = new Walk("ar", 390, "Valley Post", "أضفه رغم ذلك", "استُورد مصدران جديدان", "فشل");

    @Test
    void anOperatorStartsAddsSourcesSeesTheyFailAndModeratesInEnglishAndArabicOnADesktopAndAPhone() throws Exception {
        try (FixtureServer publisher = new FixtureServer();
                ServerProcess server = ServerProcess.start(dir.resolve("data"), "--tidings.admin.password=",
                        "--tidings.scheduler.tick=200ms")) {
            String password = printedPassword(server);
            String down = FixtureServer.stopped("/feed.xml");
            ChromeDriver browser = Chromium.start(ENGLISH.width(), 900, "UTC");
            try {
                firstSignIn(browser, server, password);
                walk(browser, server, publisher, down, ENGLISH, 1);
            } finally {
                browser.quit();
            }
            browser = Chromium.start(ARABIC.width(), 844, "Asia/Dubai");
            try {
                signIn(browser, server);
                walk(browser, server, publisher, down, ARABIC, 2);
            } finally {
                browser.quit();
            }
        }
    }

    /** The one-time password in the framed block that ends start-up. */
    private static String printedPassword(ServerProcess server) throws Exception {
        server.awaitLog(Pattern.compile("One-time password: "), Duration.ofSeconds(60));
        Matcher shown = Pattern.compile("\\| +One-time password: +([A-Za-z0-9]{20}) +\\|")
                .matcher(Files.readString(server.log(), StandardCharsets.UTF_8));
        assertThat(shown.find()).as("the framed block").isTrue();
        return shown.group(1);
    }

    private static void firstSignIn(ChromeDriver browser, ServerProcess server, String password) throws Exception {
        browser.get(server.url("/login"));
        browser.findElement(By.name("username")).sendKeys("admin");
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector(".login-form button")).click();
        wait(browser).until(ExpectedConditions.urlContains("/account/choose-password"));
        fitsTheScreen(browser, "choose a password");
        Chromium.screenshot(browser, "operator-1-choose-password");
        browser.findElement(By.name("password")).sendKeys(OWN_PASSWORD);
        browser.findElement(By.cssSelector(".login-form button")).click();
        wait(browser).until(ExpectedConditions.urlContains("/admin/sources"));
        assertThat(browser.findElement(By.cssSelector("main .notice")).getText()).contains("Your password is saved");
    }

    private static void signIn(ChromeDriver browser, ServerProcess server) {
        browser.get(server.url("/login"));
        browser.findElement(By.name("username")).sendKeys("admin");
        browser.findElement(By.name("password")).sendKeys(OWN_PASSWORD);
        browser.findElement(By.cssSelector(".login-form button")).click();
        wait(browser).until(ExpectedConditions.urlContains("/admin/sources"));
    }

    private static void walk(ChromeDriver browser, ServerProcess server, FixtureServer publisher, String down, Walk walk, int n)
            throws Exception {
        String name = "operator-" + walk.lang() + "-" + walk.width();
        String feed = "/feed-" + n + ".xml";
        publisher.serve(feed, "application/rss+xml", Feeds.rss(walk.sourceName(), List.of(
                new Feeds.Item("a" + n, publisher.url("/" + n + "/a"), walk.sourceName() + " opens its new bureau",
                        "<p>The bureau opened on Monday with twelve reporters.</p>", Instant.now().minusSeconds(600)),
                new Feeds.Item("b" + n, publisher.url("/" + n + "/b"), walk.sourceName() + " wins a press award",
                        "<p>The award names its coverage of the floods.</p>", Instant.now().minusSeconds(300)))));
        browser.get(server.url("/admin/sources?lang=" + walk.lang()));
        assertThat(browser.executeScript("return window.innerWidth")).as("the screen's width").isEqualTo((long) walk.width());
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo(walk.lang());

        // a source from the lists: language, region and section by name, not typed codes
        WebElement form = browser.findElement(By.cssSelector("form.source-form[action='/admin/sources']"));
        form.findElement(By.name("feedUrl")).sendKeys(publisher.url(feed));
        form.findElement(By.name("name")).sendKeys(walk.sourceName());
        new Select(form.findElement(By.name("language"))).selectByValue("en");
        new Select(form.findElement(By.name("region"))).selectByValue("uk");
        new Select(form.findElement(By.name("section"))).selectByValue("business");
        assertThat(form.findElement(By.name("languageOther")).isDisplayed()).as("'other' only when chosen").isFalse();
        submit(browser, form);
        assertThat(browser.findElement(By.cssSelector("main .notice")).getText()).contains(walk.sourceName());

        // an unreachable feed: asked to confirm, added under the name given
        String closed = "Closed Gazette " + n;
        form = browser.findElement(By.cssSelector("form.source-form[action='/admin/sources']"));
        form.findElement(By.name("feedUrl")).sendKeys(down + "?feed=" + n);
        form.findElement(By.name("name")).sendKeys(closed);
        submit(browser, form);
        WebElement anyway = browser.findElement(By.cssSelector("button[name=confirmedUrl]"));
        assertThat(anyway.getText()).isEqualTo(walk.confirm());
        fitsTheScreen(browser, "the confirmation");
        anyway.click();
        Chromium.awaitGone(browser, anyway);
        assertThat(browser.findElement(By.cssSelector("main .notice")).getText()).contains(closed);

        // an OPML file: two more feeds of the same stopped server
        Path opml = Files.writeString(Files.createTempFile("sources-" + n, ".opml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0"><head><title>Our list</title></head><body>
                <outline text="Shut Herald %1$d" type="rss" xmlUrl="%2$s?opml=a%1$d"/>
                <outline text="Dark Courier %1$d" type="rss" xmlUrl="%2$s?opml=b%1$d"/>
                </body></opml>
                """.formatted(n, down));
        WebElement upload = browser.findElement(By.cssSelector("form[action='/admin/sources/import']"));
        upload.findElement(By.name("opml")).sendKeys(opml.toAbsolutePath().toString());
        submit(browser, upload);
        assertThat(browser.findElement(By.cssSelector("main .notice")).getText()).contains(walk.imported());
        assertThat(browser.findElement(By.cssSelector("main")).getText())
                .contains(walk.sourceName(), closed, "Shut Herald " + n, "Dark Courier " + n);

        // most sources fail: the banner says what to check
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            browser.navigate().refresh();
            return !browser.findElements(By.cssSelector(".fetch-trouble")).isEmpty();
        });
        assertThat(browser.findElement(By.cssSelector(".fetch-trouble")).getText()).contains(walk.banner(), "DNS");
        fitsTheScreen(browser, "the sources page");
        Chromium.screenshot(browser, name + "-1-sources");

        // readers write; one comment is reported twice over, one waits for a moderator
        long article = firstArticleOf(server, walk.sourceName());
        Browser writer = reader(server, "writer" + n), reporter = reader(server, "reporter" + n);
        long kept = comment(writer, article, "The bureau is on the high street, next to the library.");
        long hidden = comment(writer, article, "Everyone who works there is a fool.");
        long held = comment(reader(server, "newcomer" + n), article, "Photos at https://photos.example/bureau");
        for (long id : List.of(kept, hidden)) {
            assertThat(reporter.post("/comments/" + id + "/report", Map.of("reason", "abuse"), "/article/" + article)
                    .statusCode()).isEqualTo(302);
        }

        browser.navigate().refresh();
        WebElement moderation = browser.findElement(By.cssSelector("a[href='/moderation']"));
        if (walk.width() < 500) browser.findElement(By.cssSelector(".menu > summary")).click(); // on a phone, in the menu
        assertThat(moderation.getText()).contains("3");
        moderation.click();
        wait(browser).until(ExpectedConditions.urlContains("/moderation"));
        fitsTheScreen(browser, "the moderation queue");
        Chromium.screenshot(browser, name + "-2-moderation");
        decide(browser, kept, "dismiss");
        decide(browser, hidden, "hide");
        decide(browser, held, "approve");
        assertThat(browser.findElements(By.cssSelector("#comment-" + kept + ", #comment-" + hidden + ", #comment-" + held)))
                .as("nothing of theirs left in the queue").isEmpty();

        String page = server.browser().get("/article/" + article).body();
        assertThat(page).as("a reader sees the kept and the approved comment, not the hidden one")
                .contains("next to the library", "photos.example/bureau").doesNotContain("is a fool");
    }

    /** The id of an article of the source named, once it is fetched: through the publisher directory and the source's page. */
    private static long firstArticleOf(ServerProcess server, String source) {
        Browser reader = server.browser();
        Matcher directory = Pattern.compile("href=\"(/source/\\d+)\"[^>]*>\\s*(?:<[^>]+>\\s*)*" + Pattern.quote(source))
                .matcher(reader.get("/sources").body());
        assertThat(directory.find()).as(source + " in the publisher directory").isTrue();
        Pattern article = Pattern.compile("href=\"/article/(\\d+)\"");
        long[] found = new long[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            Matcher m = article.matcher(reader.get(directory.group(1)).body());
            if (m.find()) found[0] = Long.parseLong(m.group(1));
            return found[0] > 0;
        });
        return found[0];
    }

    /** A new reader, signed in by signing up. */
    private static Browser reader(ServerProcess server, String name) {
        Browser reader = server.browser();
        HttpResponse<String> signedUp = reader.post("/signup", Map.of("email", name + "@example.test", "displayName", name,
                "password", READER_PASSWORD), "/signup");
        assertThat(signedUp.statusCode()).as("sign-up of " + name).isEqualTo(302);
        return reader;
    }

    private static long comment(Browser as, long article, String text) {
        HttpResponse<String> posted = as.post("/article/" + article + "/comments", Map.of("text", text), "/article/" + article);
        Matcher id = Pattern.compile("#comment-(\\d+)$").matcher(posted.headers().firstValue("Location").orElse(""));
        assertThat(id.find()).as("posted: " + text).isTrue();
        as.get("/article/" + article);
        return Long.parseLong(id.group(1));
    }

    private static void decide(ChromeDriver browser, long comment, String action) {
        WebElement button = browser.findElement(By.cssSelector("#comment-" + comment + " button.moderate-" + action));
        button.click();
        Chromium.awaitGone(browser, button);
        assertThat(browser.findElement(By.cssSelector("main .notice")).getText()).isNotBlank();
    }

    private static void submit(ChromeDriver browser, WebElement form) {
        WebElement button = form.findElement(By.cssSelector("button[type=submit]"));
        button.click();
        Chromium.awaitGone(browser, button);
    }

    private static void fitsTheScreen(ChromeDriver browser, String what) {
        Long overflow = (Long) browser.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as(what + ": wider than the screen by").isLessThanOrEqualTo(0L);
    }

    private static WebDriverWait wait(ChromeDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }
}
