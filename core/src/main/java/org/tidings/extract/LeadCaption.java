package org.tidings.extract;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.tidings.article.ImageCaption;

/**
 * The caption and credit of a page's lead picture, from what describes that very picture: a JSON-LD
 * {@code ImageObject} with its address, else the {@code <figcaption>} (or WordPress {@code wp-caption-text}) of the
 * {@code <figure>} that shows it. A figure is read only when every picture in it is the lead picture: a gallery's
 * caption, or the caption of another picture, is never taken (a wrong caption is worse than none). Read before the
 * page is cleaned.
 */
final class LeadCaption {

    /** Query parameters that ask for a size, crop, quality or format of one picture, or sign such a request. */
    private static final Set<String> SIZING = Set.of("w", "h", "width", "height", "resize", "fit", "crop", "quality", "q",
            "auto", "format", "fm", "dpr", "ssl", "strip", "s", "size", "maxwidth", "maxheight", "mw", "mh", "scale",
            "compress", "impolicy", "imwidth", "itok", "output-quality", "output-format");

    /** WordPress's resized copies: "harbour-1024x576.jpg" is "harbour.jpg". */
    private static final Pattern RESIZED_COPY = Pattern.compile("-\\d{2,5}x\\d{2,5}(?=\\.[A-Za-z0-9]{3,4}$)");

    private static final String CONTAINERS = "figure, .wp-caption";
    private static final String CAPTIONS = "figcaption, .wp-caption-text";
    private static final String CREDITS = "[class*=credit], [class*=copyright], [class*=photographer], "
            + "[itemprop=copyrightHolder], [itemprop=creditText], [itemprop=author]";

    private LeadCaption() {}

    /** The caption of the picture at {@code leadImage} (an absolute address), or {@link ImageCaption#NONE}. */
    static ImageCaption find(Document doc, StructuredData ld, String leadImage, String baseUrl, String headline) {
        if (leadImage == null) return ImageCaption.NONE;
        String caption = null;
        String credit = null;
        for (StructuredData.Picture picture : ld.pictures()) {
            if (picture.urls().stream().noneMatch(url -> samePicture(absolute(doc, url, baseUrl), leadImage))) continue;
            caption = picture.caption();
            credit = picture.credit();
            break;
        }
        if (caption == null || credit == null) {
            for (Element figure : doc.select(CONTAINERS)) {
                Element captionElement = captionOf(figure);
                if (captionElement == null || !showsOnly(figure, leadImage)) continue;
                Element text = captionElement.clone();
                text.select("button, script, style, svg, noscript").remove();
                for (Element c : text.select(CREDITS)) {
                    if (credit == null) credit = c.text();
                    c.remove();
                }
                if (caption == null) caption = text.text();
                break;
            }
        }
        ImageCaption found = ImageCaption.of(caption, credit);
        return found.text() != null && headline != null && found.text().equalsIgnoreCase(headline.strip())
                ? new ImageCaption(null, found.credit()) : found;
    }

    /** The container's own caption: not one of a figure inside it. */
    private static Element captionOf(Element container) {
        for (Element caption : container.select(CAPTIONS)) {
            Element owner = caption.parent();
            while (owner != null && owner != container && !owner.is(CONTAINERS)) owner = owner.parent();
            if (owner == container) return caption;
        }
        return null;
    }

    /**
     * True when the container shows a picture and each of its pictures is the lead picture, by any of its addresses
     * ({@code src}, {@code srcset}, the {@code data-} attributes of lazy loading, a {@code <picture>}'s sources).
     */
    private static boolean showsOnly(Element container, String leadImage) {
        boolean any = false;
        for (Element img : container.select("img, amp-img")) {
            List<String> urls = addresses(img);
            if (img.parent() != null && img.parent().nameIs("picture")) {
                for (Element source : img.parent().select("source")) urls.addAll(addresses(source));
            }
            if (urls.isEmpty()) continue; // a placeholder
            if (urls.stream().noneMatch(url -> samePicture(url, leadImage))) return false;
            any = true;
        }
        return any;
    }

    /** The element's picture addresses, absolute; inline data (a lazy loader's placeholder) left out. */
    private static List<String> addresses(Element e) {
        List<String> urls = new ArrayList<>();
        for (Attribute a : e.attributes()) {
            String name = a.getKey().toLowerCase(Locale.ROOT);
            boolean set = name.endsWith("srcset");
            if (!set && !name.endsWith("src") && !name.equals("data-original") && !name.equals("data-url")) continue;
            for (String candidate : set ? a.getValue().split(",\\s+|,(?=\\S+\\s+\\d)") : new String[] {a.getValue()}) {
                String url = candidate.strip().split("\\s+")[0];
                if (url.isEmpty() || url.startsWith("data:")) continue;
                String abs = absolute(e.ownerDocument(), url, e.baseUri());
                if (abs != null) urls.add(abs);
            }
        }
        return urls;
    }

    private static String absolute(Document doc, String url, String baseUrl) {
        if (url == null) return null;
        Element a = new Element("a").attr("href", url);
        a.setBaseUri(baseUrl == null || baseUrl.isEmpty() ? (doc == null ? "" : doc.location()) : baseUrl);
        String abs = a.absUrl("href");
        return abs.isEmpty() ? null : abs;
    }

    /**
     * True when two absolute addresses are the same picture: the same host and path (http or https alike, a WordPress
     * resized copy as its original), and the same query but for parameters that only size it. Anything else, a
     * different path or an identifying parameter, is another picture.
     */
    static boolean samePicture(String a, String b) {
        if (a == null || b == null) return false;
        if (a.equals(b)) return true;
        URI x = uri(a);
        URI y = uri(b);
        if (x == null || y == null || x.getHost() == null || y.getHost() == null) return false;
        return x.getHost().equalsIgnoreCase(y.getHost()) && x.getPort() == y.getPort()
                && RESIZED_COPY.matcher(path(x)).replaceFirst("").equals(RESIZED_COPY.matcher(path(y)).replaceFirst(""))
                && identifying(x).equals(identifying(y));
    }

    private static URI uri(String url) {
        try {
            URI u = new URI(url.strip().replace(" ", "%20").replace("|", "%7C"));
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? u : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String path(URI u) {
        return u.getPath() == null || u.getPath().isEmpty() ? "/" : u.getPath();
    }

    /** The query's parameters that say which picture, sorted. */
    private static List<String> identifying(URI u) {
        if (u.getRawQuery() == null) return List.of();
        List<String> kept = new ArrayList<>();
        for (String pair : u.getRawQuery().split("&")) {
            if (pair.isEmpty()) continue;
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!SIZING.contains(name)) kept.add(pair);
        }
        kept.sort(null);
        return kept;
    }
}
