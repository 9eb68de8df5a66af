package org.tidings.server.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.testing.Settings;

class CommentTextTest {

    private static final Set<String> ALLOWED = Set.of("p", "br", "em", "strong", "a");

    /** The stored-XSS vectors of {@code comments/xss-vectors.txt}, {@code \n} read as a line break. */
    static Stream<String> vectors() throws IOException {
        try (InputStream in = CommentTextTest.class.getResourceAsStream("/comments/xss-vectors.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.replace("\\n", "\n"))
                    .toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void noVectorBecomesMarkup(String vector) {
        String html = CommentText.toHtml(vector);
        Element body = Jsoup.parseBodyFragment(html).body();
        for (Element e : body.getAllElements()) {
            if (e == body) continue;
            assertThat(ALLOWED).as("element <%s> in %s", e.tagName(), html).contains(e.tagName());
            for (Attribute a : e.attributes()) {
                assertThat(e.tagName()).as("attribute %s in %s", a.getKey(), html).isEqualTo("a");
                assertThat(a.getKey()).isIn("href", "rel");
            }
            if (e.tagName().equals("a")) {
                assertThat(e.attr("href")).matches("https?://[^\\s\"'<>]+");
                assertThat(e.attr("rel").split(" ")).containsExactlyInAnyOrder("nofollow", "ugc", "noopener");
            }
        }
        // what looked like markup is shown as text, not silently dropped
        String cleaned = CommentText.clean(vector);
        assertThat(count(body.text(), '<')).as(html).isEqualTo(count(cleaned, '<'));
        assertThat(html.toLowerCase()).doesNotContain("<script", "javascript:\"", "href=\"javascript", "href=\"data");
    }

    @Test
    void theListHasTheKnownFamilies() throws IOException {
        List<String> all = vectors().toList();
        assertThat(all).hasSizeGreaterThan(50);
        assertThat(String.join("\n", all)).contains("<script", "onerror=", "javascript:", "data:", "<svg", "&#", "‮", "＜");
    }

    @Test
    void plainTextIsEscapedAndFormatted() {
        assertThat(CommentText.toHtml("a < b & c > d")).isEqualTo("<p>a &lt; b &amp; c &gt; d</p>");
        assertThat(CommentText.toHtml("I *really* mean **it**")).isEqualTo("<p>I <em>really</em> mean <strong>it</strong></p>");
        assertThat(CommentText.toHtml("one\ntwo\n\n\n\nthree")).isEqualTo("<p>one<br />two</p><p>three</p>");
        assertThat(CommentText.toHtml("2 * 3 * 4")).isEqualTo("<p>2 <em> 3 </em> 4</p>");
    }

    @Test
    void addressesBecomeNofollowLinksWithoutTheirTrailingPunctuation() {
        Element link = Jsoup.parseBodyFragment(CommentText.toHtml("See https://news.test/a?b=1&c=2.")).selectFirst("p > a");
        assertThat(link.attr("href")).isEqualTo("https://news.test/a?b=1&c=2");
        assertThat(link.text()).isEqualTo("https://news.test/a?b=1&c=2");
        assertThat(link.attr("rel").split(" ")).containsExactlyInAnyOrder("nofollow", "ugc", "noopener");
        assertThat(link.parent().text()).isEqualTo("See https://news.test/a?b=1&c=2.");
        assertThat(CommentText.toHtml("(https://en.wiki.test/wiki/Foo_(bar))"))
                .contains("href=\"https://en.wiki.test/wiki/Foo_%28bar%29\"").endsWith("Foo_(bar)</a>)</p>");
        assertThat(CommentText.hasLink("see http://x.test/")).isTrue();
        assertThat(CommentText.hasLink("see x.test or javascript:alert(1)")).isFalse();
        assertThat(CommentText.toHtml("ftp://files.test/x")).doesNotContain("<a");
    }

    @Test
    void longAddressesAreShortenedOnScreenOnly() {
        String url = "https://news.test/" + "a".repeat(100);
        String html = CommentText.toHtml(url);
        assertThat(Jsoup.parseBodyFragment(html).selectFirst("a").attr("href")).isEqualTo(url);
        assertThat(Jsoup.parseBodyFragment(html).selectFirst("a").text()).hasSize(60).endsWith("…");
    }

    @Test
    void invisibleControlsAndBidiOverridesAreStripped() {
        assertThat(CommentText.clean("\u202Eexe.txt\u0000 ok\u200F\r\n")).isEqualTo("exe.txt ok");
        assertThat(CommentText.clean("مرحبا\u200Cبك")).isEqualTo("مرحبا\u200Cبك"); // the joiners scripts need stay
        assertThat(CommentText.clean("e\u0301")).isEqualTo("é");
    }

    @Test
    void limitsAreChecked() {
        TidingsProperties.Comments settings = Settings.defaults().comments();
        assertThat(CommentText.problem("", settings)).hasValueSatisfying(m -> assertThat(m.key()).isEqualTo("comments.problem.empty"));
        assertThat(CommentText.problem("x".repeat(4001), settings)).hasValueSatisfying(m -> assertThat(m.key()).isEqualTo("comments.problem.tooLong"));
        assertThat(CommentText.problem("x".repeat(4000), settings)).isEmpty();
        assertThat(CommentText.problem("x\n".repeat(61) + "x", settings)).hasValueSatisfying(m -> assertThat(m.key()).isEqualTo("comments.problem.tooManyLines"));
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }
}
