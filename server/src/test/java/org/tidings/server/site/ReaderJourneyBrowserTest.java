package org.tidings.server.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.tidings.server.testing.Chromium;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.RunningServer;

/**
 * A reader's walk in a real headless Chromium, in English and in Arabic, on a 360 px phone and a
 * desktop: home, a top story, its lead article (publisher, image, hashtags), a related report,
 * a topic, a search. Every page has the right language and direction, no sideways scrolling, no console
 * error, and only Tidings' own images. Then the server goes away, and the articles read stay
 * readable from the service worker's copies.
 */
class ReaderJourneyBrowserTest {

    @TempDir
    Path dataDir;

    private record Words(String lang, String dir, String topStories, String publishers, String related, String why, String ukEdition) {}

    private static final Words ENGLISH = new Words("en", "ltr", "Top stories", "3 publishers", "More on this story",
            "3 publishers in the last ", "English · UK");
    private static final Words ARABIC = new Words("ar", "rtl", "أهم القصص", "3 ناشرين", "المزيد عن هذه القصة",
            "3 ناشرين خلال ", "الإنجليزية · المملكة المتحدة");

    @Test
    void aReaderWalksFromTheFrontPageToATopicAndSearchInEnglishAndArabicOnAPhoneAndADesktop() throws Exception {
        FixtureServer publishers = new FixtureServer();
        RunningServer server = RunningServer.start(dataDir);
        ChromeDriver offlineReader = null;
        try {
            SiteFixture.publish(publishers, server);
            for (Words words : List.of(ENGLISH, ARABIC)) {
                ChromeDriver phone = Chromium.start(390, 844, "Asia/Dubai");
                try {
                    phoneFront(phone, server, words, 390);
                    switchEdition(phone, server, words);
                } finally {
                    phone.quit();
                }
            }
            for (Words words : List.of(ENGLISH, ARABIC)) {
                for (int width : new int[] {360, 1280}) {
                    ChromeDriver browser = Chromium.start(width, 900, "Asia/Dubai");
                    try {
                        walk(browser, server, words, width);
                    } finally {
                        if (words == ENGLISH && width == 1280) offlineReader = browser;
                        else browser.quit();
                    }
                }
            }
            // the service worker kept what was read: with the server gone, a read article still opens
            String read = offlineReader.getCurrentUrl();
            String readTitle = offlineReader.findElement(By.tagName("h1")).getText();
            server.close();
            offlineReader.get(read);
            assertThat(offlineReader.findElement(By.tagName("h1")).getText()).isEqualTo(readTitle);
            offlineReader.get(server.url("/source/999"));
            assertThat(offlineReader.findElement(By.tagName("h1")).getText()).isEqualTo("You are offline");
            ChromeDriver reader = offlineReader;
            await().atMost(Duration.ofSeconds(5)).until(() -> !reader.findElements(By.cssSelector("#offline-list li a")).isEmpty());
            Chromium.screenshot(reader, "journey-offline");
        } finally {
            if (offlineReader != null) offlineReader.quit();
            server.close();
            publishers.close();
        }
    }

    private static void walk(ChromeDriver browser, RunningServer server, Words words, int width) throws Exception {
        String name = "journey-" + words.lang() + "-" + width;
        browser.get(server.url("/?lang=" + words.lang()));
        checkPage(browser, words, width);
        if (words == ENGLISH && width == 1280) {
            browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
            assertThat(browser.switchTo().activeElement().getAttribute("class")).as("the first stop is the skip link").isEqualTo("skip");
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            assertThat(browser.switchTo().activeElement().getAttribute("id")).as("then the name, the edition and the search")
                    .isEqualTo("masthead-q");
            // let the service worker take control, so that what is read next is kept for offline reading
            browser.executeAsyncScript("var done = arguments[arguments.length - 1]; navigator.serviceWorker.ready.then(function () { done(true); });");
            browser.navigate().refresh();
            await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.TRUE.equals(
                    browser.executeScript("return navigator.serviceWorker.controller !== null")));
        }
        assertThat(browser.findElement(By.id("top-heading")).getText()).isEqualTo(words.topStories());
        if (width < 500) phoneFront(browser, server, words, width);
        WebElement why = browser.findElement(By.cssSelector(".top-stories .why"));
        why.findElement(By.tagName("summary")).click();
        WebElement reason = why.findElement(By.tagName("p"));
        assertThat(reason.getText()).as("why a top story is here, in words").startsWith(words.why()).doesNotContainPattern("\\d\\.\\d\\d");
        assertThat(reason.getAttribute("title")).as("the numbers, on hover").containsPattern("\\d\\.\\d\\d");
        Chromium.screenshot(browser, name + "-1-home");

        // the top story's coverage
        WebElement coverage = browser.findElement(By.cssSelector(".top-stories a[href^='/story/']"));
        assertThat(coverage.getText()).isEqualTo(words.publishers());
        coverage.click();
        checkPage(browser, words, width);
        List<WebElement> timeline = browser.findElements(By.cssSelector(".timeline .article-card h3 a"));
        assertThat(timeline).hasSize(3);
        Chromium.screenshot(browser, name + "-2-story");

