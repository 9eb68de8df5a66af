package org.tidings.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaceFinderTest {

    private static final Enricher ENRICHER = EnricherTest.ENRICHER;

    @Test
    void datelineNamesTheCountryEvenWhenTheTextTalksOfOthers() {
        Enrichment e = ENRICHER.enrich("Talks resume", "NEW DELHI, March 10 (Reuters) - Officials met to discuss "
                + "trade. A delegation from Japan is expected next month.", "en", null);
        assertThat(e.countries().getFirst().code()).isEqualTo("IN");
        assertThat(e.regions()).extracting(Place::code).contains("india");
    }

    @Test
    void arabicDatelineCounts() {
        Enrichment e = ENRICHER.enrich("", "الرياض (رويترز) - قال مسؤولون إن المحادثات ستستأنف الأسبوع المقبل.",
                "ar", null);
        assertThat(e.countries()).extracting(Place::code).containsExactly("SA");
        assertThat(e.regions()).extracting(Place::code).contains("gulf");
    }

    @Test
    void ambiguousCountryNameAloneIsNoPlace() {
        Enrichment e = ENRICHER.enrich("Jordan returns to the court", "Michael Jordan watched the game. Jordan "
                + "said he was proud. Fans in Georgia cheered for Jordan.", "en", null);
        assertThat(e.countries()).extracting(Place::code).doesNotContain("JO", "GE");
    }

    @Test
    void ambiguousCountryNameCountsBesideItsNeighbours() {
        Enrichment e = ENRICHER.enrich("Refugees cross into Jordan", "Thousands fled Syria for Jordan this week, "
                + "officials in Amman said. Lebanon and Jordan host most of them.", "en", null);
        assertThat(e.countries()).extracting(Place::code).contains("JO", "SY");
        assertThat(e.regions().getFirst().code()).isEqualTo("middle-east");
    }

    @Test
    void citiesAndStatesPointToTheirCountry() {
        Enrichment e = ENRICHER.enrich("Storm hits Texas", "Houston and Dallas reported flooding on Sunday as the "
                + "storm moved across Texas toward Louisiana.", "en", null);
        assertThat(e.countries()).extracting(Place::code).containsExactly("US");
        assertThat(e.regions()).extracting(Place::code).contains("us", "americas");
    }

    @Test
    void passingMentionsFallBelowTheThreshold() {
        Enrichment e = ENRICHER.enrich("London markets close higher", "LONDON - British shares rose in London "
                + "as Britain reported growth. London brokers were upbeat and the UK pound rose. Investors in London "
                + "shrugged off news from Peru.", "en", null);
        assertThat(e.countries()).extracting(Place::code).containsExactly("GB");
        assertThat(e.countries().getFirst().score()).isGreaterThan(0.9);
    }

    @Test
    void noPlacesMeansEmptyLists() {
        Enrichment e = ENRICHER.enrich("A recipe for bread", "Mix flour, water and salt, then bake.", "en", null);
        assertThat(e.countries()).isEmpty();
        assertThat(e.regions()).isEmpty();
    }
}
