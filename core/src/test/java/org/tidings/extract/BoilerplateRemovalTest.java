package org.tidings.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The furniture rules on small hand-written pages: each is removed, the article stays. */
class BoilerplateRemovalTest {

    private static final String P1 = "The council approved the new budget on Tuesday evening, after a debate that lasted, "
            + "by most accounts, well past midnight.";
    private static final String P2 = "Opposition members said the plan, which raises the parking fees, would hurt small shops "
            + "in the old town, while the mayor called it fair.";
    private static final String P3 = "The budget takes effect in January, and a review, the council agreed, will follow in "
            + "the spring once the first figures are in.";

    static ExtractedArticle extract(String body) {
        String html = "<html><head><title>Council approves budget</title>"
                + "<meta name=\"author\" content=\"Ana Ruiz\"></head><body>" + body + "</body></html>";
        return ArticleExtractor.extract(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8",
                "https://news.example.org/2026/11/budget");
    }

    private static String article(String inside) {
        return "<article><h1>Council approves budget</h1><p>" + P1 + "</p>" + inside + "<p>" + P2 + "</p><p>" + P3
                + "</p></article>";
    }

    private static void assertArticleKept(ExtractedArticle a) {
        assertThat(a.text()).contains(P1, P2, P3);
    }

    @Test
    void navigationAroundTheArticleIsRemoved() {
        ExtractedArticle a = extract("<header class=\"site-header\"><nav><a href=\"/\">Home</a> <a href=\"/world\">World news</a></nav></header>"
                + "<div class=\"breadcrumbs\"><a href=\"/\">Home</a> &gt; <a href=\"/local\">Local politics</a></div>"
                + article("") + "<footer>Copyright 2026 The Example News Company. All rights reserved.</footer>");
        assertArticleKept(a);
        assertThat(a.text()).doesNotContain("World news", "Local politics", "All rights reserved");
    }

    @Test
    void shareBarsAreRemoved() {
        ExtractedArticle a = extract(article("<div class=\"share-buttons\"><a href=\"https://facebook.com/sharer\">Share on Facebook</a>"
                + " <a href=\"https://twitter.com/intent\">Tweet this story</a> <span>Copy link to this article</span></div>"));
        assertArticleKept(a);
        assertThat(a.text()).doesNotContain("Facebook", "Tweet this story", "Copy link");
    }

    @Test
    void relatedArticleListsAreRemoved() {
        ExtractedArticle a = extract(article("") + "<section class=\"related-stories\"><h2>Read more</h2><ul>"
                + "<li><a href=\"/a\">Mayor opens the new bridge over the river after years of delays</a></li>"
                + "<li><a href=\"/b\">School strike enters its second week as talks stall again</a></li></ul></section>");
        assertArticleKept(a);
        assertThat(a.text()).doesNotContain("new bridge", "School strike", "Read more");
    }

    @Test
    void linkListsInsideTheArticleAreRemovedEvenWithoutAName() {
        ExtractedArticle a = extract(article("<ul><li><a href=\"/a\">Mayor opens the new bridge</a></li>"
                + "<li><a href=\"/b\">School strike enters second week</a></li><li><a href=\"/c\">Storm warning for the coast</a></li></ul>"));
        assertArticleKept(a);
        assertThat(a.text()).doesNotContain("new bridge", "Storm warning");
    }

    @Test
    void newsletterAndSubscriptionPromptsAreRemoved() {
        ExtractedArticle a = extract(article("<div class=\"newsletter-signup\"><p>Get the morning briefing, every day, "
                + "in your inbox. Sign up now, it is free.</p><form><input type=\"email\"><button>Sign up</button></form></div>"
                + "<aside class=\"subscribe-box\"><p>Support local journalism: subscribe for one euro a month.</p></aside>"));
        assertArticleKept(a);
        assertThat(a.text()).doesNotContain("morning briefing", "Support local journalism");
    }

    @Test
    void cookieNoticesAreRemoved() {
        ExtractedArticle a = extract("<div id=\"cookie-consent\"><p>We use cookies to improve your experience, to show "
                + "personalised ads and to analyse our traffic, as described in our policy.</p><button>Accept all</button></div>"
                + article(""));
        assertArticleKept(a);
        assertThat(a.text()).doesNotContain("We use cookies");
    }