        // the first report: the Gulf publisher's, with its lead image relayed by Tidings
        String headline = timeline.getFirst().getText();
        timeline.getFirst().click();
        checkPage(browser, words, width);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(headline);
        String articleRead = browser.getCurrentUrl();
        assertThat(browser.findElement(By.cssSelector(".story .meta .publisher bdi")).getText()).isEqualTo("Gulf Times");
        WebElement lead = browser.findElement(By.cssSelector(".lead-image img"));
        assertThat(lead.getAttribute("src")).startsWith(server.url("/image/"));
        await().atMost(Duration.ofSeconds(10)).until(() -> ((Long) browser.executeScript(
                "return document.querySelector('.lead-image img').naturalWidth")) > 0);
        WebElement frame = browser.findElement(By.cssSelector(".lead-image .frame"));
        WebElement caption = browser.findElement(By.cssSelector(".lead-image figcaption"));
        assertThat(caption.getText()).isEqualTo(SiteFixture.QUAKE_CAPTION + " " + SiteFixture.QUAKE_CREDIT);
        assertThat(caption.getRect().getY()).as("the caption under its picture")
                .isGreaterThanOrEqualTo(frame.getRect().getY() + frame.getRect().getHeight());
        List<WebElement> tags = browser.findElements(By.cssSelector(".topics a.tag"));
        assertThat(tags).extracting(WebElement::getText).contains("#Chile");
        Chromium.screenshot(browser, name + "-3-article");

        // a related report of the same story
        assertThat(browser.findElement(By.id("coverage-heading")).getText()).isEqualTo(words.related());
        WebElement related = browser.findElement(By.cssSelector(".coverage .article-card h3 a"));
        String relatedHeadline = related.getText();
        related.click();
        checkPage(browser, words, width);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(relatedHeadline);
        Chromium.screenshot(browser, name + "-4-related");

        // a topic of it
        WebElement chile = browser.findElements(By.cssSelector(".topics a.tag")).stream()
                .filter(t -> t.getText().equals("#Chile")).findFirst().orElseThrow();
        chile.click();
        checkPage(browser, words, width);
        assertThat(browser.findElement(By.tagName("h1")).getText()).endsWith("Chile");
        assertThat(browser.findElements(By.cssSelector(".latest .article-card"))).hasSizeGreaterThanOrEqualTo(2);
        Chromium.screenshot(browser, name + "-5-topic");

