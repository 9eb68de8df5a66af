package org.tidings.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Recognises page furniture by the words in an element's class, id and role: navigation, share
 * bars, related lists, newsletter and subscription prompts, cookie notices, ads and comments.
 * Matching is per word ("post-share-tools" has the word "share"), never per substring, so that
 * "shadow", "header-image" or "download" are not mistaken for "ad".
 */
final class Boilerplate {

    /** Words that mark furniture wherever they appear. */
    private static final Set<String> FURNITURE = Set.of("nav", "navbar", "navigation", "menu", "menus",
            "breadcrumb", "breadcrumbs", "footer", "sidebar", "share", "sharing",
            "social", "related", "recommended", "recommendations", "newsletter", "subscribe",
            "subscription", "signup", "cookie", "cookies", "consent", "gdpr", "ad", "ads", "advert",
            "adverts", "advertisement", "advertising", "sponsor", "sponsored", "promo", "promotion",
            "popup", "modal", "masthead", "pagination", "pager", "comment", "comments", "disqus",
            "outbrain", "taboola", "tags", "tagcloud", "toolbar", "skip", "login", "overlay", "banner",
            "print", "sharebar", "addthis", "sharedaddy", "rating", "rss", "follow", "donate",
            "paywall", "trending", "popular", "mostread", "most", "readmore", "more", "teaserlist",
            "shop", "cart", "dialog", "noprint", "offscreen", "sronly", "sr", "postmetadata", "ratings");

    /** Word prefixes for compounds without separators ("sharebuttons", "relatedposts"). */
    private static final List<String> FURNITURE_PREFIXES = List.of("share", "social", "related",
            "newsletter", "subscri", "cookie", "consent", "advert", "sponsor", "promo", "comment", "kommentar",
            "breadcrumb", "sidebar", "popup", "outbrain", "taboola", "disqus", "paywall",
            "pagination", "recommend", "adsbygoogle", "adslot", "adunit", "adcontainer", "adwrapper");

    /** Furniture that is removed whatever its size: these sections often outweigh the article. */
    private static final List<String> ALWAYS_PREFIXES = List.of("comment", "kommentar", "disqus", "cookie", "consent",
            "newsletter", "related", "outbrain", "taboola", "recommend", "gdpr");

    /** Words around the article that are furniture only when small: "article-meta", "byline". */
    private static final Set<String> SMALL_FURNITURE = Set.of("meta", "byline", "author", "authors",
            "date", "dateline", "time", "timestamp", "published", "updated", "header", "caption-credit",
            "credit", "credits", "bio", "profile", "avatar", "kicker",
            "eyebrow", "category", "categories", "topics", "keywords");

    /** Words that suggest the main text; they give a container a bonus when scoring. */
    private static final Set<String> CONTENT = Set.of("article", "body", "content", "entry", "main",
            "post", "story", "text", "blog", "hentry", "prose", "richtext", "articlebody", "storycontent",
            "postcontent", "entrycontent", "page", "single", "news", "inhalt", "artikel", "contenido",
            "contenu", "testo", "corpo", "tresc");

    /** Words that name the article's lead paragraph (standfirst), which often sits outside the body box. */
    private static final Set<String> LEAD = Set.of("lead", "leadin", "intro", "introduction", "standfirst",
            "summary", "deck", "dek", "subtitle", "subheadline", "subhead", "abstract", "excerpt", "chapeau",
            "chapo", "sapo", "bajada", "entradilla", "vorspann", "teaser", "anreisser", "lede", "strapline", "sommario", "description");

    static boolean isLead(Element e) {
        return words(e).stream().anyMatch(LEAD::contains);
    }

    /** Words that mark a comment, a widget or a list of other articles. */
    private static final Set<String> UNLIKELY = Set.of("footer", "sidebar", "comment", "comments",
            "share", "social", "related", "nav", "menu", "ad", "ads", "promo", "sponsor",
            "sponsored", "banner", "combx", "community", "masthead", "pager", "pagination", "popup",
            "tweet", "twitter", "shoutbox", "agegate", "foot", "rss", "contact", "remark", "legends",
            "outbrain", "taboola", "newsletter", "subscribe", "cookie", "teaser", "teasers", "more", "author", "bio");

    /** A whole element that says only this is a label for an ad or a share button, not text. */
    private static final Pattern LABEL = Pattern.compile("(?iu)^(advertisement|advertisment|anzeige|werbung|"
            + "publicité|publicidad|pubblicità|reklama|reklame|advertentie|sponsored|sponsored content|"
            + "story continues below( this)? (ad|advertisement)|continue reading( below)?|"
            + "scroll to continue with content|share( this)?( article| story| post)?|share on \\w+|"
            + "tweet|email|print|whatsapp|facebook|twitter|linkedin|pinterest|reddit|"
            + "read more|weiterlesen|lire la suite|leer más|leggi anche|mehr zum thema|"
            + "related( articles| stories| posts)?|most read|trending|skip to (main )?content|"
            + "subscribe|sign up|follow us|comments?|kommentare|commentaires|\\d+ comments?|"
            + "copy link|copied|link copied|image|photo|video|close|menu|search|top|back to top)[.:!]?$");