    @Test
    void adsAndTheirLabelsAreRemoved() {
        ExtractedArticle a = extract(article("<div class=\"ad-slot\"><span>Advertisement</span><img src=\"/ad.gif\"></div>"
                + "<p>Advertisement</p><div class=\"adsbygoogle\">Buy cheap flights now, the best deals of the season</div>"));
        assertArticleKept(a);
        assertThat(a.text()).doesNotContain("Advertisement", "cheap flights");
    }

    @Test
    void commentSectionsAreRemovedEvenWhenLongerThanTheArticle() {
        String comment = "<div class=\"comment\"><p>I think the council, as usual, has no idea what it is doing, and "
                + "the fees, which are already high, will only go up again next year.</p></div>";
        ExtractedArticle a = extract(article("") + "<section id=\"comments\"><h2>42 comments</h2>" + comment.repeat(8) + "</section>");
        assertArticleKept(a);
        assertThat(a.text()).doesNotContain("has no idea", "42 comments");
    }

    @Test
    void bylinesAndDatesRepeatedInTheBodyAreRemoved() {
        ExtractedArticle a = extract(article("<p class=\"byline\">By Ana Ruiz</p><p><time datetime=\"2026-11-24\">24 November 2026</time></p>"));
        assertThat(a.byline()).isEqualTo("Ana Ruiz");
        assertArticleKept(a);
        assertThat(a.text()).doesNotContain("By Ana Ruiz", "24 November 2026");
    }

    @Test
    void theHeadlineIsNotRepeatedAsText() {
        ExtractedArticle a = extract(article(""));
        assertThat(a.title()).isEqualTo("Council approves budget");
        assertThat(a.text()).doesNotStartWith("Council approves budget");
    }

    @Test
    void hiddenElementsAreRemoved() {
        ExtractedArticle a = extract(article("<p style=\"display: none\">Secret tracking paragraph, never shown, to anyone at all.</p>"
                + "<p hidden>Another hidden paragraph that no reader would ever see on the page.</p>"));
        assertArticleKept(a);
        assertThat(a.text()).doesNotContain("Secret tracking", "Another hidden");
    }

    @Test
    void aContentBoxWithAnOddNameIsNotMistakenForFurniture() {
        ExtractedArticle a = extract("<div class=\"article-content sticky-sidebar-relative\"><p>" + P1 + "</p><p>" + P2
                + "</p><p>" + P3 + "</p></div><div class=\"sidebar\"><p>Weather: sunny, 12 degrees, light wind.</p></div>");
        assertArticleKept(a);
        assertThat(a.text()).doesNotContain("Weather");
    }

    @Test
    void aShortPageWhoseOnlyBoxHasAFurnitureNameStillYieldsItsText() {
        String html = "<html><body><div class=\"widget-text\"><p>Closed on Monday.</p></div></body></html>";
        ExtractedArticle a = ArticleExtractor.extract(html.getBytes(StandardCharsets.UTF_8), null, null);
        assertThat(a.text()).isEqualTo("Closed on Monday.");
        assertThat(a.excerpt()).isTrue();
    }

    @Test
    void scriptHooksDoNotMakeTheArticleFurniture() {
        ExtractedArticle a = extract("<section class=\"article-body js-truncate-related-to-size\">" + article("") + "</section>"
                + "<div class=\"related\"><a href=\"/a\">Another story about the council and its many plans</a></div>");
        assertArticleKept(a);
        assertThat(a.text()).doesNotContain("Another story");
    }

    @Test
    void theStandfirstInTheArticleHeaderIsKept() {
        String lead = "A long night of debate ended with a vote that few had expected, and a budget for the town.";
        ExtractedArticle a = extract("<article><header><h1>Council approves budget</h1>"
                + "<p class=\"article-lead\">" + lead + "</p></header><div class=\"article-body\"><p>" + P1
                + "</p><p>" + P2 + "</p><p>" + P3 + "</p></div></article>");
        assertArticleKept(a);
        assertThat(a.text()).startsWith(lead);
    }

