package org.tidings.server.frontpage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.Chromium;
import org.tidings.server.testing.Feeds;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.RunningServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The front page as a newspaper front, on real headlines of real stories (the sample edition's, from a local
 * publisher): top stories as cards with their breadth and other publishers' headlines, then sections, laid out so that
 * no column stands empty beside content at a phone's, a tablet's, a laptop's and a wide screen's width; and a story's
 * page with its coverage over time drawn beside its timeline.
 */
class FrontPageBrowserTest {

    /** Stories taken from the sample: four (or more, as Tidings splits them) leave a gap in a grid that does not flow. */
    private static final int STORIES = 4;
    private static final int PUBLISHERS_PER_STORY = 5;

    @TempDir
    static Path dataDir;

    private static FixtureServer publishers;
    private static RunningServer server;

    @BeforeAll
    static void publishRealStories() throws Exception {
        publishers = new FixtureServer();
        server = RunningServer.start(dataDir);
        Instant now = Instant.now();
        Map<String, List<Map<?, ?>>> byStory = headlines().stream().collect(Collectors.groupingBy(h -> (String) h.get("story"),
                LinkedHashMap::new, Collectors.toList()));
        List<List<Map<?, ?>>> broadest = byStory.values().stream()
                .sorted(Comparator.comparingLong((List<Map<?, ?>> s) -> s.stream().map(h -> h.get("publisher")).distinct().count()).reversed())
                .limit(STORIES).toList();
        Map<String, List<Feeds.Item>> feeds = new LinkedHashMap<>();
        Map<String, String> sections = new LinkedHashMap<>();
        int n = 0;
        for (List<Map<?, ?>> story : broadest) {
            var seen = new LinkedHashSet<Object>();
            for (Map<?, ?> h : story.stream().filter(h -> seen.add(h.get("publisher"))).limit(PUBLISHERS_PER_STORY).toList()) {
                String publisher = (String) h.get("publisher");
                String title = (String) h.get("title");
                feeds.computeIfAbsent(publisher, k -> new ArrayList<>()).add(new Feeds.Item("h" + h.get("id"), (String) h.get("url"), title,
                        "<p>" + title + ", " + publisher + " reported on " + h.get("published") + ".</p>", now.minus(Duration.ofMinutes(9L * n++))));
                sections.putIfAbsent(publisher, (String) h.get("category"));
            }
        }
        SourceStore sources = server.bean(SourceStore.class);
        int i = 0;
        for (var feed : feeds.entrySet()) {
            String path = "/feed-" + i++ + ".xml";
            publishers.serve(path, "application/rss+xml", Feeds.rss(feed.getKey(), feed.getValue()));
            sources.add(new SourceSettings(publishers.url(path), feed.getKey(), null, "en", i % 2 == 0 ? "uk" : null,
                    sections.get(feed.getKey()), false, true), Duration.ofMinutes(15));
        }
        JdbcClient sql = server.bean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> sql.sql("SELECT COUNT(*) FROM article WHERE clustered_at IS NOT NULL")
                .query(Long.class).single() == STORIES * PUBLISHERS_PER_STORY);
        await().atMost(Duration.ofSeconds(20)).until(() -> server.get("/").body().contains("class=\"article-card top-card\""));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (publishers != null) publishers.close();
    }

    private static List<Map<?, ?>> headlines() throws Exception {
        try (InputStream in = FrontPageBrowserTest.class.getResourceAsStream("/demo/stories-dev.jsonl")) {
            JsonMapper json = JsonMapper.builder().build();
            List<Map<?, ?>> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) rows.add(json.readValue(line, Map.class));
            }
            return rows;
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {390, 768, 1280, 1600})
    void theFrontPageFillsEveryColumnItHas(int width) throws Exception {
        ChromeDriver browser = Chromium.start(width, 1000, "UTC");
        try {
            // the whole world's edition: the browser's language would pick English (UK), which one source of two is in
            browser.get(server.url("/?edition=world"));
            List<WebElement> cards = browser.findElements(By.cssSelector(".top-grid > .top-card"));
            assertThat(cards).hasSizeBetween(2, FrontPageController.TOP_STORIES);
            for (WebElement card : cards) {
                String breadth = card.findElement(By.cssSelector(".breadth")).getText();
                assertThat(breadth).as("a top story has two publishers or more").matches("[2-5] publishers");
                String lead = card.findElement(By.cssSelector(".meta .publisher bdi")).getText();
                List<WebElement> others = card.findElements(By.cssSelector(".other-reports li"));
                assertThat(others).as("up to three headlines of other publishers, one each")
                        .hasSize(Math.min(FrontPageController.OTHER_REPORTS, Integer.parseInt(breadth.substring(0, 1)) - 1));
                for (WebElement other : others) {
                    assertThat(other.findElement(By.cssSelector(".other-publisher")).getText()).isNotBlank().doesNotContain(lead);
                    assertThat(other.findElement(By.tagName("a")).getAttribute("href")).contains("/article/");
                }
                assertThat(card.findElement(By.cssSelector(".preview")).getText()).isNotBlank();
            }
            assertNoEmptyColumn(browser, ".top-grid", ".top-grid > .top-card", width);
            assertNoEmptyColumn(browser, ".section-rows", ".section-rows > .section-row", width);
            Chromium.screenshot(browser, "front-page-" + width);
        } finally {
            browser.quit();
        }
    }

    /**
     * Each line of boxes spans its container: the first box starts at its start, the last ends at its end. A grid with
     * more tracks than boxes, or a last line shorter than the others, leaves a column empty beside content.
     */
    @SuppressWarnings("unchecked")
    private static void assertNoEmptyColumn(ChromeDriver browser, String container, String boxes, int width) {
        Map<String, Number> outer = (Map<String, Number>) browser.executeScript(
                "const r = document.querySelector(arguments[0]).getBoundingClientRect(); return {left: r.left, right: r.right};", container);
        List<Map<String, Number>> rects = (List<Map<String, Number>>) browser.executeScript(
                "return [...document.querySelectorAll(arguments[0])].map(e => { const r = e.getBoundingClientRect();"
                        + " return {top: Math.round(r.top), left: r.left, right: r.right}; });", boxes);
        assertThat(rects).isNotEmpty();
        Map<Long, List<Map<String, Number>>> lines = rects.stream().collect(Collectors.groupingBy(r -> r.get("top").longValue(),
                LinkedHashMap::new, Collectors.toList()));
        for (var line : lines.values()) {
            double left = line.stream().mapToDouble(r -> r.get("left").doubleValue()).min().orElseThrow();
            double right = line.stream().mapToDouble(r -> r.get("right").doubleValue()).max().orElseThrow();
            assertThat(left).as("%s at %d px: a line starts at the container's start", boxes, width)
                    .isCloseTo(outer.get("left").doubleValue(), org.assertj.core.data.Offset.offset(1.5));
            assertThat(right).as("%s at %d px: a line of %d ends at the container's end, no column empty beside it", boxes, width, line.size())
                    .isCloseTo(outer.get("right").doubleValue(), org.assertj.core.data.Offset.offset(1.5));
        }
    }

    @Test
    void aStoryPageDrawsItsCoverageOverTimeBesideItsTimeline() throws Exception {
        ChromeDriver browser = Chromium.start(1280, 1000, "UTC");
        try {
            browser.get(server.url("/?edition=world"));
            browser.findElement(By.cssSelector(".top-card .breadth")).click();
            WebElement chart = browser.findElement(By.cssSelector(".coverage-chart svg[role=img]"));
            String summary = browser.findElement(By.id("chart-desc")).getAttribute("textContent");
            assertThat(summary).matches("\\d+ reports from [3-5] publishers over \\d+ hours?; the most in one hour: \\d+ reports?\\.");
            int reports = browser.findElements(By.cssSelector(".timeline > .article-card")).size();
            assertThat(summary).startsWith(reports + " reports");
            List<WebElement> segments = chart.findElements(By.cssSelector("rect"));
            assertThat(segments).isNotEmpty();
            assertThat(segments.stream().mapToInt(r -> Integer.parseInt(r.findElement(By.tagName("title")).getAttribute("textContent")
                    .replaceAll(".*: (\\d+) reports?$", "$1"))).sum()).as("every report drawn once").isEqualTo(reports);
            assertThat(browser.findElements(By.cssSelector(".chart-table tbody tr"))).isNotEmpty();
            List<WebElement> who = browser.findElements(By.cssSelector(".coverage-publishers li"));
            assertThat(who).hasSizeBetween(3, 5);
            assertThat(who).as("a publisher whose source names its region shows it")
                    .anySatisfy(li -> assertThat(li.getText()).contains("United Kingdom"));
            var chartBox = chart.getRect();
            var timelineBox = browser.findElement(By.cssSelector(".story-timeline")).getRect();
            assertThat(chartBox.getX()).as("beside the timeline on a wide screen").isGreaterThan(timelineBox.getX() + timelineBox.getWidth() - 1);
            browser.executeScript("arguments[0].scrollIntoView()", chart);
            Chromium.screenshot(browser, "story-chart-1280");
        } finally {
            browser.quit();
        }
    }
}
