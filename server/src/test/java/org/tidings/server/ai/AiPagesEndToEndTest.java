package org.tidings.server.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.Chromium;
import org.tidings.server.testing.FakeLanguageModel;
import org.tidings.server.testing.FakeLanguageModel.Reply;
import org.tidings.server.testing.Feeds;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.RunningServer;

/**
 * Three publishers' reports of one event, served by a running Tidings with a fake OpenAI-compatible
 * model configured: the story page's digest links each item to its sentence, highlighted in its
 * article; the article page shows the model's summary labelled with the model, its invented
 * sentence dropped, and the offline box alone when the model fails or is down.
 */
class AiPagesEndToEndTest {

    static final String INVENTED = "The mayor resigned on Friday after protesters blocked the bridge for a week.";

    private static final String HARBOUR = """
            <p>The harbour bridge reopened to traffic on Tuesday after two years of repairs that cost the city forty million pounds.</p>
            <p>Engineers replaced the corroded steel cables and rebuilt the road deck, which had been closed to heavy lorries since an inspection found cracks in its supports.</p>
            <p>The mayor said the bridge joined two halves of the town again, before cutting a ribbon at the northern end in front of several hundred residents.</p>
            <p>Traders on both sides said the closure had cost them customers over two winters.</p>
            <p>The council said the ferry service that ran during the works would continue until the end of the month.</p>
            <p>Cyclists will have a separate lane on the eastern side of the bridge from next spring, the council added.</p>
            """;
    private static final String VALLEY = """
            <p>The harbour bridge reopened to traffic on Tuesday after two years of repairs.</p>
            <p>Fishing boats had been forced to use the northern channel while the works went on, their crews said.</p>
            <p>The repairs cost the city forty million pounds, according to the council.</p>
            <p>Residents crossed on foot an hour before the first cars were let through.</p>
            <p>A local choir sang on the southern ramp as the barriers were lifted.</p>
            <p>Police said traffic was heavy but moving by the evening rush hour.</p>
            """;
    private static final String COAST = """
            <p>Traffic returned to the harbour bridge on Tuesday when it reopened after two years of repairs.</p>
            <p>The council said the ferry service would continue until the end of the month for those who prefer it.</p>
            <p>Insurers had paid part of the repair bill after a dispute over the original inspection.</p>
            <p>Heavy lorries will be allowed to cross again from next week, once the deck has settled.</p>
            <p>The bridge carries about thirty thousand vehicles a day, the transport department said.</p>
            <p>Its reopening ends detours of up to forty minutes for commuters from the northern suburbs.</p>
            """;

    @TempDir
    static Path dataDir;
    static FixtureServer publishers;
    static FakeLanguageModel model;
    static RunningServer server;
    static long harbourArticle;
    static long story;

