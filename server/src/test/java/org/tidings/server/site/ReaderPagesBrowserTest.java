package org.tidings.server.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.tidings.server.testing.Chromium;
import org.tidings.server.testing.RunningServer;

/**
 * The sample edition in a real headless Chromium, at phone and desktop widths, in a time zone
 * other than the server's: the front page lists the articles with times in the reader's zone, an
 * article opens with its text and its link to the publisher, and the console stays clean.
 */
class ReaderPagesBrowserTest {

    @TempDir
    Path dataDir;

    @Test
    void aReaderInDubaiReadsTheSampleEditionOnAPhoneAndADesktop() throws Exception {
        try (RunningServer server = RunningServer.start(dataDir, "--tidings.demo=true", "--tidings.fetch.allowed-networks=")) {
            // the sample's articles fetched, and sorted into sections (the world's row is read below)
            await().atMost(Duration.ofSeconds(60)).until(() -> server.articleCount() >= 20
                    && server.get("/?lang=en").body().contains("id=\"row-world\""));
            for (int width : new int[] {360, 1280}) {
                ChromeDriver browser = Chromium.start(width, 900, "Asia/Dubai");
                try {
                    readFrontPageAndOneArticle(browser, server, width);
                } finally {
                    browser.quit();
                }
            }
            ChromeDriver late = Chromium.start(1280, 900, "Asia/Dubai");
            try {
                timesKeepTheServersWordsOnLoad(late, server);
                aCitedSentenceIsFoundAcrossALink(late, server);
            } finally {
                late.quit();
            }
        }
    }

    /** A sample article whose first sentence has a link followed by a comma ("<a>Robert Mugabe</a>, his wife"): cited, it is found. */
    private static void aCitedSentenceIsFoundAcrossALink(ChromeDriver browser, RunningServer server) throws Exception {
        long article = server.bean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("SELECT id FROM article WHERE title LIKE 'Zimbabwe coup:%'").query(Long.class).single();
        browser.get(server.url("/article/" + article));
        assertThat(browser.executeScript("const link = [...document.querySelectorAll('#text a')].find(a => a.textContent === 'Robert Mugabe');"
                + " return link && link.nextSibling.data.substring(0, 1)")).as("a link, then a comma with no space before it").isEqualTo(",");
        String sentence = "Zimbabwe President Robert Mugabe, his wife Grace and two key figures";
        WebElement cite = browser.findElements(By.cssSelector(".ai-box a.cite")).stream()
                .filter(c -> c.getAttribute("data-sentence").startsWith(sentence)).findFirst().orElseThrow();
        cite.click();
        assertThat(browser.findElement(By.tagName("body")).getAttribute("data-cited")).startsWith(sentence);
    }

    /**
     * A reader whose clock runs 50 s ahead of the server's: the page (rendered for this request, as a choice of
     * language is) is under a minute old, so its relative times keep the words the server wrote (counted from the
     * clock, most would move to their next minute and reflow the cards below them); the texts as served are taken
     * before the page's script runs.
     */
    @SuppressWarnings("unchecked")
    private static void timesKeepTheServersWordsOnLoad(ChromeDriver browser, RunningServer server) {
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", """
                const realNow = Date.now; Date.now = () => realNow() + 50000;
                document.addEventListener('readystatechange', () => { if (document.readyState === 'interactive')
                    window.served = [...document.querySelectorAll('time[data-relative]')].map(t => t.textContent); });"""));
        browser.get(server.url("/?lang=en"));
        await().atMost(Duration.ofSeconds(10)).until(() -> "complete".equals(browser.executeScript("return document.readyState")));
        List<String> served = (List<String>) browser.executeScript("return window.served");
        List<String> shown = (List<String>) browser.executeScript(
                "return [...document.querySelectorAll('time[data-relative]')].map(t => t.textContent)");
        assertThat(served).as("times of the last hour on the front").anyMatch(t -> t.matches(".*(minute|now).*"));
        assertThat(shown).as("the relative times after the page's script ran").isEqualTo(served);
    }

    /** The AI box: a cited sentence is highlighted in the text; a question gets an answer or an honest "does not say". */
    private static void citeAndAsk(ChromeDriver browser) throws Exception {
        WebElement cite = browser.findElement(By.cssSelector(".ai-box .ai-summary a.cite"));
        String sentence = cite.getAttribute("data-sentence");
        cite.click();
        assertThat(browser.findElement(By.tagName("body")).getAttribute("data-cited")).isEqualTo(sentence.replaceAll("\\s+", " ").strip());
        assertThat(browser.executeScript("return CSS.highlights.has('cited') && "
                + "[...CSS.highlights.get('cited')][0].toString().replace(/\\s+/g, ' ').trim()"))
                .isEqualTo(sentence.replaceAll("\\s+", " ").strip());
        Chromium.screenshot(browser, "article-cited");

        WebElement question = browser.findElement(By.id("ai-question"));
        question.sendKeys("What is the price of bananas in Reykjavik?");
        question.submit();
        assertThat(browser.findElement(By.cssSelector(".ai-answer")).getText())
                .contains("What is the price of bananas in Reykjavik?", "The article does not say.");
    }

    private static void readFrontPageAndOneArticle(ChromeDriver browser, RunningServer server, int width) throws Exception {
        browser.get(server.url("/"));
        assertThat(browser.getTitle()).isEqualTo("Latest news · Tidings");
        List<WebElement> headlines = browser.findElements(By.cssSelector(".latest .article-card h3 a"));
        assertThat(headlines).hasSizeGreaterThanOrEqualTo(20);

        // the exact time on hover is in the reader's zone (UTC+4), rewritten by the page's script
        WebElement time = browser.findElement(By.cssSelector(".article-card time[data-relative]"));
        Instant at = Instant.parse(time.getAttribute("datetime"));
        String dubaiClock = DateTimeFormatter.ofPattern("h:mm", Locale.ENGLISH).format(at.atZone(ZoneId.of("Asia/Dubai")));
        assertThat(browser.executeScript("return new Date().getTimezoneOffset()")).isEqualTo(-240L);
        assertThat(time.getAttribute("title")).contains(dubaiClock).doesNotContain("UTC");
        assertThat(time.getText()).as("a relative time").matches(".*(ago|now|minute|hour|yesterday|day).*");
        Chromium.screenshot(browser, "home-" + width);

        // a full-text sample article (the world's section has no headline-only ones): its text and its link to the publisher
        WebElement fullText = browser.findElement(By.cssSelector("#row-world ~ .articles .article-card h3 a"));
        String headline = fullText.getText();
        fullText.click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(headline);
        assertThat(browser.findElements(By.cssSelector(".story .text p"))).hasSizeGreaterThan(2);
        assertThat(browser.findElement(By.cssSelector(".original a")).getAttribute("href")).startsWith("http://127.0.0.1:");
        Chromium.screenshot(browser, "article-" + width);

        if (width > 1000) citeAndAsk(browser);

        Long overflow = (Long) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).as("no sideways scrolling at %d px", width).isLessThanOrEqualTo(0L);
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).as("console errors").isEmpty();
    }
}
