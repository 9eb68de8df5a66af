package org.tidings.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tidings.article.ImageCaption;
import org.tidings.dates.DateReader;
import org.tidings.url.PictureUrls;

/**
 * Reads any feed document (RSS 0.9x-2.0, RSS 1.0, Atom 0.3/1.0, JSON Feed 1.0/1.1) liberally: a
 * document that is not well-formed is recovered as far as possible and flagged "bozo" with the
 * reason. HTML values are sanitized, URLs resolved, dates normalized to UTC. Stages: {@link FeedDecoding},
 * {@link XmlReader} (hand-written: a strict parser stops at the first error, a feed reader must not),
 * then {@link XmlFeedReader} or {@link JsonFeedReader} onto feedparser's model ({@link FeedDocument}).
 */
public final class FeedParser {

    /** Above the fetcher's default response cap (10 MB), so nothing it accepts is cut; bounds one document. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    private FeedParser() {}

    public static ParsedFeed parse(byte[] body, String contentType, String url) {
        return toParsedFeed(read(body, contentType, url));
    }

    /** The full feedparser-model result; {@link FeedparserJson} and {@link #parse} are views of it. */
    static FeedDocument read(byte[] body, String contentType, String url) {
        return read(body, contentType, url, null);
    }

    /** @param contentLanguage the HTTP Content-Language header: the language of whatever does not say its own */
    static FeedDocument read(byte[] body, String contentType, String url, String contentLanguage) {
        List<String> problems = new ArrayList<>();
        if (body != null && body.length > MAX_BYTES) problems.add("document larger than " + MAX_BYTES + " bytes; truncated");
        byte[] bytes = upToLimit(body);
        FeedDecoding.Decoded decoded = FeedDecoding.decode(bytes, contentType);
        problems.addAll(decoded.problems());
        if (JsonFeedReader.looksLikeJson(decoded.text(), contentType)) {
            return JsonFeedReader.read(decoded.text(), decoded.encoding(), url, problems);
        }
        XmlReader.Document xml = XmlReader.readFeed(decoded.text(), url, contentLanguage);
        return XmlFeedReader.read(xml, decoded.encoding(), problems);
    }

    /** {@code body} (null as no bytes) cut at {@link #MAX_BYTES}. */
    static byte[] upToLimit(byte[] body) {
        return body == null ? new byte[0] : body.length > MAX_BYTES ? Arrays.copyOf(body, MAX_BYTES) : body;
    }

    static ParsedFeed toParsedFeed(FeedDocument doc) {
        Map<String, Object> feed = doc.feed();
        // Atom (RFC 4287 section 4.2.1): an entry without an author has the feed's authors.
        String inheritedAuthor = doc.version().startsWith("atom") ? authorName(feed) : null;
        List<FeedEntry> entries = new ArrayList<>(doc.entries().size());
        for (Map<String, Object> entry : doc.entries()) entries.add(toEntry(entry, inheritedAuthor));
        return new ParsedFeed(doc.version(), doc.bozo(), doc.bozoReason(), doc.encoding(),
                plainTitle(feed), Urls.fetchable((String) feed.get("link")), (String) feed.get("language"), entries, doc.leftOut());
    }

    private static FeedEntry toEntry(Map<String, Object> e, String inheritedAuthor) {
        String author = e.get("author") instanceof String ? authorName(e) : inheritedAuthor;
        String id = (String) (e.containsKey(FeedModel.ID_AS_WRITTEN) ? e.get(FeedModel.ID_AS_WRITTEN) : e.get("id"));
        String image = imageUrl(e);
        return new FeedEntry(id, pageLink(e), plainTitle(e),
                asHtml(map(e.get("summary_detail"))), content(e),
                author, instant(e, "published"), instant(e, "updated"), tags(e), image, imageCaption(e, image));
    }

    /**
     * The link, fit to fetch, unless it is a guid that names no web page (feedparser takes any permalink guid as
     * the link).
     */
    private static String pageLink(Map<String, Object> e) {
        String link = (String) e.get("link");
        boolean fromGuid = Boolean.TRUE.equals(e.get("guidislink")) && link != null && link.equals(e.get("id"));
        return fromGuid && !(link.startsWith("http:") || link.startsWith("https:")) ? null : Urls.fetchable(link);
    }

    /** The author's name ("Jo Doe" of "jo@example.com (Jo Doe)"), else what the feed wrote. */
    private static String authorName(Map<String, Object> m) {
        Map<String, Object> detail = map(m.get("author_detail"));
        return detail != null && detail.get("name") instanceof String name ? name : (String) m.get("author");
    }

