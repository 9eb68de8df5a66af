package org.tidings.server.ai;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.html.HtmlText;
import org.tidings.server.config.TidingsProperties.Llm.Unsupported;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.store.ArticleView;
import org.tidings.server.store.GeneratedTextStore;
import org.tidings.server.testing.FakeLanguageModel.Reply;
import org.tidings.server.testing.FakeLanguageModel;
import org.tidings.server.testing.OnEachDatabase;
import org.tidings.server.testing.Settings;
import org.tidings.server.testing.TestDatabase;
import org.tidings.summary.ArticleDigest;
import org.tidings.summary.Summarizer;

/** The language model's features against a fake OpenAI-compatible server over real HTTP on 127.0.0.1. */
class ModelAssistantTest {

    static final String HTML = """
            <p>The harbour bridge reopened to traffic on Tuesday after two years of repairs that cost the city
            forty million pounds.</p>
            <p>Engineers replaced the corroded steel cables and rebuilt the road deck, which had been closed to
            heavy lorries since an inspection found cracks in its supports.</p>
            <p>The mayor said the bridge joined two halves of the town again, before cutting a ribbon at the
            northern end in front of several hundred residents.</p>
            <ul><li>Traders on both sides said the closure had cost them customers over two winters.</li>
            <li>Several cafés near the southern end had shortened their opening hours during the works.</li></ul>
            <p>The council said the ferry service that ran during the works would continue until the end of the month.</p>
            <p>Cyclists will have a separate lane on the eastern side of the bridge from next spring, the council added.</p>
            """;
    static final String FAITHFUL = "The harbour bridge reopened to traffic on Tuesday after two years of repairs. "
            + "Engineers replaced the corroded steel cables and rebuilt the road deck.";
    static final String INVENTED_1 = "The mayor resigned on Friday after protesters blocked the bridge.";
    static final String INVENTED_2 = "The repairs cost ninety million pounds, paid by the national government in 2019.";

    private final FakeLanguageModel fake = new FakeLanguageModel();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    ModelAssistantTest() {
        logs.start();
        Logger logger = (Logger) LoggerFactory.getLogger(ModelAssistant.class);
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        logger.addAppender(logs);
    }

    @AfterEach
    void stop() {
        Logger logger = (Logger) LoggerFactory.getLogger(ModelAssistant.class);
        logger.detachAppender(logs);
        logger.setLevel(null);
        fake.close();
    }

    static ArticleView article(long id, String title, String html) {
        return new ArticleView(id, 1, "Harbour Times", null, "https://harbour.test/" + id, title, "", null, null,
                Instant.now(), null, null, false, null, "en", null, null);
    }

    private static final ArticleView BRIDGE = article(7, "You won't believe what happened to the harbour bridge", HTML);
    private static final ArticleDigest DIGEST = Summarizer.digest(HtmlText.paragraphs(HTML), "en");

    private TidingsProperties.Llm settings(Unsupported policy, Duration timeout, int perMinute) {
        return new TidingsProperties.Llm(fake.baseUrl(), "tiny-news-7b", "secret-key", timeout, perMinute, policy, 12000);
    }

    private ModelAssistant assistant(Unsupported policy) {
        return new ModelAssistant(Settings.of(settings(policy, Duration.ofSeconds(5), 60)), new GeneratedTextStore(
                JdbcClient.create(TestDatabase.H2.migrated()), Clock.systemUTC()), metrics);
    }

