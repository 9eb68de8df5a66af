package org.tidings.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Hostile input: nothing throws, every result is valid, and work is bounded by the input caps. */
class RobustnessTest {

    private static final Enricher ENRICHER = EnricherTest.ENRICHER;

    @Test
    void nullAndEmptyInputsGiveAnEmptyResult() {
        for (Enrichment e : new Enrichment[] {
                ENRICHER.enrich(null, null, null, null),
                ENRICHER.enrich("", "", "", ""),
                ENRICHER.enrich("   ", "\n\n\t", " ", " ")}) {
            assertThat(e.lang()).isEqualTo("und");
            assertThat(e.topics()).isEmpty();
            assertThat(e.section()).isEqualTo(Section.GENERAL);
            assertThat(e.countries()).isEmpty();
            assertThat(e.regions()).isEmpty();
        }
    }

    @Test
    void binaryGarbageGivesAValidResult() {
        byte[] bytes = new byte[200_000];
        new Random(42).nextBytes(bytes);
        String garbage = new String(bytes, StandardCharsets.UTF_8);
        Enrichment e = ENRICHER.enrich(garbage.substring(0, 500), garbage, null, null);
        assertValid(e);
        assertThat(e.lang()).isEqualTo("und");
        String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
        assertValid(ENRICHER.enrich(latin1, latin1, "en", "business"));
    }

    @Test
    void hugeTextIsCutAndStillEnriched() {
        String paragraph = "The central bank in London raised interest rates, and Governor Mark Carney said "
                + "inflation was too high. ";
        String huge = paragraph.repeat(50_000);
        Enrichment e = ENRICHER.enrich("Bank raises rates", huge, null, null);
        assertValid(e);
        assertThat(e.lang()).isEqualTo("en");
        assertThat(e.section()).isEqualTo(Section.BUSINESS);
        assertThat(e.countries()).extracting(Place::code).containsExactly("GB");
    }

    @Test
    void endlessCapitalisedRunsAndOneGiantWordStayBounded() {
        StringBuilder capitals = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            capitals.append("Alpha").append(i % 7 == 0 ? " of " : " ").append("Beta Gamma Delta ");
        }
        assertValid(ENRICHER.enrich(capitals.substring(0, 900), capitals.toString(), null, null));
        assertValid(ENRICHER.enrich("x".repeat(5_000), "y".repeat(300_000), null, null));
        assertValid(ENRICHER.enrich("", "U.S.".repeat(50_000), null, null));
    }

    @Test
    void truncatedSurrogatesAndControlCharactersAreHarmless() {
        String broken = "Emoji \uD83D\uDE00 cut \uD83D" + "\u0000\u0007 Dubai \uDC00 text" + "\uFFFD".repeat(100);
        assertValid(ENRICHER.enrich(broken, broken, "en", null));
        String cutInPair = "a".repeat(Enricher.MAX_TEXT_CHARS - 1) + "\uD83D\uDE00";
        assertValid(ENRICHER.enrich("", cutInPair, null, null));
    }

    @Test
    void onlyPunctuationOrDigits() {
        assertValid(ENRICHER.enrich("!!! ??? ...", "1234 5678 — 90 %% ؟؟؟", null, "sports"));
        assertThat(ENRICHER.enrich("!!!", "...", null, "sports").section()).isEqualTo(Section.SPORTS);
    }

    private static void assertValid(Enrichment e) {
        assertThat(e.lang()).matches("[a-z]{2}|und");
        assertThat(e.langConfidence()).isBetween(0.0, 1.0);
        assertThat(e.sectionConfidence()).isBetween(0.0, 1.0);
        assertThat(e.topics()).hasSizeLessThanOrEqualTo(12)
                .allSatisfy(t -> {
                    assertThat(t.slug()).isNotEmpty().doesNotStartWith("-").hasSizeLessThanOrEqualTo(80);
                    assertThat(t.score()).isBetween(0.0, 1.0);
                    assertThat(t.hashtag()).startsWith("#");
                });
        assertThat(e.countries()).allSatisfy(p -> assertThat(p.code()).matches("[A-Z]{2}"));
        assertThat(e.regions()).allSatisfy(p -> assertThat(Enricher.REGIONS).contains(p.code()));
    }
}
