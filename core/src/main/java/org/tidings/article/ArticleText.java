package org.tidings.article;

import org.tidings.html.HtmlText;

/**
 * What an article says, by the one rule every stage and page follows. Its body is the main content
 * of its page once extracted, else the feed's content, else the feed's summary; its text is the
 * body's plain text in paragraphs (what enrichment, stories, search, related articles and
 * summaries read); its lead is the opening that lists, feeds and the story desk show or compare:
 * the feed's summary when it says more than the headline, else the start of the body.
 *
 * @param html    the body, sanitized HTML (never null; empty when the entry had only a headline)
 * @param text    the body's text, paragraphs separated by a blank line
 * @param lead    the opening, plain text of at most {@link #LEAD_CHARS} characters, cut at a word
 * @param excerpt true when the body is only a teaser: the feed gave a summary alone, or the page held no more
 */
public record ArticleText(String html, String text, String lead, boolean excerpt) {

    /** The longest lead kept: the story desk compares the first thousand characters, lists show far fewer. */
    public static final int LEAD_CHARS = 1000;
    /** A summary shorter than this, once a repeated headline is taken off, says nothing a lead needs. */
    static final int MIN_SUMMARY_CHARS = 40;

    public static final ArticleText NONE = new ArticleText("", "", "", true);

    /** The body of a feed entry: its content, else its summary (both sanitized HTML, either may be null). */
    public static ArticleText ofFeed(String title, String summaryHtml, String contentHtml) {
        boolean hasContent = contentHtml != null && !contentHtml.isBlank();
        String html = hasContent ? contentHtml : summaryHtml == null ? "" : summaryHtml;
        String text = HtmlText.paragraphs(html);
        String summary = hasContent ? HtmlText.paragraphs(summaryHtml) : text;
        return new ArticleText(html, text, lead(title, summary, text), !hasContent);
    }

    /**
     * The body of an article whose page was extracted ({@code pageHtml} and {@code pageText} are
     * the extractor's); the feed's summary stays the lead when it says more than the headline.
     */
    public static ArticleText ofPage(String title, String summaryHtml, String pageHtml, String pageText) {
        return new ArticleText(pageHtml, pageText, lead(title, HtmlText.paragraphs(summaryHtml), pageText), false);
    }

    /** The lead: the summary with a repeated headline taken off, unless that leaves too little; else the body's start. */
    static String lead(String title, String summary, String body) {
        String fromSummary = withoutHeadline(title, summary);
        if (fromSummary.length() >= MIN_SUMMARY_CHARS) return cut(fromSummary, LEAD_CHARS);
        return cut(withoutHeadline(title, body), LEAD_CHARS);
    }

    /** The text, less a first paragraph or opening that only repeats the headline. */
    private static String withoutHeadline(String title, String text) {
        String t = text == null ? "" : text.strip();
        if (title == null || title.isBlank()) return t;
        String head = title.strip();
        if (t.regionMatches(true, 0, head, 0, head.length())) {
            String rest = t.substring(head.length());
            if (rest.isEmpty() || !Character.isLetterOrDigit(rest.codePointAt(0))) {
                return rest.replaceFirst("^[\\s.:;,|–—-]+", "");
            }
        }
        return t;
    }

    /**
     * {@code text} in at most {@code max} characters, cut after a whole word and marked with an
     * ellipsis when anything was left out; paragraph breaks become spaces.
     */
    public static String cut(String text, int max) {
        String t = text == null ? "" : text.strip().replaceAll("\\s*\\n\\s*", " ");
        if (t.length() <= max) return t;
        int space = t.lastIndexOf(' ', max - 1);
        return t.substring(0, space > max / 2 ? space : max - 1).stripTrailing() + "…";
    }
}