    private double counted(String outcome) {
        var counter = metrics.find("tidings.ai.llm").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aFaithfulSummaryIsShownSentenceBySentenceWithItsEvidenceAndModel() {
        fake.answering(r -> Reply.says(FAITHFUL));
        Generated g = assistant(Unsupported.DROP).generate(BRIDGE, DIGEST, Feature.SUMMARY, Locale.ENGLISH).orElseThrow();

        assertThat(g.model()).isEqualTo("tiny-news-7b");
        assertThat(g.lines()).hasSize(2).allMatch(Generated.Line::supported);
        assertThat(g.lines().getFirst().firstEvidence()).startsWith("The harbour bridge reopened to traffic on Tuesday");
        assertThat(g.lines().get(1).firstEvidence()).startsWith("Engineers replaced the corroded steel cables");
        FakeLanguageModel.Received request = fake.received().getFirst();
        assertThat(request.model()).isEqualTo("tiny-news-7b");
        assertThat(request.authorization()).isEqualTo("Bearer secret-key");
        assertThat(request.userMessage()).contains("forty million pounds", "English");
        assertThat(counted("ok")).isEqualTo(1);
    }

    @Test
    void inventedSentencesAreDroppedOrShownMarkedNeverAsFact() {
        fake.answering(r -> Reply.says("- " + FAITHFUL + "\n- " + INVENTED_1 + " " + INVENTED_2));

        Generated dropped = assistant(Unsupported.DROP).generate(BRIDGE, DIGEST, Feature.SUMMARY, Locale.ENGLISH).orElseThrow();
        assertThat(dropped.lines()).extracting(Generated.Line::text)
                .containsExactly("The harbour bridge reopened to traffic on Tuesday after two years of repairs.",
                        "Engineers replaced the corroded steel cables and rebuilt the road deck.");

        Generated marked = assistant(Unsupported.MARK).generate(BRIDGE, DIGEST, Feature.SUMMARY, Locale.ENGLISH).orElseThrow();
        assertThat(marked.lines()).hasSize(4);
        assertThat(marked.lines()).filteredOn(l -> !l.supported()).extracting(Generated.Line::text)
                .containsExactly(INVENTED_1, INVENTED_2);
    }

    @Test
    void anAnswerWithNothingSupportedFallsBackAndIsLoggedOnceAndCounted() {
        fake.answering(r -> Reply.says(INVENTED_1 + " " + INVENTED_2));
        assertThat(assistant(Unsupported.MARK).generate(BRIDGE, DIGEST, Feature.SIMPLE, Locale.ENGLISH)).isEmpty();
        assertThat(counted("unsupported")).isEqualTo(1);
        assertThat(logs.list).hasSize(1);
        assertThat(logs.list.getFirst().getKeyValuePairs()).anyMatch(kv -> kv.key.equals("reason") && kv.value.equals("unsupported"))
                .anyMatch(kv -> kv.key.equals("article_id") && kv.value.equals(7L));
    }

    @Test
    void malformedErrorAndEmptyAnswersFallBack() {
        ModelAssistant assistant = assistant(Unsupported.DROP);
        fake.answering(r -> Reply.raw(200, "{\"choices\": [{\"message\": "));
        assertThat(assistant.generate(BRIDGE, DIGEST, Feature.SUMMARY, Locale.ENGLISH)).isEmpty();
        fake.answering(r -> Reply.raw(200, "{\"object\": \"chat.completion\", \"choices\": []}"));
        assertThat(assistant.generate(BRIDGE, DIGEST, Feature.SUMMARY, Locale.ENGLISH)).isEmpty();
        fake.answering(r -> Reply.raw(503, "{\"error\": \"overloaded\"}"));
        assertThat(assistant.generate(BRIDGE, DIGEST, Feature.SUMMARY, Locale.ENGLISH)).isEmpty();
        fake.answering(r -> Reply.says("   "));
        assertThat(assistant.generate(BRIDGE, DIGEST, Feature.SUMMARY, Locale.ENGLISH)).isEmpty();

        assertThat(counted("malformed")).isEqualTo(2);
        assertThat(counted("http_error")).isEqualTo(1);
        assertThat(counted("empty")).isEqualTo(1);
        assertThat(logs.list).hasSize(4);
    }

    @Test
    void aSlowAnswerTimesOutAndFallsBack() {
        fake.answering(r -> Reply.says(FAITHFUL).after(3000));
        ModelAssistant assistant = new ModelAssistant(Settings.of(settings(Unsupported.DROP, Duration.ofMillis(300), 60)),
                new GeneratedTextStore(JdbcClient.create(TestDatabase.H2.migrated()), Clock.systemUTC()), metrics);
        long start = System.nanoTime();
        assertThat(assistant.generate(BRIDGE, DIGEST, Feature.SUMMARY, Locale.ENGLISH)).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
        assertThat(counted("timeout")).isEqualTo(1);
    }

    @Test
    void aProviderThatIsDownFallsBack() {
        String url = fake.baseUrl();
        fake.close();
        ModelAssistant assistant = new ModelAssistant(Settings.of(new TidingsProperties.Llm(url, "tiny-news-7b", "", Duration.ofSeconds(2),
                60, Unsupported.DROP, 12000)), new GeneratedTextStore(JdbcClient.create(TestDatabase.H2.migrated()),
                Clock.systemUTC()), metrics);
        assertThat(assistant.generate(BRIDGE, DIGEST, Feature.SUMMARY, Locale.ENGLISH)).isEmpty();
        assertThat(counted("unreachable")).isEqualTo(1);
    }

    @Test
    void beyondTheRateLimitReadersGetTheOfflineResult() {
        fake.answering(r -> Reply.says(FAITHFUL));
        ModelAssistant assistant = new ModelAssistant(Settings.of(settings(Unsupported.DROP, Duration.ofSeconds(5), 1)),
                new GeneratedTextStore(JdbcClient.create(TestDatabase.H2.migrated()), Clock.systemUTC()), metrics);
        assertThat(assistant.generate(BRIDGE, DIGEST, Feature.SUMMARY, Locale.ENGLISH)).isPresent();
        assertThat(assistant.generate(BRIDGE, DIGEST, Feature.SIMPLE, Locale.ENGLISH)).isEmpty();
        assertThat(counted("rate_limited")).isEqualTo(1);
        assertThat(assistant.generate(BRIDGE, DIGEST, Feature.SUMMARY, Locale.ENGLISH)).as("cached: free").isPresent();
        assertThat(fake.received()).hasSize(1);
    }

    @Test
    void aLimitOfZeroSendsNothing() {
        fake.answering(r -> Reply.says(FAITHFUL));
        ModelAssistant assistant = new ModelAssistant(Settings.of(settings(Unsupported.DROP, Duration.ofSeconds(5), 0)),
                new GeneratedTextStore(JdbcClient.create(TestDatabase.H2.migrated()), Clock.systemUTC()), metrics);
        assertThat(assistant.generate(BRIDGE, DIGEST, Feature.SUMMARY, Locale.ENGLISH)).isEmpty();
        assertThat(counted("rate_limited")).isEqualTo(1);
        assertThat(fake.received()).isEmpty();
    }

    /** The answers are kept in the database, so this part runs on H2 and PostgreSQL. */
    @Nested
    @OnEachDatabase
    class Cache {

        @Parameter
        TestDatabase db;

        @Test
        void answersAreCachedPerArticleFeatureLanguageAndModelUntilTheTextChanges() {
            DataSource ds = db.migrated();
            fake.answering(r -> Reply.says(FAITHFUL));
            ModelAssistant first = new ModelAssistant(Settings.of(settings(Unsupported.DROP, Duration.ofSeconds(5), 60)),
                    new GeneratedTextStore(JdbcClient.create(ds), Clock.systemUTC()), metrics);
            first.generate(BRIDGE, DIGEST, Feature.SUMMARY, Locale.ENGLISH).orElseThrow();
            first.generate(BRIDGE, DIGEST, Feature.SUMMARY, Locale.ENGLISH).orElseThrow();
            assertThat(fake.received()).hasSize(1);

            // another process on the same database: the table answers
            ModelAssistant second = new ModelAssistant(Settings.of(settings(Unsupported.DROP, Duration.ofSeconds(5), 60)),
                    new GeneratedTextStore(JdbcClient.create(ds), Clock.systemUTC()), metrics);
            assertThat(second.generate(BRIDGE, DIGEST, Feature.SUMMARY, Locale.ENGLISH)).isPresent();
            assertThat(fake.received()).hasSize(1);
            assertThat(counted("cached")).isEqualTo(2);

            second.generate(BRIDGE, DIGEST, Feature.SIMPLE, Locale.ENGLISH);
            assertThat(fake.received()).as("another feature").hasSize(2);

            ModelAssistant otherModel = new ModelAssistant(Settings.of(new TidingsProperties.Llm(fake.baseUrl(), "other-model", "",
                    Duration.ofSeconds(5), 60, Unsupported.DROP, 12000)), new GeneratedTextStore(JdbcClient.create(ds), Clock.systemUTC()), metrics);
            otherModel.generate(BRIDGE, DIGEST, Feature.SUMMARY, Locale.ENGLISH);
            assertThat(fake.received()).as("another model").hasSize(3);

            String edited = HTML.replace("forty million", "forty-two million");
            second.generate(article(7, BRIDGE.title(), edited), Summarizer.digest(HtmlText.paragraphs(edited), "en"),
                    Feature.SUMMARY, Locale.ENGLISH);
            assertThat(fake.received()).as("the article changed").hasSize(4);
            second.generate(article(8, BRIDGE.title(), HTML), DIGEST, Feature.SUMMARY, Locale.ENGLISH);
            assertThat(fake.received()).as("another article").hasSize(5);
        }
    }

    @Test
    void aTranslationKeepsLinesThatComeBackUnderTheirNumberWithTheirOriginalsNumbersAndMeaning() {
        List<String> originals = new java.util.ArrayList<>();
        fake.answering(r -> {
            String prompt = r.userMessage();
            String[] numbered = prompt.substring(prompt.indexOf("\n\n") + 2).split("\n");
            StringBuilder answer = new StringBuilder();
            if (prompt.contains("into Arabic")) {
                for (String line : numbered) originals.add(line.substring(line.indexOf(". ") + 2));
                for (int i = 1; i <= numbered.length; i++) {
                    answer.append(i).append(". ").append(i == 1 ? "أُعيد فتح الجسر بعد عامين وكلّف ٩٠ مليون جنيه." : "سطر مترجم").append('\n');
                }
            } else { // the back-translation of the lines that passed: faithful, except the first of them adds a fact
                for (int i = 1; i <= numbered.length; i++) {
                    String original = originals.get(i); // line 1 was dropped for its number: back lines start at original 2
                    answer.append(i).append(". ").append(i == 1 ? original + " The mayor resigned in protest on Friday." : original).append('\n');
                }
            }
            return Reply.says(answer.toString());
        });
        ModelAssistant assistant = assistant(Unsupported.MARK);
        assertThat(assistant.features(DIGEST, Locale.ENGLISH)).doesNotContain(Feature.TRANSLATE);
        Generated g = assistant.generate(BRIDGE, DIGEST, Feature.TRANSLATE, Locale.forLanguageTag("ar")).orElseThrow();

        int lines = DIGEST.summary().size() + DIGEST.keyPoints().size();
        assertThat(g.lang()).isEqualTo("ar");
        assertThat(fake.received().getFirst().userMessage()).contains("from English into Arabic", "1. ");
        assertThat(fake.received().get(1).userMessage()).contains("from Arabic into English", "1. سطر مترجم");
        assertThat(g.lines()).hasSize(lines);
        assertThat(g.lines().get(0).supported()).as("90 is not in the original").isFalse();
        assertThat(g.lines().get(1).supported()).as("its back-translation adds a resignation").isFalse();
        assertThat(g.lines().subList(2, lines)).allMatch(Generated.Line::supported);
        assertThat(g.lines()).allMatch(l -> HtmlText.paragraphs(HTML).contains(l.firstEvidence()));

        assistant.generate(BRIDGE, DIGEST, Feature.TRANSLATE, Locale.forLanguageTag("ar")).orElseThrow();
        assertThat(fake.received()).as("both directions cached").hasSize(2);
    }

    @Test
    void aNeutralHeadlineMustRestOnTheArticle() {
        ModelAssistant assistant = assistant(Unsupported.DROP);
        fake.answering(r -> Reply.says("Headline: \"Harbour bridge reopens to traffic after two years of repairs\""));
        Generated g = assistant.generate(BRIDGE, DIGEST, Feature.HEADLINE, Locale.ENGLISH).orElseThrow();
        assertThat(g.lines()).extracting(Generated.Line::text).containsExactly("Harbour bridge reopens to traffic after two years of repairs");
        assertThat(fake.received().getFirst().userMessage()).contains("You won't believe what happened");

        ArticleView other = article(9, "Bridge shock: what nobody tells you", HTML);
        fake.answering(r -> Reply.says("Harbour bridge collapses into the sea, killing 12"));
        assertThat(assistant.generate(other, DIGEST, Feature.HEADLINE, Locale.ENGLISH)).isEmpty();
    }

    @Test
    void withoutAConfiguredModelNothingIsOfferedAndNothingSent() {
        ModelAssistant off = new ModelAssistant(Settings.of(new TidingsProperties.Llm("", "", "", Duration.ofSeconds(5), 60,
                Unsupported.DROP, 12000)), new GeneratedTextStore(JdbcClient.create(TestDatabase.H2.migrated()), Clock.systemUTC()), metrics);
        assertThat(off.enabled()).isFalse();
        assertThat(off.features(DIGEST, Locale.forLanguageTag("ar"))).isEmpty();
        assertThat(off.generate(BRIDGE, DIGEST, Feature.SUMMARY, Locale.ENGLISH)).isEqualTo(Optional.empty());
        assertThat(fake.received()).isEmpty();
    }

    @Test
    void theEndpointIsTheBaseWithOrWithoutV1() {
        assertThat(ChatCompletions.endpoint("http://127.0.0.1:11434").toString()).isEqualTo("http://127.0.0.1:11434/v1/chat/completions");
        assertThat(ChatCompletions.endpoint("https://api.example/v1/").toString()).isEqualTo("https://api.example/v1/chat/completions");
        assertThat(List.of(Feature.values())).extracting(Feature::param).containsExactly("summary", "simple", "translate", "headline");
    }
}
