package org.tidings.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.tidings.article.ImageCaption;
import org.tidings.url.PictureUrls;

/**
 * The caption and credit of a page's lead picture, from what describes that very picture: the {@code <figcaption>}
 * (or WordPress {@code wp-caption-text}) of the {@code <figure>} that shows it, else a JSON-LD {@code ImageObject} with
 * its address. A figure is read only when every picture in it is the lead picture: a gallery's
 * caption, or the caption of another picture, is never taken (a wrong caption is worse than none). Read before the
 * page is cleaned.
 */
final class LeadCaption {

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
        // the caption readers see first; then the page's metadata, whose "caption" is at times the picture's title or alt text
        for (Element figure : doc.select(CONTAINERS)) {
            Element captionElement = captionOf(figure);
            if (captionElement == null || !showsOnly(figure, leadImage)) continue;
            Element text = captionElement.clone();
            text.select("button, script, style, svg, noscript").remove();
            for (Element c : text.select(CREDITS)) {
                if (credit == null) credit = c.text();
                c.remove();
            }
            caption = text.text();
            break;
        }
        if (caption == null || caption.isBlank() || credit == null) {
            for (StructuredData.Picture picture : ld.pictures()) {
                if (picture.urls().stream().noneMatch(url -> PictureUrls.samePicture(absolute(doc, url, baseUrl), leadImage))) continue;
                if (caption == null || caption.isBlank()) caption = picture.caption();
                if (credit == null) credit = picture.credit();
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
            if (urls.stream().noneMatch(url -> PictureUrls.samePicture(url, leadImage))) return false;
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
}
