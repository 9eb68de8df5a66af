package org.tidings.server.personal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.store.ArticleDraft;
import org.tidings.server.store.ArticleStore;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.Chromium;
import org.tidings.server.testing.Fixtures;
import org.tidings.server.testing.RunningServer;

/**
 * In a real headless Chromium: a reader signs up, signs in, follows a source from one of its
 * articles, and finds that source's story on "For you" with the reason it is there.
 */
class ForYouBrowserTest {

    @TempDir
    Path dataDir;

    @Test
    void aNewReaderFollowsASourceAndForYouShowsIt() throws Exception {
        try (RunningServer server = RunningServer.start(dataDir, "--tidings.scheduler.enabled=false")) {
            SourceStore sources = server.bean(SourceStore.class);
            long harbour = sources.add(Fixtures.source("https://harbour.test/feed", "Harbour Times"), Duration.ofDays(1)).id();
            long valley = sources.add(Fixtures.source("https://valley.test/feed", "Valley Post"), Duration.ofDays(1)).id();
            long bridge = article(server, harbour, "Bridge reopens after repairs", Duration.ofHours(2));
            article(server, valley, "Village fete draws a crowd", Duration.ofHours(1));

            ChromeDriver browser = Chromium.start(1280, 900, "UTC");
            try {
                browser.get(server.url("/"));
                browser.findElement(By.linkText("Sign up")).click();
                browser.findElement(By.name("displayName")).sendKeys("Nadia");
                browser.findElement(By.name("email")).sendKeys("nadia@example.test");
                browser.findElement(By.name("password")).sendKeys("tidal pools at dawn");
                browser.findElement(By.cssSelector("main form button[type=submit]")).click();
                new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/for-you"));
                assertThat(browser.findElement(By.cssSelector("p.notice")).getText())
                        .as("signed in at once").isEqualTo("Welcome, Nadia: your account is ready and you are signed in.");
                assertThat(browser.findElement(By.tagName("main")).getText()).contains("Follow a few topics");

                browser.get(server.url("/article/" + bridge));
                browser.findElement(By.xpath("//button[normalize-space()='Follow Harbour Times']")).click();
                // the follow is a form sent: the page that answers it comes a moment later
                WebDriverWait pageLoad = new WebDriverWait(browser, Duration.ofSeconds(20));
                assertThat(pageLoad.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//button[@aria-pressed='true']")))
                        .getText()).contains("Following Harbour Times");

                browser.findElement(By.linkText("For you")).click();
                pageLoad.until(ExpectedConditions.urlContains("/for-you"));
                var picks = browser.findElements(By.cssSelector(".for-you .article-card"));
                assertThat(picks).hasSize(1);
                assertThat(picks.getFirst().findElement(By.cssSelector("h2")).getText()).isEqualTo("Bridge reopens after repairs");
                assertThat(picks.getFirst().findElement(By.cssSelector(".reason")).getText()).isEqualTo("Because you follow Harbour Times");
                Chromium.screenshot(browser, "for-you");

                // every field of the account pages has a label, in English and in Arabic (right to left)
                for (String page : List.of("/following", "/account", "/following?lang=ar", "/account?lang=ar")) {
                    browser.get(server.url(page));
                    for (var field : browser.findElements(By.cssSelector("main input:not([type=hidden]), main select"))) {
                        Object label = browser.executeScript("return arguments[0].labels.length", field);
                        assertThat(label).as(page + " " + field.getAttribute("name")).isNotEqualTo(0L);
                    }
                    Chromium.screenshot(browser, page.replaceAll("[^a-z]+", "-").replaceAll("^-", ""));
                    Object wide = browser.executeScript("""
                            const w = document.documentElement.clientWidth;
                            if (document.documentElement.scrollWidth <= w) return '';
                            const out = [...document.querySelectorAll('body *')].filter(e => {
                              const r = e.getBoundingClientRect(); return r.right > w + 1 || r.left < -1; });
                            return out.map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().left)
                              + '..' + Math.round(e.getBoundingClientRect().right)).slice(0, 5).join(', ');""");
                    assertThat(wide).as(page + ": no sideways scrolling; elements outside the page").isEqualTo("");
                }
                assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
                assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("حسابي");

                List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
                assertThat(errors).as("console errors").isEmpty();
            } finally {
                browser.quit();
            }
        }
    }

    private static long article(RunningServer server, long source, String title, Duration ago) {
        String url = "https://" + source + ".test/" + title.hashCode();
        server.bean(ArticleStore.class).save(source, ArticleDraft.ofFeed(url, url, title, "<p>" + title + "</p>", null, null, null,
                Instant.now().minus(ago), null, "h" + title.hashCode()), false);
        return server.bean(JdbcClient.class).sql("SELECT id FROM article WHERE url = :u").param("u", url).query(Long.class).single();
    }
}
