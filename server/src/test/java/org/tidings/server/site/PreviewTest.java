package org.tidings.server.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A list's preview of an article: its own lead, without its headline again, boilerplate or a cut word. */
class PreviewTest {

    private static final String TITLE = "Harbour bridge reopens after two years of repairs";

    @Test
    void theLeadIsShownWholeWhenItIsShort() {
        String lead = "Engineers replaced the corroded steel cables and rebuilt the road deck, the city said on Tuesday.";
        assertThat(Preview.of(TITLE, lead)).isEqualTo(lead);
    }

    @Test
    void theHeadlineIsNeverRepeated() {
        assertThat(Preview.of(TITLE, TITLE)).as("the lead is the headline").isNull();
        assertThat(Preview.of(TITLE, "harbour bridge reopens after two years of repairs.")).isNull();
        assertThat(Preview.of(TITLE, TITLE + " – Engineers replaced the corroded steel cables and rebuilt the road deck."))
                .as("what follows the headline").isEqualTo("Engineers replaced the corroded steel cables and rebuilt the road deck.");
        assertThat(Preview.of(TITLE, TITLE + ". Read more")).isNull();
    }

    @Test
    void boilerplateIsDroppedWhereverItStands() {
        assertThat(Preview.of(TITLE, "Click here to subscribe to our newsletter. Engineers replaced the corroded steel cables and "
                + "rebuilt the road deck. We use cookies to improve your experience.")).isEqualTo("Engineers replaced the corroded steel cables and rebuilt the road deck.");
        assertThat(Preview.of(TITLE, "Please enable JavaScript to view this page. All rights reserved.")).isNull();
        assertThat(Preview.of("Netflix raises prices", "Netflix raised the price of its standard subscription by two dollars a month "
                + "in the United States on Tuesday.")).as("news about subscriptions is news").startsWith("Netflix raised the price");
        assertThat(Preview.of(TITLE, "The bridge reopened. The post Harbour bridge reopens appeared first on Harbour Times.")).isNull();
    }

    @Test
    void aLongLeadIsCutAtASentenceOrAWord() {
        String first = "Engineers replaced the corroded steel cables and rebuilt the road deck, the city said on Tuesday, after "
                + "two years in which ferries carried the commuters.";
        String second = "Dr. Lee, who led the works, said the bridge would last another century if it was painted every ten years "
                + "and the cables were checked each spring.";
        assertThat(Preview.of(TITLE, first + " " + second)).as("whole sentences").isEqualTo(first);

        String oneLong = "Engineers replaced the corroded steel cables and rebuilt the road deck while ferries carried commuters "
                + "across the harbour and the city council argued about the cost of the works and who would pay for them in the end "
                + "and whether the tolls would return";
        String cut = Preview.of(TITLE, oneLong);
        assertThat(cut).endsWith("…").hasSizeLessThanOrEqualTo(Preview.MAX + 1);
        assertThat(oneLong).startsWith(cut.substring(0, cut.length() - 1));
        assertThat(oneLong.charAt(cut.length() - 1)).as("cut between words").isEqualTo(' ');
    }

    @Test
    void aFragmentIsNoPreview() {
        assertThat(Preview.of(TITLE, null)).isNull();
        assertThat(Preview.of(TITLE, "  ")).isNull();
        assertThat(Preview.of(TITLE, "Photo: Reuters")).isNull();
        assertThat(Preview.of("زلزال قوي يضرب تشيلي", "ضرب زلزال بقوة 7.1 درجات سواحل شمال تشيلي يوم الثلاثاء، وأصدرت السلطات تحذيرا من موجات تسونامي."))
                .startsWith("ضرب زلزال");
    }
}
