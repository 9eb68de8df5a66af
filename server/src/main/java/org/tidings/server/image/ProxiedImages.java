package org.tidings.server.image;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Publishers' images loaded from Tidings, so a reader's browser makes no third-party request. The key is a
 * digest of the image's address, and the proxy serves only the images of that article: it is no open proxy.
 */
public final class ProxiedImages {

    /** Hex digits of the address digest in an image's path: collisions within one article are out of reach. */
    private static final int KEY_CHARS = 16;
    /** Rewritten article texts kept: the most read articles' texts are parsed once, not on every view. */
    private static final int REWRITTEN = 1024;

    /** How wide a picture in an article's text is shown: the text's column (app.css), or the whole screen on a phone. */
    private static final String TEXT_SIZES = "(max-width: 42rem) 100vw, 42rem";

    private static final Map<String, String> CACHE = Collections.synchronizedMap(new LinkedHashMap<>(REWRITTEN, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REWRITTEN;
        }
    });

    private ProxiedImages() {}

    /** The proxy path of one of an article's images, or null when there is no image. */
    public static String path(long articleId, String imageUrl) {
        if (imageUrl == null || !(imageUrl.startsWith("https://") || imageUrl.startsWith("http://"))) return null;
        return "/image/" + articleId + "/" + key(imageUrl);
    }

    /**
     * The {@code srcset} of a picture whose relay path is {@code path}: its thumbnails at each of the widths they come
     * in, for the browser to pick from by the {@code sizes} the page gives and the screen's density.
     */
    public static String srcset(String path) {
        StringBuilder set = new StringBuilder();
        for (int width : Thumbnailer.WIDTHS) {
            if (!set.isEmpty()) set.append(", ");
            set.append(path).append('/').append(width).append(' ').append(width).append('w');
        }
        return set.toString();
    }

    /** The thumbnail of a picture whose relay path is {@code path}, {@code width} wide: the {@code src} of browsers without {@code srcset}. */
    public static String thumbnail(String path, int width) {
        return path + "/" + width;
    }

    /**
     * The article's sanitized text with its images lazily loaded through the proxy as thumbnails, each picture by its
     * {@code <img>}. A figure whose picture cannot be shown loses its caption too: a caption without its picture
     * describes nothing the reader sees.
     */
    public static String rewrite(long articleId, String html) {
        if (html == null || html.isBlank() || !html.contains("<img") && !html.contains("<source")) return html;
        String cacheKey = articleId + ":" + html.length() + ":" + html.hashCode();
        String cached = CACHE.get(cacheKey);
        if (cached != null) return cached;
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        doc.select("source").remove();
        List<Element> withoutPicture = new ArrayList<>();
        for (Element img : doc.select("img")) {
            String proxied = path(articleId, img.attr("src"));
            if (proxied == null) {
                Element figure = img.closest("figure");
                if (figure != null) withoutPicture.add(figure);
                img.remove();
                continue;
            }
            img.attr("src", thumbnail(proxied, 640)).attr("srcset", srcset(proxied)).attr("sizes", TEXT_SIZES)
                    .attr("loading", "lazy").attr("decoding", "async");
            if (!img.hasAttr("alt")) img.attr("alt", "");
        }
        for (Element figure : withoutPicture) {
            if (figure.selectFirst("img") != null) continue;
            figure.select("figcaption").remove();
            if (figure.text().isBlank() && figure.selectFirst("table, blockquote, pre, ul, ol") == null) figure.remove();
        }
        String rewritten = doc.body().html();
        CACHE.put(cacheKey, rewritten);
        return rewritten;
    }

    /** The image {@code key} names among those an article shows: its lead image and those in its text. */
    static Optional<String> address(String key, String leadImage, String html) {
        Stream<String> inText = html == null || !html.contains("<img") ? Stream.empty()
                : Jsoup.parseBodyFragment(html).select("img[src]").stream().map(img -> img.attr("src"));
        return Stream.concat(Stream.ofNullable(leadImage), inText).filter(address -> key(address).equals(key)).findFirst();
    }

    static String key(String url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, KEY_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