        // search, from the masthead: the words found are marked in the results
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            WebElement box = browser.findElement(By.id("masthead-q"));
            if (!shown(browser, box)) browser.findElement(By.cssSelector(".menu > summary")).click(); // a phone's menu
            box.clear();
            box.sendKeys("earthquake" + Keys.ENTER);
            return !browser.findElements(By.cssSelector("main .article-card mark")).isEmpty();
        });
        checkPage(browser, words, width);
        assertThat(browser.getCurrentUrl()).contains("/search?q=earthquake");
        assertThat(browser.findElements(By.cssSelector("main .article-card mark"))).extracting(WebElement::getText)
                .allSatisfy(word -> assertThat(word).containsIgnoringCase("earthquake"));
        Chromium.screenshot(browser, name + "-6-search");

        // back to the article read: the offline test opens it again
        browser.get(articleRead);
    }

    /**
     * A phone's front page: the first headline shows at once (within 120 px, under a compact masthead whose menu holds
     * the search and the links), and the section bar, cut off at the screen's edge, says that it scrolls.
     */
    private static void phoneFront(ChromeDriver browser, RunningServer server, Words words, int width) throws Exception {
        browser.get(server.url("/?lang=" + words.lang()));
        checkPage(browser, words, width);
        Chromium.screenshot(browser, "phone-" + words.lang() + "-" + width + "-front");
        Number headline = (Number) browser.executeScript(
                "return document.querySelector('.top-stories h3').getBoundingClientRect().top");
        assertThat(headline.doubleValue()).as("the first headline's top at %d px, %s", width, words.lang()).isLessThanOrEqualTo(120);
        assertThat(shown(browser, browser.findElement(By.id("masthead-q")))).as("the search waits in the menu").isFalse();
        browser.findElement(By.cssSelector(".menu > summary")).click();
        assertThat(shown(browser, browser.findElement(By.id("masthead-q")))).as("the menu opens on the search").isTrue();
        checkPage(browser, words, width);
        Chromium.screenshot(browser, "phone-" + words.lang() + "-" + width + "-menu");
        browser.findElement(By.cssSelector(".menu > summary")).click();

        String bar = "document.querySelector('nav.sections ul')";
        assertThat((Boolean) browser.executeScript("return " + bar + ".scrollWidth > " + bar + ".clientWidth"))
                .as("the sections do not fit a %d px screen: they scroll", width).isTrue();
        assertThat(hint(browser, "::after")).as("the hint at the end that has more").isEqualTo("1");
        assertThat(hint(browser, "::before")).as("nothing before the first section").isEqualTo("0");
        browser.executeScript(bar + ".scrollLeft = (document.dir === 'rtl' ? -1 : 1) * " + bar + ".scrollWidth");
        await().atMost(Duration.ofSeconds(2)).until(() -> "0".equals(hint(browser, "::after")) && "1".equals(hint(browser, "::before")));

        // a section at the far end of the bar: the bar scrolls to it, the page does not
        browser.get(server.url("/section/" + Sections.SLUGS.getLast()));
        assertThat((Boolean) browser.executeScript("""
                var bar = document.querySelector('nav.sections ul').getBoundingClientRect();
                var current = document.querySelector('nav.sections [aria-current=page]').getBoundingClientRect();
                return current.left >= bar.left && current.right <= bar.right && window.scrollY === 0;""")).as("the current section in view").isTrue();
        assertThat(hint(browser, "::before")).as("sections before it").isEqualTo("1");
        browser.get(server.url("/?lang=" + words.lang()));
    }

    /** Whether the element is rendered (WebDriver's own test takes all of a closed {@code <details>} for hidden). */
    private static boolean shown(ChromeDriver browser, WebElement element) {
        return (Boolean) browser.executeScript("return arguments[0].checkVisibility()", element);
    }

    /** The opacity of the section bar's hint at one end, once its fade is over. */
    private static String hint(ChromeDriver browser, String end) {
        return (String) browser.executeAsyncScript("""
                var end = arguments[0], done = arguments[arguments.length - 1], bar = document.querySelector('nav.sections');
                setTimeout(function () { done(getComputedStyle(bar, end).opacity); }, 300);""", end);
    }

    /** Another edition, chosen from the masthead's list: links, no button to press. */
    private static void switchEdition(ChromeDriver browser, RunningServer server, Words words) throws Exception {
        assertThat(browser.findElements(By.cssSelector(".edition-switch button, .edition-switch select"))).isEmpty();
        browser.findElement(By.cssSelector(".edition-switch > summary")).click();
        WebElement uk = browser.findElements(By.cssSelector(".edition-switch li a")).stream()
                .filter(a -> a.getText().equals(words.ukEdition())).findFirst().orElseThrow();
        checkPage(browser, words, 390);
        uk.click();
        assertThat(browser.getCurrentUrl()).endsWith("edition=en-uk");
        checkPage(browser, words, 390);
        assertThat(browser.findElement(By.cssSelector(".edition-name")).getText()).isEqualTo(words.ukEdition());
        browser.get(server.url("/?edition=world"));
    }

    private static void checkPage(ChromeDriver browser, Words words, int width) {
        WebElement html = browser.findElement(By.tagName("html"));
        assertThat(html.getAttribute("lang")).isEqualTo(words.lang());
        assertThat(html.getAttribute("dir")).isEqualTo(words.dir());
        assertThat(browser.findElements(By.tagName("main"))).hasSize(1);
        Long overflow = (Long) browser.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).as("no sideways scrolling at %d px on %s", width, browser.getCurrentUrl()).isLessThanOrEqualTo(0L);
        @SuppressWarnings("unchecked")
        List<String> images = (List<String>) browser.executeScript(
                "return Array.from(document.images).map(function (i) { return i.currentSrc || i.src; })");
        String origin = browser.getCurrentUrl().replaceAll("^(https?://[^/]+).*", "$1");
        assertThat(images).as("only Tidings' own images").allMatch(src -> src.startsWith(origin + "/") || src.startsWith("data:"));
        @SuppressWarnings("unchecked")
        List<String> unnamed = (List<String>) browser.executeScript(
                "return Array.from(document.images).filter(function (i) { return !i.hasAttribute('alt'); }).map(function (i) { return i.src; })");
        assertThat(unnamed).as("every image has alt text (empty when decorative)").isEmpty();
        if (words.dir().equals("rtl")) {
            // publishers' and models' text keeps its own direction: English reads left to right in the Arabic interface
            @SuppressWarnings("unchecked")
            List<String> turned = (List<String>) browser.executeScript("""
                    return Array.from(document.querySelectorAll(
                            'main h1, main h2, main h3, .passage, .cite, .tag, .publisher bdi, .comment-text, .lead, figcaption'))
                        .filter(function (e) { return /^[^A-Za-z\\u0600-\\u06FF]*[A-Za-z]/.test(e.textContent); })
                        .filter(function (e) { return getComputedStyle(e).direction !== 'ltr'; })
                        .map(function (e) { return e.tagName + '.' + e.className + ': ' + e.textContent.trim().slice(0, 50); });""");
            assertThat(turned).as("English laid out right to left on %s", browser.getCurrentUrl()).isEmpty();
        }
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).as("console errors on %s", browser.getCurrentUrl()).isEmpty();
    }
}
