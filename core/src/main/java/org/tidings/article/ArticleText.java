package org.tidings.article;

import org.tidings.html.HtmlText;

/**
 * What an article says, by the one rule every stage and page follows (enrichment, stories, search,
 * related articles and summaries read {@code text}; lists, feeds and the story desk show {@code lead}).
 *
 * @param html    the body, sanitized HTML: the extracted page, else the feed's content, else its summary; never null
 * @param text    the body's text, paragraphs separated by a blank line
 * @param lead    the summary when it says more than the headline, else the body's start; at most {@link #LEAD_CHARS}, cut at a word
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

    /** {@code pageHtml} and {@code pageText} are the extractor's. */
    public static ArticleText ofPage(String title, String summaryHtml, String pageHtml, String pageText) {
        return new ArticleText(pageHtml, pageText, lead(title, HtmlText.paragraphs(summaryHtml), pageText), false);
    }

    static String lead(String title, String summary, String body) {
        String fromSummary = withoutHeadline(title, summary);
        return cut(fromSummary.length() >= MIN_SUMMARY_CHARS ? fromSummary : withoutHeadline(title, body), LEAD_CHARS);
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

    /** At most {@code max} characters, cut after a whole word with an ellipsis; paragraph breaks become spaces. */
    public static String cut(String text, int max) {
        String t = text == null ? "" : text.strip().replaceAll("\\s*\\n\\s*", " ");
        if (t.length() <= max) return t;
        int space = t.lastIndexOf(' ', max - 1);
        return t.substring(0, space > max / 2 ? space : max - 1).stripTrailing() + "…";
    }
}
