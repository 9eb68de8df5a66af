package org.tidings.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnricherTest {

    static final Enricher ENRICHER = new Enricher();

    private static final String EMAAR = """
            DUBAI (Reuters) - Dubai's Emaar Properties said on Tuesday its quarterly profit rose 20 percent, beating \
            analysts' forecasts, as demand for homes in the emirate recovered.
            The developer reported net profit of 1.2 billion dirhams. Chairman Mohamed Alabbar told reporters that \
            the company would expand in Saudi Arabia and Egypt.
            Emaar shares rose 3 percent. Analysts at Goldman Sachs said the property market was strong and that \
            profit growth would continue. "We see strong demand," Alabbar said.
            """;

    private static final String ARABIC = """
            دبي - وام: أعلن صاحب السمو الشيخ محمد بن راشد آل مكتوم نائب رئيس الدولة رئيس مجلس الوزراء حاكم دبي اليوم \
            عن إطلاق خطة جديدة للطاقة المتجددة في الإمارات.
            وقال سموه إن الخطة تهدف إلى رفع حصة الطاقة المتجددة إلى خمسين في المئة بحلول عام 2050، بالتعاون مع شركات \
            من السعودية والهند.
            وأضاف أن الطاقة المتجددة هي مستقبل الاقتصاد في دولة الإمارات العربية المتحدة.
            """;

    @Test
    void englishBusinessArticleFromDubai() {
        Enrichment e = ENRICHER.enrich("Emaar profit jumps 20% on Dubai property recovery", EMAAR, null, null);

        assertThat(e.lang()).isEqualTo("en");
        assertThat(e.section()).isEqualTo(Section.BUSINESS);
        assertThat(e.sectionConfidence()).isGreaterThan(0.5);
        assertThat(e.topics()).extracting(Topic::slug)
                .contains("dubai", "emaar-properties", "mohamed-alabbar").doesNotContain("profit"); // an everyday word
        assertThat(e.topics()).filteredOn(t -> t.slug().equals("mohamed-alabbar"))
                .extracting(Topic::kind).containsExactly(Topic.Kind.PERSON);
        assertThat(e.topics()).filteredOn(t -> t.slug().equals("emaar-properties"))
                .extracting(Topic::kind).containsExactly(Topic.Kind.ORGANIZATION);
        assertThat(e.countries().getFirst().code()).isEqualTo("AE");
        assertThat(e.regions()).extracting(Place::code).contains("gulf", "middle-east");
    }

    @Test
    void arabicArticleGetsArabicNamesWithStableSlugs() {
        Enrichment e = ENRICHER.enrich("محمد بن راشد يطلق خطة للطاقة المتجددة", ARABIC, null, null);

        assertThat(e.lang()).isEqualTo("ar");
        assertThat(e.topics()).extracting(Topic::name).contains("دبي", "محمد بن راشد آل مكتوم", "الطاقة المتجددة");
        assertThat(e.topics()).filteredOn(t -> t.name().equals("دبي")).extracting(Topic::slug)
                .containsExactly("dubai");
        assertThat(e.topics()).filteredOn(t -> t.name().equals("محمد بن راشد آل مكتوم")).extracting(Topic::kind)
                .containsExactly(Topic.Kind.PERSON);
        assertThat(e.topics()).extracting(Topic::name).doesNotContain("مجلس");
        assertThat(e.countries().getFirst().code()).isEqualTo("AE");
        assertThat(e.regions().getFirst().code()).isIn("gulf", "middle-east");
    }

    @Test
    void topicScoresAreNormalisedAndOrdered() {
        Enrichment e = ENRICHER.enrich("Emaar profit jumps", EMAAR, "en", "business");

        assertThat(e.topics().getFirst().score()).isEqualTo(1.0);
        assertThat(e.topics()).extracting(Topic::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(e.topics()).allSatisfy(t -> assertThat(t.score()).isBetween(0.0, 1.0));
        assertThat(e.topics()).hasSizeLessThanOrEqualTo(12);
    }

    @Test
    void sameTopicInTwoLanguagesHasOneSlug() {
        Enrichment english = ENRICHER.enrich("UN chief visits Abu Dhabi", "The United Nations said the visit to "
                + "Abu Dhabi would focus on climate.", "en", null);
        Enrichment arabic = ENRICHER.enrich("الأمين العام للأمم المتحدة يزور أبوظبي",
                "قالت الأمم المتحدة إن الزيارة إلى أبوظبي ستركز على المناخ.", "ar", null);

        assertThat(english.topics()).extracting(Topic::slug).contains("united-nations", "abu-dhabi");
        assertThat(arabic.topics()).extracting(Topic::slug).contains("united-nations", "abu-dhabi");
        assertThat(arabic.topics()).filteredOn(t -> t.slug().equals("united-nations")).extracting(Topic::hashtag)
                .containsExactly("#الأمم_المتحدة");
    }

    @Test
    void headlineLanguageUsesTheDeclaredLanguageAsPrior() {
        assertThat(ENRICHER.language("الإمارات تستضيف قمة المناخ", null)).isEqualTo("ar");
        assertThat(ENRICHER.language("Apple unveils new iPad mini", "en")).isEqualTo("en");
        assertThat(ENRICHER.language("", "ar")).isEqualTo("ar");
        assertThat(ENRICHER.language("", null)).isEqualTo("und");
    }

    @Test
    void concurrentUseGivesTheSameAnswers() throws Exception {
        Enrichment expected = ENRICHER.enrich("Emaar profit jumps", EMAAR, null, null);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<Enrichment>>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> ENRICHER.enrich("Emaar profit jumps", EMAAR, null, null)));
            }
            for (var future : futures) {
                assertThat(future.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anArticleShowsAtMostThreeHashtagsAndNoneFarBelowItsStrongest() {
        Topic emaar = new Topic(Topic.Kind.ORGANIZATION, "Emaar Properties", "emaar-properties", 1.0);
        Topic dubai = new Topic(Topic.Kind.PLACE, "Dubai", "dubai", 0.8);
        Topic alabbar = new Topic(Topic.Kind.PERSON, "Mohamed Alabbar", "mohamed-alabbar", 0.5);
        Topic goldman = new Topic(Topic.Kind.ORGANIZATION, "Goldman Sachs", "goldman-sachs", 0.45);
        Topic egypt = new Topic(Topic.Kind.PLACE, "Egypt", "egypt", 0.3);

        assertThat(withTopics(emaar, dubai, alabbar, goldman, egypt).hashtags()).containsExactly(emaar, dubai, alabbar);
        assertThat(withTopics(emaar, egypt).hashtags()).as("a passing mention").containsExactly(emaar);
        assertThat(withTopics().hashtags()).isEmpty();
    }

    private static Enrichment withTopics(Topic... topics) {
        return new Enrichment("en", 1, java.util.List.of(topics), Section.BUSINESS, 1, java.util.List.of(), java.util.List.of());
    }
}
