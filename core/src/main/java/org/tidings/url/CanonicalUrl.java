package org.tidings.url;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one spelling of an article's address, so that the URL can serve as the deduplication key:
 * AMP and mobile editions, tracking parameters, default ports, fragments and user info are folded
 * away. Anything that is not an absolute http(s) URL is returned trimmed but otherwise unchanged.
 */
public final class CanonicalUrl {

    /**
     * Exact lower-case names of parameters that only say how the reader arrived. Parameters that could
     * select content ({@code id}, {@code p}, {@code page}, {@code ref}) are absent: dropping them would merge articles.
     */
    private static final Set<String> TRACKING_PARAMETERS = Set.of(
            "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
            "ttclid", "li_fat_id", "igshid", "mc_cid", "mc_eid", "mkt_tok", "_ga", "_gl", "_hsenc",
            "_hsmi", "hsctatracking", "oly_anon_id", "oly_enc_id", "vero_id", "vero_conv", "wt.mc_id",
            "s_cid", "cmpid", "ncid", "ocid", "icid", "smid", "sr_share", "at_medium",
            "at_campaign", "at_custom1", "at_custom2", "at_custom3", "at_custom4", "ref_src",
            "ref_url", "rss", "spm", "__twitter_impression", "xtor", "ito");

    /** Parameter prefixes of campaign tagging schemes (Google, Piwik/Matomo, Adobe, Omniture). */
    private static final List<String> TRACKING_PREFIXES = List.of("utm_", "pk_", "mtm_", "piwik_", "hmb_", "itm_");

    private static final Set<String> AMP_SWITCHES = Set.of("amp", "amp=1", "amp=true", "outputtype=amp", "output=amp");

    /** Mapped to {@code www.} only when two labels remain, so {@code m.co} or {@code amp.dev} is left alone. */
    private static final List<String> MOBILE_HOST_PREFIXES = List.of("m.", "mobile.", "amp.");

    /** en.m.wikipedia.org style: mobile labels after the first one, all of them at once so that the result is final. */
    private static final Pattern MOBILE_LABELS = Pattern.compile("^([a-z0-9-]+)(?:\\.m)+\\.(?=[a-z0-9-]+\\.[a-z])");

    private static final Pattern AMP_HTML_SUFFIX = Pattern.compile("\\.amp\\.html?$");

    /** Exactly "amp" ("/ampere/" is kept); a real "/amp/" section is dropped too (rare, accepted). */
    private static final Pattern AMP_PATH_SEGMENT = Pattern.compile("/amp(?=/|$)");
    private static final Pattern AMP_CACHE_HOST = Pattern.compile("[a-z0-9-]+\\.cdn\\.ampproject\\.org");

    private CanonicalUrl() {}

    public static String canonicalize(String url) {
        if (url == null) return null;
        String trimmed = url.strip();
        URI uri = parse(trimmed);
        if (uri == null || !isWeb(uri) || uri.getRawAuthority() == null || uri.getHost() == null) return trimmed;
        URI unwrapped = unwrapAmpCache(uri);
        return unwrapped != uri ? canonicalize(unwrapped.toString()) : rebuild(uri);
    }

    /**
     * Prefers the page's {@code <link rel="canonical">} or {@code og:url} (nullable) when it is http(s),
     * not the home page for a deeper URL, and on the same site: a page must not claim another publisher's article.
     */
    public static String canonicalize(String url, String canonicalLink) {
        String own = canonicalize(url);
        if (canonicalLink == null || canonicalLink.isBlank() || own == null) return own;
        URI base = parse(own);
        URI link = base == null || base.getHost() == null ? null : resolve(base, canonicalLink.strip());
        if (link == null || !isWeb(link) || link.getHost() == null) return own;
        String candidate = canonicalize(link.toString());
        URI canonical = parse(candidate);
        if (canonical == null || !sameSite(base.getHost(), canonical.getHost())) return own;
        return isRoot(canonical) && !isRoot(base) ? own : candidate;
    }

    /** Rebuilds the URL without user info and fragment (a fragment never names another article). */
    private static String rebuild(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = desktopHost(uri.getHost().toLowerCase(Locale.ROOT));
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String query = query(uri.getRawQuery());
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path(uri.getRawPath())
                + (query.isEmpty() ? "" : "?" + query);
    }