    private Boilerplate() {}

    /** The words of class, id, role and itemprop: split at non-letters and at camelCase humps.
     * Script hooks ("js-truncate-related", "js_readmore") name behaviour, not content: skipped. */
    static List<String> words(Element e) {
        List<String> words = new ArrayList<>();
        if (e.attributesSize() == 0) return words;
        for (String attr : new String[] {"class", "id", "role", "itemprop"}) split(e.attr(attr), words);
        return words;
    }

    private static void split(String raw, List<String> words) {
        int start = -1;
        for (int i = 0; i <= raw.length(); i++) {
            if (isScriptHook(raw, i)) {
                while (i < raw.length() && !Character.isWhitespace(raw.charAt(i))) i++;
            }
            char c = i < raw.length() ? raw.charAt(i) : ' ';
            boolean letter = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            boolean upper = c >= 'A' && c <= 'Z';
            boolean hump = upper && i > 0 && Character.isLowerCase(raw.charAt(i - 1));
            if ((!letter && !upper) || hump) {
                if (start >= 0) words.add(raw.substring(start, i).toLowerCase(Locale.ROOT));
                start = hump ? i : -1;
            } else if (start < 0) {
                start = i;
            }
        }
    }

    /** A class token starting at {@code i} with "js-" or "js_". */
    private static boolean isScriptHook(String raw, int i) {
        return raw.startsWith("js", i) && i + 2 < raw.length() && (raw.charAt(i + 2) == '-' || raw.charAt(i + 2) == '_')
                && (i == 0 || Character.isWhitespace(raw.charAt(i - 1)));
    }

    /** "Widget" names a sidebar box on blogs but every box of a page builder
     * ("elementor-widget-text-editor"): a widget is furniture only when it is mostly links. */
    static boolean isLinkWidget(List<String> words, double linkDensity) {
        return linkDensity >= WIDGET_MIN_LINK_DENSITY
                && words.stream().anyMatch(w -> w.equals("widgets") || isCompound(w, "widget"));
    }

    private static final double WIDGET_MIN_LINK_DENSITY = 0.3;

    static boolean isFurniture(List<String> words) {
        return words.stream().anyMatch(w -> FURNITURE.contains(w) || FURNITURE_PREFIXES.stream().anyMatch(p -> isCompound(w, p)));
    }

    private static final List<String> COMMENT_PREFIXES = List.of("comment", "kommentar", "disqus");

    static boolean isComments(List<String> words) {
        return hasCompound(words, COMMENT_PREFIXES);
    }

    static boolean isAlwaysFurniture(List<String> words) {
        return hasCompound(words, ALWAYS_PREFIXES);
    }

    /** A word that is one of the prefixes, its plural, or a compound of it. */
    private static boolean hasCompound(List<String> words, List<String> prefixes) {
        return words.stream().anyMatch(w -> prefixes.stream().anyMatch(p -> w.equals(p + "s") || isCompound(w, p)));
    }

    /** The prefix, or it plus three or more letters ("sharebar"), so that "shared" or "comments" (as in
     * "no-comments") are no compounds; never "commentary", which is a kind of article. */
    private static boolean isCompound(String word, String prefix) {
        return word.startsWith(prefix) && (word.length() == prefix.length() || word.length() >= prefix.length() + 3)
                && !word.startsWith("commentar");
    }

    /** "hentry" is the microformat word of a post's own box (WordPress: "post hentry category-news"):
     * its taxonomy words do not make it a small metadata box. */
    static boolean isSmallFurniture(List<String> words) {
        return !words.contains("hentry") && words.stream().anyMatch(SMALL_FURNITURE::contains);
    }

    /** +25 for words of the main text, -25 for furniture words, as a container bonus. */
    static int classWeight(Element e) {
        List<String> words = words(e);
        int weight = words.stream().anyMatch(CONTENT::contains) ? 25 : 0;
        boolean unlikely = words.stream().anyMatch(w -> UNLIKELY.contains(w) || isCompound(w, "comment") || isCompound(w, "share"));
        return unlikely ? weight - 25 : weight;
    }

    static boolean isLabel(String text) {
        return text.length() <= 60 && LABEL.matcher(text.trim()).matches();
    }

    static boolean isHidden(Element e) {
        String style = e.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
        return e.hasAttr("hidden") || "true".equals(e.attr("aria-hidden")) || style.contains("display:none")
                || style.contains("visibility:hidden");
    }
}
