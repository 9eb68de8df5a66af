package org.tidings.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void eachBlockIsAParagraph() {
        assertThat(HtmlText.paragraphs("<h2>Heading</h2><p>One\n  two.</p><ul><li>first</li><li>second</li></ul><blockquote>Quoted.</blockquote>"))
                .isEqualTo("Heading\n\nOne two.\n\nfirst\n\nsecond\n\nQuoted.");
    }

    @Test
    void nestedBlocksAreCountedOnce() {
        assertThat(HtmlText.paragraphs("<div><p>Inside a box.</p><div><p>Deeper.</p></div></div>"))
                .isEqualTo("Inside a box.\n\nDeeper.");
    }

    @Test
    void textOutsideBlocksIsAParagraphOfItsOwn() {
        assertThat(HtmlText.paragraphs("A summary written without tags, <b>with</b> <a href=\"https://x.test/\">a link</a>.<p>Then a paragraph.</p>After it."))
                .isEqualTo("A summary written without tags, with a link.\n\nThen a paragraph.\n\nAfter it.");
    }

    @Test
    void lineBreaksAndNonBreakingSpacesFoldIntoSpaces() {
        assertThat(HtmlText.paragraphs("<p>line one<br>line&nbsp;two</p>")).isEqualTo("line one line two");
    }

    @Test
    void nothingGivesNothing() {
        assertThat(HtmlText.paragraphs(null)).isEmpty();
        assertThat(HtmlText.paragraphs("  ")).isEmpty();
        assertThat(HtmlText.paragraphs("<p> </p><img src=\"https://x.test/a.jpg\">")).isEmpty();
    }
}
