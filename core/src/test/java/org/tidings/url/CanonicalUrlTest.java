package org.tidings.url;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalUrlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://news.example/a?utm_source=rss&utm_medium=feed&utm_campaign=x | https://news.example/a
            https://news.example/a?fbclid=IwAR0abc                                | https://news.example/a
            https://news.example/a?gclid=abc&id=7                                 | https://news.example/a?id=7
            https://news.example/a?mc_cid=1&mc_eid=2                              | https://news.example/a
            https://news.example/a?UTM_Source=x&pk_campaign=y&_ga=z&msclkid=w     | https://news.example/a
            https://news.example/a?ref_src=twsrc&smid=tw-share&xtor=RSS-1          | https://news.example/a
            """)
    void removesTrackingParameters(String in, String expected) {
        assertThat(CanonicalUrl.canonicalize(in)).isEqualTo(expected);
    }

    @Test
    void keepsParametersThatSelectContentAndSortsThem() {
        assertThat(CanonicalUrl.canonicalize("https://news.example/read?p=12&id=3&ref=home"))
                .isEqualTo("https://news.example/read?id=3&p=12&ref=home");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            http://news.example:80/a          | http://news.example/a
            https://news.example:443/a        | https://news.example/a
            https://news.example:8443/a       | https://news.example:8443/a
            http://news.example:443/a         | http://news.example:443/a
            """)
    void dropsOnlyDefaultPorts(String in, String expected) {
        assertThat(CanonicalUrl.canonicalize(in)).isEqualTo(expected);
    }

    @Test
    void lowersSchemeAndHostButNotPath() {
        assertThat(CanonicalUrl.canonicalize("HTTPS://News.EXAMPLE/World/Story-One"))
                .isEqualTo("https://news.example/World/Story-One");
    }

    @Test
    void dropsTrailingDotOfHostFragmentsAndUserInfo() {
        assertThat(CanonicalUrl.canonicalize("https://user:pw@news.example./a#comments"))
                .isEqualTo("https://news.example/a");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://news.example/world/story/     | https://news.example/world/story
            https://news.example/world/story//    | https://news.example/world/story
            https://news.example/                 | https://news.example/
            https://news.example                  | https://news.example/
            https://news.example/a/./b/../c       | https://news.example/a/c
            """)
    void trailingSlashAndDotSegments(String in, String expected) {
        assertThat(CanonicalUrl.canonicalize(in)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://news.example/2014/03/story/amp/       | https://news.example/2014/03/story
            https://news.example/2014/03/story/amp        | https://news.example/2014/03/story
            https://news.example/amp/2014/03/story        | https://news.example/2014/03/story
            https://news.example/2014/03/story.amp.html   | https://news.example/2014/03/story.html
            https://news.example/2014/03/story?amp        | https://news.example/2014/03/story
            https://news.example/2014/03/story?amp=1&id=2 | https://news.example/2014/03/story?id=2
            https://news.example/story?outputType=amp     | https://news.example/story
            https://amp.news.example/story                | https://www.news.example/story
            https://m.news.example/story                  | https://www.news.example/story
            https://mobile.news.example/story             | https://www.news.example/story
            https://en.m.wikipedia.org/wiki/Kyiv          | https://en.wikipedia.org/wiki/Kyiv
            https://www.google.com/amp/s/news.example/story/amp/  | https://news.example/story
            https://news-example.cdn.ampproject.org/c/s/news.example/story.amp.html | https://news.example/story.html
            """)
    void foldsAmpAndMobileVariants(String in, String expected) {
        assertThat(CanonicalUrl.canonicalize(in)).isEqualTo(expected);
    }

    @Test
    void leavesWholeDomainsThatLookLikePrefixesAlone() {
        assertThat(CanonicalUrl.canonicalize("https://amp.dev/about")).isEqualTo("https://amp.dev/about");
        assertThat(CanonicalUrl.canonicalize("https://m.co/x")).isEqualTo("https://m.co/x");
    }

    @Test
    void keepsPathSegmentsThatOnlyContainAmp() {
        assertThat(CanonicalUrl.canonicalize("https://news.example/ampere/example"))
                .isEqualTo("https://news.example/ampere/example");
    }

    @Test
    void variantsOfOneArticleMeetInOneForm() {
        String a = CanonicalUrl.canonicalize("https://m.news.example/world/story/amp/?utm_source=tw#top");
        String b = CanonicalUrl.canonicalize("HTTPS://www.news.example:443/world/story");
        assertThat(a).isEqualTo(b);
    }

    @ParameterizedTest(name = "[{index}]")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            mailto:desk@news.example  | mailto:desk@news.example
            /relative/path            | /relative/path
            not a url at all          | not a url at all
            ftp://files.example/a/    | ftp://files.example/a/
            ''                        | ''
            """)
    void leavesWhatIsNotAnAbsoluteWebUrl(String in, String expected) {
        assertThat(CanonicalUrl.canonicalize(in)).isEqualTo(expected);
    }

    @Test
    void nullStaysNull() {
        assertThat(CanonicalUrl.canonicalize(null)).isNull();
        assertThat(CanonicalUrl.canonicalize(null, "https://a.example/x")).isNull();
    }

    @Test
    void toleratesSpacesAndHostileInput() {
        assertThat(CanonicalUrl.canonicalize("  https://news.example/a b?utm_source=x  "))
                .isEqualTo("https://news.example/a%20b");
        String deep = "https://news.example/" + "a/".repeat(5000);
        assertThat(CanonicalUrl.canonicalize(deep)).startsWith("https://news.example/a/a/a/").hasSizeLessThanOrEqualTo(deep.length());
        assertThat(CanonicalUrl.canonicalize("http://[::1")).isEqualTo("http://[::1");
        assertThat(CanonicalUrl.canonicalize("https://\u0000\u0001\uFFFF/")).as("not a URL: left as it came")
                .isEqualTo("https://\u0000\u0001\uFFFF/");
        assertThat(CanonicalUrl.canonicalize("https://news.example/?" + "&".repeat(1000))).isEqualTo("https://news.example/");
    }

    @Test
    void prefersThePagesOwnCanonicalLink() {
        assertThat(CanonicalUrl.canonicalize("https://news.example/story?id=1&from=home", "https://news.example/2014/03/story/"))
                .isEqualTo("https://news.example/2014/03/story");
    }

    @Test
    void resolvesARelativeCanonicalLink() {
        assertThat(CanonicalUrl.canonicalize("https://m.news.example/a/b?x=1", "/2014/story"))
                .isEqualTo("https://www.news.example/2014/story");
    }

    @Test
    void acceptsCanonicalLinkOnTheDesktopHostOfTheSameSite() {
        assertThat(CanonicalUrl.canonicalize("https://amp.news.example/story/amp", "https://news.example/story"))
                .isEqualTo("https://news.example/story");
    }

    @Test
    void ignoresCanonicalLinkToAnotherSite() {
        assertThat(CanonicalUrl.canonicalize("https://copycat.example/story", "https://news.example/story"))
                .isEqualTo("https://copycat.example/story");
    }

    @Test
    void ignoresCanonicalLinkToTheHomePage() {
        assertThat(CanonicalUrl.canonicalize("https://news.example/world/story", "https://news.example/"))
                .isEqualTo("https://news.example/world/story");
    }

    @Test
    void ignoresBrokenOrNonWebCanonicalLinks() {
        assertThat(CanonicalUrl.canonicalize("https://news.example/a", "javascript:alert(1)")).isEqualTo("https://news.example/a");
        assertThat(CanonicalUrl.canonicalize("https://news.example/a", "http://[::1")).isEqualTo("https://news.example/a");
        assertThat(CanonicalUrl.canonicalize("https://news.example/a", "   ")).isEqualTo("https://news.example/a");
    }

    @Test
    void mobileLabelsAreFoldedAllAtOnce() {
        // found by fuzzing: each call folded one more "m." label, so the canonical form was not canonical
        String once = CanonicalUrl.canonicalize("https://m.m.m.news.example/a");
        assertThat(CanonicalUrl.canonicalize(once)).isEqualTo(once);
        assertThat(CanonicalUrl.canonicalize("https://en.m.m.news.example/a")).isEqualTo("https://en.news.example/a");
    }

    @Test
    void aCanonicalLinkOfAnAddressWithoutHostIsIgnored() {
        // found by fuzzing: NullPointerException
        assertThat(CanonicalUrl.canonicalize("p:x@y", "http://news.example/a")).isEqualTo("p:x@y");
    }

    @Test
    void ampPathsAreFoldedAllAtOnce() {
        // found by fuzzing: removing a trailing slash uncovered an AMP suffix that the next call removed
        assertThat(CanonicalUrl.canonicalize("https://news.example/a.amp.html/")).isEqualTo("https://news.example/a.html");
        assertThat(CanonicalUrl.canonicalize("https://news.example/a/amp/")).isEqualTo("https://news.example/a");
    }
}