    @Test
    void appealsAfterTheStoryAreRemoved() {
        ExtractedArticle a = extract(article("") + "<p>Subscribe now to our print edition for the full story.</p>"
                + "<p>Síguenos en Telegram, Instagram y Twitter.</p><p>© 2026 The Daily. All rights reserved.</p>");
        assertArticleKept(a);
        assertThat(a.text()).doesNotContain("Subscribe now", "Síguenos", "All rights reserved");
    }

    @Test
    void aShortParagraphMentioningSubscriptionsInsideTheStoryStays() {
        String middle = "Subscriptions to the bus pass rise too.";
        ExtractedArticle a = extract(article("<p>" + middle + "</p>"));
        assertThat(a.text()).contains(middle);
    }

    @Test
    void pictureCaptionsAndCreditsStayInTheHtmlButNotInTheText() {
        ExtractedArticle a = extract(article("<figure><img src=\"/hall.jpg\"><figcaption>The town hall at night "
                + "<span class=\"copyright\">Jan Vos/Reuters</span></figcaption></figure>"));
        assertArticleKept(a);
        assertThat(a.text()).doesNotContain("The town hall at night").doesNotContain("Jan Vos");
        assertThat(a.html()).contains("<figcaption>", "The town hall at night", "Jan Vos");
    }

    @Test
    void aForumThreadKeepsItsPosts() {
        String post = "<div class=\"forum-comment\"><div class=\"comment-text\">Since the update my phone cannot reach "
                + "the store any more, neither on wifi nor on mobile data, and I changed no setting at all.</div></div>";
        ExtractedArticle a = extract("<main><h1>Store unreachable</h1>" + post + post.replace("Since", "Same here: since")
                + "</main>");
        assertThat(a.text()).contains("cannot reach the store", "Same here");
    }

    @Test
    void pageBuilderWidgetsHoldingProseAreKept() {
        ExtractedArticle a = extract("<div class=\"elementor-widget-wrap\"><div class=\"elementor-widget "
                + "elementor-widget-text-editor\"><div class=\"elementor-widget-container\"><p>" + P1 + "</p><p>" + P2
                + "</p><p>" + P3 + "</p></div></div></div><div class=\"widget\"><a href=\"/1\">Most read story one</a> <a href=\"/2\">"
                + "Most read story two</a></div>");
        assertArticleKept(a);
        assertThat(a.text()).doesNotContain("Most read story");
    }

    @Test
    void aLinkInsideASentenceStaysWhateverItsClassSays() {
        ExtractedArticle a = extract(article("<p>I mean the <a class=\"popup\" href=\"javascript:void(0)\">law-copyists</a>"
                + " or <a class=\"popup\" href=\"#\">scriveners</a>, of whom as yet nothing that I know of has been written.</p>"
                + "<div class=\"popup\"><a href=\"/subscribe\">Subscribe to our newsletter</a></div>"));
        assertArticleKept(a);
        assertThat(a.text()).contains("I mean the law-copyists or scriveners, of whom").doesNotContain("Subscribe");
    }