    @BeforeAll
    static void start() {
        publishers = new FixtureServer();
        model = new FakeLanguageModel().answering(AiPagesEndToEndTest::firstTwoSentencesAndAnInvention);
        Instant now = Instant.now();
        feed("harbour", "Harbour bridge reopens to traffic after two years of repairs", HARBOUR, now.minusSeconds(3000));
        feed("valley", "Harbour bridge reopens after repairs costing forty million pounds", VALLEY, now.minusSeconds(2000));
        feed("coast", "Traffic returns to the harbour bridge as it reopens after repairs", COAST, now.minusSeconds(1000));
        server = RunningServer.start(dataDir, "--tidings.llm.url=" + model.baseUrl(), "--tidings.llm.model=fake-news-1b");
        SourceStore sources = server.bean(SourceStore.class);
        for (String name : List.of("harbour", "valley", "coast")) {
            sources.add(new SourceSettings(publishers.url("/" + name + ".xml"), name, null, "en", null, null, false, true),
                    Duration.ofMinutes(15));
        }
        JdbcClient sql = server.bean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> sql.sql(
                "SELECT COUNT(*) FROM article WHERE clustered_at IS NOT NULL").query(Long.class).single() == 3);
        harbourArticle = sql.sql("SELECT id FROM article WHERE url = :u").param("u", publishers.url("/harbour/1"))
                .query(Long.class).single();
        story = sql.sql("SELECT story_id FROM article WHERE id = :id").param("id", harbourArticle).query(Long.class).single();
        assertThat(sql.sql("SELECT COUNT(DISTINCT story_id) FROM article").query(Long.class).single())
                .as("the three reports are one story").isEqualTo(1);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (model != null) model.close();
        if (publishers != null) publishers.close();
    }

    private static void feed(String name, String title, String html, Instant published) {
        String path = "/" + name + "/1";
        publishers.serve("/" + name + ".xml", "application/rss+xml", Feeds.rss(name, List.of(
                new Feeds.Item(path, publishers.url(path), title, html, published))));
    }

    /** A partly invented answer: the article's first two sentences, as a model might restate them, and one it made up. */
    private static Reply firstTwoSentencesAndAnInvention(FakeLanguageModel.Received request) {
        String user = request.userMessage();
        String marker = user.contains("Article:\n") ? "Article:\n" : "Report by valley:\n";
        String article = user.substring(user.indexOf(marker) + marker.length());
        String[] sentences = article.split("(?<=\\.) ");
        return Reply.says(sentences[0] + " " + sentences[1] + "\n" + INVENTED);
    }

    @Test
    void theArticlePageShowsTheModelsGroundedSummaryAndTheOfflineBoxWhenTheModelFails() {
        int before = model.received().size();
        String page = server.get("/article/" + harbourArticle).body();
        assertThat(page).contains("Try our AI features", "name=\"ai\" value=\"summary\"", "Explain simply", "Neutral headline")
                .as("an English article on an English page: nothing to translate").doesNotContain("value=\"translate\"");
        assertThat(model.received()).as("no article text leaves the server until a reader asks").hasSize(before);

        String summary = server.get("/article/" + harbourArticle + "?ai=summary").body();
        assertThat(summary).contains("AI-generated by the language model fake-news-1b", "class=\"ai-generated\"",
                "data-sentence=\"Engineers replaced the corroded steel cables")
                .doesNotContain("The mayor resigned");
        assertThat(model.received()).hasSize(before + 1);
        assertThat(model.received().getLast().model()).isEqualTo("fake-news-1b");

        String arabic = server.get("/article/" + harbourArticle + "?lang=ar").body();
        assertThat(arabic).contains("جرّب ميزات الذكاء الاصطناعي", "value=\"translate\"");

        model.answering(r -> Reply.raw(200, "{\"choices\": [ broken"));
        String malformed = server.get("/article/" + harbourArticle + "?ai=simple&lang=en").body();
        assertThat(malformed).contains("The language model could not answer just now", "class=\"ai-summary\"")
                .doesNotContain("class=\"ai-generated\"");
        model.answering(AiPagesEndToEndTest::firstTwoSentencesAndAnInvention);
    }

    @Test
    void theStoryPageOffersTheModelsSummaryAcrossReportsEachSentenceLinkedToItsReport() {
        String page = server.get("/story/" + story + "?lang=en").body();
        assertThat(page).contains("What the coverage says", "Try our AI features", "name=\"ai\" value=\"summary\"")
                .doesNotContain("class=\"ai-generated\"");

        String summary = server.get("/story/" + story + "?ai=summary").body();
        assertThat(summary).contains("AI-generated by the language model fake-news-1b from the reports above",
                        "Fishing boats had been forced to use the northern channel")
                .doesNotContain("The mayor resigned");
        long valley = server.bean(JdbcClient.class).sql("SELECT id FROM article WHERE url = :u")
                .param("u", publishers.url("/valley/1")).query(Long.class).single();
        assertThat(summary).contains("href=\"/article/" + valley + "#cite=Fishing%20boats");
        assertThat(model.received().getLast().userMessage()).contains("Report by harbour:", "Report by valley:", "Report by coast:");
    }

    @Test
    void aReaderFollowsTheStoryDigestAndTheModelsSentencesToTheirSourcesInChromium() throws Exception {
        ChromeDriver browser = Chromium.start(1280, 900, "UTC");
        try {
            browser.get(server.url("/story/" + story + "?lang=en"));
            assertThat(browser.findElement(By.cssSelector(".story-digest h2")).getText()).isEqualTo("What the coverage says");
            Chromium.screenshot(browser, "story-digest");
            WebElement agreed = browser.findElement(By.cssSelector(".digest-agreed a.cite"));
            String href = agreed.getAttribute("href");
            assertThat(href).contains("/article/", "#cite=");
            String fact = agreed.getText();
            agreed.click();
            await().atMost(Duration.ofSeconds(5)).until(() -> fact.equals(
                    browser.findElement(By.tagName("body")).getAttribute("data-cited")));
            assertThat(browser.executeScript("return [...CSS.highlights.get('cited')][0].toString().replace(/\\s+/g, ' ').trim()"))
                    .isEqualTo(fact);
            Chromium.screenshot(browser, "story-digest-cited");

            browser.get(server.url("/article/" + harbourArticle + "?ai=summary#ai-llm"));
            WebElement generated = browser.findElement(By.cssSelector(".ai-generated a.cite"));
            assertThat(browser.findElement(By.cssSelector(".ai-generated .ai-label")).getText()).contains("fake-news-1b");
            String evidence = generated.getAttribute("data-sentence");
            generated.click();
            assertThat(browser.findElement(By.tagName("body")).getAttribute("data-cited")).isEqualTo(evidence);
            Chromium.screenshot(browser, "article-llm-cited");
        } finally {
            browser.quit();
        }
    }

    @Test
    void withTheProviderDownTheOfflineBoxIsShown() throws Exception {
        try (FakeLanguageModel down = new FakeLanguageModel();
                RunningServer offline = RunningServer.start(dataDir.resolve("down"),
                        "--tidings.llm.url=http://127.0.0.1:9", "--tidings.llm.model=fake-news-1b", "--tidings.llm.timeout=2s")) {
            offline.bean(SourceStore.class).add(new SourceSettings(publishers.url("/harbour.xml"), "harbour", null, "en",
                    null, null, false, true), Duration.ofMinutes(15));
            JdbcClient sql = offline.bean(JdbcClient.class);
            // the box shows the digest enrichment stored
            await().atMost(Duration.ofSeconds(30)).until(() -> sql.sql("SELECT COUNT(*) FROM article WHERE enriched_at IS NOT NULL")
                    .query(Long.class).single() == 1);
            long id = sql.sql("SELECT id FROM article").query(Long.class).single();
            String page = offline.get("/article/" + id + "?ai=summary").body();
            assertThat(page).contains("The language model could not answer just now", "class=\"ai-summary\"", "Engineers replaced")
                    .doesNotContain("class=\"ai-generated\"");
            assertThat(down.received()).isEmpty();
        }
    }
}
