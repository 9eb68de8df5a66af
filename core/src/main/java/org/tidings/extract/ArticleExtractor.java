package org.tidings.extract;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;
import org.tidings.article.ImageCaption;
import org.tidings.html.HtmlSanitizer;
import org.tidings.html.PageDecoder;

/**
 * An article's text (sanitized HTML and plain) and metadata, found by {@link ContentFinder}. Never
 * throws: bytes and nesting are capped, and a page without an article yields an empty excerpt.
 */
public final class ArticleExtractor {

    /** Bytes of a page that are read; the rest is cut (bounds memory and time on hostile input). */
    public static final int MAX_BYTES = PageDecoder.MAX_BYTES;

    /** jsoup closes elements deeper than this: bounds time and stack on hostile nesting; real
     * pages stay below ~60 levels. */
    static final int MAX_DEPTH = 256;

    /** The JSON-LD body replaces the page's text only when clearly longer: it is the whole article
     * while the page shows a teaser or renders the text with scripts. */
    private static final double STRUCTURED_BODY_ADVANTAGE = 1.5;
    private static final int STRUCTURED_BODY_MIN_CHARS = 500;

    /** A page yielding less text than this without its comment sections is read again with them:
     * a forum thread or a live commentary is all "comments". */
    private static final int COMMENTS_FALLBACK_BELOW_CHARS = 300;

    /** What a picture, a PDF or any other document that is not a web page gives: no text, an excerpt at most. */
    private static final ExtractedArticle NOT_A_PAGE =
            new ExtractedArticle(null, null, null, null, null, null, null, null, null, null, null, true, "", "", null);

    private ArticleExtractor() {}

    /** A web page, by its declared type: HTML, XHTML, XML or text; no type, or a server's "any bytes", may be anything. */
    private static boolean isPage(String contentType) {
        if (contentType == null || contentType.isBlank()) return true;
        String type = contentType.strip().toLowerCase(java.util.Locale.ROOT);
        return type.startsWith("text/") || type.contains("html") || type.contains("xml") || type.startsWith("application/octet-stream");
    }

    /** The article in a page's bytes (null or empty: an empty article); the HTTP Content-Type
     * header and the page's URL, which resolves relative links, may be null. */
    public static ExtractedArticle extract(byte[] body, String contentType, String url) {
        if (!isPage(contentType)) return NOT_A_PAGE;
        String baseUrl = url == null ? "" : url;
        String page = PageDecoder.decode(body, contentType);
        Document doc = parse(page, baseUrl);
        PageMetadata meta = PageMetadata.read(doc, baseUrl);
        // before cleaning, which takes figures apart; a picture found in the text only has its caption there
        ImageCaption caption = LeadCaption.find(doc, meta.structured(), meta.image(), baseUrl, meta.title());
        boolean paywallSign = Teasers.hasPaywallSign(doc, meta.structured());
        Element content = mainContent(doc, meta, false);
        String text = ArticleHtml.text(content);
        if (text.length() < COMMENTS_FALLBACK_BELOW_CHARS) {
            Document again = parse(page, baseUrl);
            if (hasComments(again)) {
                Element withComments = mainContent(again, meta, true);
                String longer = ArticleHtml.text(withComments);
                if (longer.length() > text.length()) {
                    content = withComments;
                    text = longer;
                }
            }
        }
        String html = content.html();
        String structuredBody = meta.structured().articleBody();
        if (structuredBody != null && structuredBody.length() >= STRUCTURED_BODY_MIN_CHARS
                && structuredBody.length() > text.length() * STRUCTURED_BODY_ADVANTAGE) {
            text = StructuredBody.paragraphs(structuredBody);
            html = asHtml(text);
        }
        boolean excerpt = Teasers.isTeaser(paywallSign, text);
        if (text.isBlank() && meta.description() != null) {
            text = meta.description();
            html = asHtml(text);
        }
        return new ExtractedArticle(meta.title(), meta.byline(), meta.published(), meta.modified(), meta.lang(),
                meta.siteName(), meta.image() != null ? meta.image() : firstImage(content), meta.canonicalUrl(),
                meta.section(), meta.keywords(), meta.description(), excerpt, text,
                HtmlSanitizer.sanitize(html, baseUrl.isEmpty() ? null : baseUrl), meta.image() != null ? caption : ImageCaption.NONE);
    }

    /** Furniture out, the article's boxes found, cleaned and given a plain structure. */
    private static Element mainContent(Document doc, PageMetadata meta, boolean keepComments) {
        PageCleaning.prepare(doc, keepComments);
        Element content = new Element("div");
        content.setBaseUri(doc.body().baseUri());
        for (Element e : ContentFinder.find(doc.body())) content.appendChild(e.nameIs("body") ? e.tagName("div") : e);
        ContentCleaner.clean(content, meta.title(), meta.byline());
        ArticleHtml.normalize(content);
        return content;
    }

    private static boolean hasComments(Document doc) {
        return doc.body().getAllElements().stream().anyMatch(e -> Boilerplate.isComments(Boilerplate.words(e)));
    }

    private static Document parse(String html, String baseUrl) {
        return Parser.htmlParser().setMaxDepth(MAX_DEPTH).parseInput(html, baseUrl);
    }

    private static String asHtml(String text) {
        return Arrays.stream(text.split("\n\n")).map(p -> "<p>" + Entities.escape(p) + "</p>").collect(Collectors.joining());
    }

    private static String firstImage(Element content) {
        Element img = content.selectFirst("img[src]");
        return img == null ? null : img.attr("src");
    }
}