    /** Nine more paragraphs of the same story: a box that holds clearly more than the others. */
    private static String longPart() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 9; i++) sb.append("<p>").append(P2.replace("Opposition members", "Speaker " + i)).append("</p>");
        return sb.toString();
    }

    @Test
    void anArticleCutIntoRepeatedWrappersIsGatheredInOrder() {
        ExtractedArticle a = extract("<article><h1>Council approves budget</h1>"
                + "<div class=\"story-body-supplemental\"><div class=\"story-body story-body-1\"><p>" + P1 + "</p><p>" + P3
                + "</p></div></div><div class=\"ad-slot\"><a href=\"/ad\">Buy now</a></div>"
                + "<div class=\"story-body-supplemental\"><div class=\"story-body story-body-2\"><p>" + P2 + "</p>" + longPart()
                + "</div><div class=\"supplemental\"><a href=\"/x\">More coverage of the council</a></div></div></article>");
        assertArticleKept(a);
        assertThat(a.text().indexOf(P1)).isLessThan(a.text().indexOf(P2));
        assertThat(a.text()).doesNotContain("Buy now");
    }

    @Test
    void aSiblingBoxNamedAsTheArticleJoinsEvenWhenItsProseSitsDeep() {
        String deep = "<section><div><div><div><div><p>" + P1 + "</p><p>" + P3 + "</p></div></div></div></div></section>";
        ExtractedArticle a = extract("<div id=\"post\"><div class=\"acf-content\">" + deep + "</div>"
                + "<figure><img src=\"/a.jpg\"></figure><div class=\"acf-content\"><p>" + P2 + "</p>" + longPart() + "</div></div>");
        assertArticleKept(a);
    }

    @Test
    void aScriptTemplateOfJsonIsNotTakenForMarkup() {
        String json = "{\"type\":\"Image\",\"caption\":\"<p>A caption escaped in JSON<\\/p>\",\"variant\":\"shortcode\","
                + "\"disableZoom\":true,\"filler\":\"" + "x".repeat(600) + "\"}";
        ExtractedArticle a = extract(article("<div><script type=\"text/template\"><![CDATA[" + json + "]]></script></div>"));
        assertArticleKept(a);
        assertThat(a.text()).doesNotContain("disableZoom", "shortcode", "escaped in JSON");
    }

    @Test
    void aDataTableWithABoxAndALinkInEveryCellKeepsItsCells() {
        StringBuilder table = new StringBuilder("<table><tbody>");
        String[][] rows = {{"Application", "Original size", "Patch size"}, {"Farm Heroes", "71.1 MB", "13.4 MB"},
            {"Google Maps", "32.7 MB", "17.5 MB"}, {"Gmail", "17.8 MB", "7.6 MB"}};
        for (String[] row : rows) {
            table.append("<tr>");
            for (int c = 0; c < row.length; c++) {
                String cell = c == 0 ? "<a href=\"/apps/" + row[c].hashCode() + "\">" + row[c] + "</a>" : row[c];
                table.append("<td><div dir=\"ltr\"><span>").append(cell).append("</span></div></td>");
            }
            table.append("</tr>");
        }
        ExtractedArticle a = extract(article(table.append("</tbody></table>").toString()));
        assertArticleKept(a);
        assertThat(a.text()).contains("Farm Heroes", "Google Maps", "Gmail", "17.5 MB");
        assertThat(a.html()).contains("<table>");
    }

    @Test
    void textBesideAPictureInItsFigureIsACaptionButATableInAFigureIsContent() {
        ExtractedArticle a = extract(article("<figure class=\"image\"><img src=\"/hall.jpg\"><span class=\"description\">"
                + "The town hall at night</span></figure><figure class=\"wp-block-table\"><table><tr><th>Item</th><th>Cost</th></tr>"
                + "<tr><td>Parking</td><td>2 euros an hour</td></tr></table></figure>"));
        assertArticleKept(a);
        assertThat(a.text()).doesNotContain("The town hall at night").contains("2 euros an hour");
        assertThat(a.html()).contains("The town hall at night");
    }

    @Test
    void aPageOfRepeatedSectionsKeepsTheTextOfEachSection() {
        String section = "<section class=\"PageSection\"><div class=\"SectionInner\"><article class=\"ImageText\"><img src=\"/%d.jpg\">"
                + "<header class=\"ImageText_Description\"><div class=\"Richtext_Block\">%s</div></header></article></div></section>";
        ExtractedArticle a = extract("<main><h1>Council approves budget</h1>"
                + String.format(section, 1, "<p>" + P1 + "</p><p>" + P1.replace("Tuesday", "Monday") + "</p>")
                + String.format(section, 2, "<p>" + P2 + "</p>" + longPart())
                + String.format(section, 3, "<p>" + P3 + "</p><p>" + P3.replace("January", "March") + "</p>") + "</main>");
        assertArticleKept(a);
        assertThat(a.text().indexOf(P1)).isLessThan(a.text().indexOf(P2));
        assertThat(a.text().indexOf(P2)).isLessThan(a.text().indexOf(P3));
    }

    @Test
    void aCreditLineInsideAPictureBoxGoesAndThePictureStays() {
        ExtractedArticle a = extract(article("<div class=\"single--image\"><img src=\"/hall.jpg\">"
                + "<div class=\"image--caption\">Foto: Instagram/the_town_hall_of_the_city</div></div>"));
        assertArticleKept(a);
        assertThat(a.text()).doesNotContain("Instagram");
        assertThat(a.html()).contains("hall.jpg");
    }
}
