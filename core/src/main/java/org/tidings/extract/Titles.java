package org.tidings.extract;

import static org.tidings.extract.ContentCleaner.squash;

import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The headline: structured data first, then meta tags, then the document title; a site-name part
 * ("Headline | The Daily") is removed only when it is recognisably the site's name or domain, or
 * when a heading on the page confirms the rest: "Mocha | Chai" must survive when neither is known.
 */
final class Titles {

    /** Separators between a headline and the site name, each with spaces around it. */
    private static final Pattern SEPARATOR = Pattern.compile("\\s+[|\\-–—:·»/\\\\]{1,2}\\s+|:\\s+");

    private Titles() {}

    static String choose(Document doc, StructuredData ld, PageMetadata.MetaTags meta, String siteName) {
        String title = PageMetadata.first(ld.headline(), meta.get("dc:title"), meta.get("dcterms:title"),
                meta.get("og:title"), meta.get("twitter:title"), meta.get("parsely-title"),
                meta.get("sailthru:title"), meta.get("title"));
        if (title != null) return withoutSiteName(normalize(title), doc, siteName, false);
        if (doc.title().isBlank()) return headingText(doc);
        return withoutShortTail(withoutSiteName(normalize(doc.title()), doc, siteName, true));
    }

    /** Words the headline part must keep for a short tail to be cut: guards "Mocha | Chai". */
    private static final int MIN_HEADLINE_WORDS = 4;
    /** A tail of at most this many words after the last separator is a site or section name. */
    private static final int MAX_TAIL_WORDS = 3;

    /** The document title, written for the browser tab, usually ends with the site's name even when
     * no metadata names the site: "Lorem ipsum dolor sit – My website". */
    static String withoutShortTail(String title) {
        int cut = lastSeparatorStart(title);
        if (cut <= 0) return title;
        String head = title.substring(0, cut).trim();
        String tail = title.substring(cut).replaceFirst("^\\s*\\S+\\s*", "").trim();
        boolean siteName = words(head) >= MIN_HEADLINE_WORDS && words(tail) <= MAX_TAIL_WORDS && !tail.isEmpty()
                && !title.substring(cut).trim().startsWith(":");
        return siteName ? head : title;
    }

    private static int words(String s) {
        return s.isBlank() ? 0 : s.trim().split("\\s+").length;
    }

    static String normalize(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    private static String headingText(Document doc) {
        Element h1 = doc.selectFirst("h1");
        return h1 == null || h1.text().isBlank() ? null : normalize(h1.text());
    }

    /** @param askHeadings whether a heading may confirm a shorter form: for the document title; of a
     *     meta title (the publisher's chosen headline) only a recognised site name is cut */
    static String withoutSiteName(String title, Document doc, String siteName, boolean askHeadings) {
        String[] parts = SEPARATOR.split(title);
        if (parts.length < 2) return title;
        String host = hostLabel(doc.location());
        String last = parts[parts.length - 1];
        if (isSiteName(last, siteName, host)) return title.substring(0, lastSeparatorStart(title)).trim();
        if (isSiteName(parts[0], siteName, host)) return title.substring(firstSeparatorEnd(title)).trim();
        String heading = askHeadings ? matchingHeading(doc, title) : null;
        return heading != null ? heading : title;
    }

    private static boolean isSiteName(String part, String siteName, String host) {
        String p = squash(part);
        if (p.isEmpty()) return false;
        String s = siteName == null ? "" : squash(siteName);
        if (!s.isEmpty() && (p.startsWith(s) || s.startsWith(p))) return true;
        return host != null && host.length() >= 3 && (p.equals(host) || p.startsWith(host));
    }

    /** A heading equal to the start of the title confirms that the rest is a suffix. */
    private static String matchingHeading(Document doc, String title) {
        for (Element h : doc.select("h1, h2")) {
            String text = normalize(h.text());
            if (text.length() >= 10 && text.length() < title.length() && title.startsWith(text)
                    && SEPARATOR.matcher(title.substring(text.length())).lookingAt()) {
                return text;
            }
        }
        return null;
    }

    private static int lastSeparatorStart(String title) {
        return SEPARATOR.matcher(title).results().mapToInt(MatchResult::start).reduce((first, last) -> last).orElse(-1);
    }

    private static int firstSeparatorEnd(String title) {
        var m = SEPARATOR.matcher(title);
        return m.find() ? m.end() : 0;
    }

    private static String hostLabel(String url) {
        if (url == null || url.isEmpty()) return null;
        try {
            String host = java.net.URI.create(url).getHost();
            if (host == null) return null;
            String[] labels = host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "").split("\\.");
            return labels.length >= 2 ? squash(labels[labels.length - 2]) : squash(labels[0]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