    private static String desktopHost(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        for (String prefix : MOBILE_HOST_PREFIXES) {
            if (h.startsWith(prefix) && h.indexOf('.', prefix.length()) > 0) {
                h = "www." + h.substring(prefix.length());
                break;
            }
        }
        return MOBILE_LABELS.matcher(h).replaceFirst("$1.");
    }

    private static String path(String rawPath) {
        String p = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        p = removeDotSegments(p);
        // each step can leave work for another ("a.amp.html/" loses its slash, then its suffix): until none is left
        for (String before = null; !p.equals(before); ) {
            before = p;
            p = AMP_HTML_SUFFIX.matcher(p).replaceFirst(".html");
            p = AMP_PATH_SEGMENT.matcher(p).replaceAll("");
            while (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? "/" : p;
    }

    private static String removeDotSegments(String path) {
        List<String> out = new ArrayList<>();
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String s = segments[i];
            if (s.equals("..")) {
                if (!out.isEmpty()) out.removeLast();
            } else if (!s.equals(".")) {
                out.add(s);
            }
        }
        boolean trailingDot = segments.length > 1 && (segments[segments.length - 1].equals(".") || segments[segments.length - 1].equals(".."));
        return "/" + String.join("/", out) + (trailingDot ? "/" : "");
    }

    private static String query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) return "";
        return Arrays.stream(rawQuery.split("&")).filter(pair -> !pair.isEmpty() && !isTracking(pair))
                .sorted(Comparator.comparing(CanonicalUrl::name)).collect(Collectors.joining("&"));
    }

    private static boolean isTracking(String pair) {
        String lower = pair.toLowerCase(Locale.ROOT);
        if (AMP_SWITCHES.contains(lower)) return true;
        String name = name(lower);
        return TRACKING_PARAMETERS.contains(name) || TRACKING_PREFIXES.stream().anyMatch(name::startsWith);
    }

    private static String name(String pair) {
        int eq = pair.indexOf('=');
        return eq < 0 ? pair : pair.substring(0, eq);
    }

    /** {@code https://www.google.com/amp/s/host/path} and {@code https://host-x.cdn.ampproject.org/c/s/host/path}. */
    private static URI unwrapAmpCache(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String rest = null;
        if ((host.equals("www.google.com") || host.equals("google.com")) && path.startsWith("/amp/")) {
            rest = path.substring("/amp/".length());
        } else if (AMP_CACHE_HOST.matcher(host).matches() && path.matches("^/[a-z]/.*")) {
            rest = path.substring(3);
        }
        if (rest == null) return uri;
        String address = rest.startsWith("s/") ? "https://" + rest.substring(2) : "http://" + rest;
        URI inner = parse(address + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        return inner == null || inner.getHost() == null ? uri : inner;
    }

    private static boolean sameSite(String a, String b) {
        return registrable(desktopHost(a.toLowerCase(Locale.ROOT))).equals(registrable(desktopHost(b.toLowerCase(Locale.ROOT))));
    }

    /** The host without a leading {@code www.}: a cheap stand-in for the registrable domain. */
    private static String registrable(String host) {
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static boolean isRoot(URI uri) {
        String p = uri.getRawPath();
        return (p == null || p.isEmpty() || p.equals("/")) && uri.getRawQuery() == null;
    }

    private static boolean isWeb(URI uri) {
        String scheme = uri.getScheme();
        return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
    }

    private static URI resolve(URI base, String reference) {
        URI ref = parse(reference);
        try {
            return ref == null ? null : base.resolve(ref);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Parses leniently: spaces and a few characters browsers accept are percent-encoded first. */
    private static URI parse(String s) {
        if (s.isEmpty() || s.length() > 8192) return null;
        try {
            return new URI(s);
        } catch (URISyntaxException e) {
            try {
                return new URI(s.replace(" ", "%20").replace("|", "%7C").replace("\"", "%22")
                        .replace("<", "%3C").replace(">", "%3E").replace("{", "%7B").replace("}", "%7D")
                        .replace("^", "%5E").replace("`", "%60"));
            } catch (URISyntaxException again) {
                return null;
            }
        }
    }
}