    private static String plainTitle(Map<String, Object> m) {
        Map<String, Object> detail = map(m.get("title_detail"));
        if (detail == null) return null;
        String value = (String) detail.get("value");
        String text = "text/plain".equals(detail.get("type")) ? value : Html.toText(value);
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String content(Map<String, Object> e) {
        Object content = e.get("content");
        if (!(content instanceof List<?> list) || list.isEmpty()) return null;
        for (Object c : list) {
            Map<String, Object> detail = map(c);
            if (detail != null && !"text/plain".equals(detail.get("type"))) return asHtml(detail);
        }
        return asHtml(map(list.get(0)));
    }

    private static String asHtml(Map<String, Object> detail) {
        if (detail == null) return null;
        String value = (String) detail.get("value");
        if (value == null || value.isBlank()) return null;
        return "text/plain".equals(detail.get("type")) ? Html.escape(value) : Html.sanitize(value, (String) detail.get("base"));
    }

    /** The date as feedparser read it, else as {@link DateReader}, which reads more, reads the text. */
    private static Instant instant(Map<String, Object> e, String name) {
        Instant parsed = FeedModel.instantOf(e.get(name + "_parsed"));
        return parsed != null || !(e.get(name) instanceof String raw) ? parsed : DateReader.parse(raw);
    }

    private static List<String> tags(Map<String, Object> e) {
        List<String> out = new ArrayList<>();
        if (e.get("tags") instanceof List<?> tags) {
            for (Object t : tags) {
                Map<String, Object> tag = map(t);
                Object term = tag.get("label") != null ? tag.get("label") : tag.get("term");
                if (term instanceof String s && !s.isBlank() && !out.contains(s)) out.add(s);
            }
        }
        return out;
    }

    private static String imageUrl(Map<String, Object> e) {
        String url = firstUrl(e.get("media_thumbnail"), "url", false);
        if (url == null) url = firstUrl(e.get("media_content"), "url", true);
        if (url == null) url = firstUrl(e.get("enclosures"), "href", true);
        if (url != null) return url;
        Map<String, Object> image = map(e.get("image"));
        return image == null ? null : (String) image.get("href");
    }

    /**
     * The Media RSS description and credit of the entry's picture. Media RSS gives them to the media objects of the
     * element they are in (a media:content, a media:group, the item), which the model does not keep apart; so they are
     * the picture's only when every media object of the entry is that one picture (its sizes, its thumbnail): with a
     * video, or a second picture, they may describe another.
     */
    private static ImageCaption imageCaption(Map<String, Object> e, String image) {
        if (image == null || !(e.get(FeedModel.MEDIA_DESCRIPTION) instanceof String) && !(e.get("media_credit") instanceof List<?>)) {
            return ImageCaption.NONE;
        }
        List<Object> media = new ArrayList<>();
        for (String key : List.of("media_content", "media_thumbnail")) {
            if (e.get(key) instanceof List<?> items) media.addAll(items);
        }
        if (media.isEmpty()) return ImageCaption.NONE;
        for (Object item : media) {
            Map<String, Object> m = map(item);
            if (m == null || !(m.get("url") instanceof String url) || !PictureUrls.samePicture(url, image)) return ImageCaption.NONE;
            if (m.get("medium") instanceof String medium && !medium.equals("image")) return ImageCaption.NONE;
            if (m.get("type") instanceof String type && !type.startsWith("image/")) return ImageCaption.NONE;
        }
        String credit = null;
        if (e.get("media_credit") instanceof List<?> credits) {
            for (Object c : credits) {
                Map<String, Object> m = map(c);
                if (m != null && m.get("content") instanceof String text && !text.isBlank()) {
                    credit = text;
                    break;
                }
            }
        }
        return ImageCaption.of((String) e.get(FeedModel.MEDIA_DESCRIPTION), credit);
    }

    private static String firstUrl(Object list, String key, boolean imagesOnly) {
        if (!(list instanceof List<?> items)) return null;
        for (Object item : items) {
            Map<String, Object> m = map(item);
            if (m == null || !(m.get(key) instanceof String url)) continue;
            if (!imagesOnly || isImage(m)) return url;
        }
        return null;
    }

    private static boolean isImage(Map<String, Object> m) {
        return "image".equals(m.get("medium")) || (m.get("type") instanceof String t && t.startsWith("image/"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }
}
