package org.tidings.feed;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Liberal URL resolution: relative references against a base, tolerating what feeds really contain. */
final class Urls {

    private Urls() {}

    /** RFC 3986 appendix B: scheme, authority, path, query, fragment. */
    private static final Pattern PARTS = Pattern.compile("^(?:([^:/?#]+):)?(?://([^/?#]*))?([^?#]*)(?:\\?([^#]*))?(?:#(.*))?$", Pattern.DOTALL);

    /**
     * {@code ref} resolved against {@code base} as RFC 3986 section 5.2 (and Python's urljoin, which feedparser
     * uses) does, on the strings as written (no escaping); {@code ref} unchanged when the base is not a hierarchical
     * URL: a wrong resolution is worse than an unresolved link.
     */
    static String resolve(String base, String ref) {
        if (ref == null) return null;
        String r = ref.strip();
        if (base == null || base.isEmpty() || isAbsolute(r)) return r;
        Matcher b = PARTS.matcher(base.strip());
        if (!b.matches() || b.group(1) == null || b.group(2) == null) return r;
        Matcher m = PARTS.matcher(r);
        if (!m.matches()) return r;
        String authority = b.group(2);
        String path;
        String query;
        if (m.group(2) != null) {
            authority = m.group(2);
            path = removeDotSegments(m.group(3));
            query = m.group(4);
        } else if (m.group(3).isEmpty()) {
            path = b.group(3);
            query = m.group(4) != null ? m.group(4) : b.group(4);
        } else {
            path = removeDotSegments(m.group(3).startsWith("/") ? m.group(3) : merge(b.group(3), m.group(3), !authority.isEmpty()));
            query = m.group(4);
        }
        StringBuilder out = new StringBuilder(b.group(1)).append("://").append(authority).append(path);
        if (query != null) out.append('?').append(query);
        if (m.group(5) != null) out.append('#').append(m.group(5));
        return out.toString();
    }

    private static String merge(String basePath, String refPath, boolean hasAuthority) {
        if (hasAuthority && basePath.isEmpty()) return "/" + refPath;
        return basePath.substring(0, basePath.lastIndexOf('/') + 1) + refPath;
    }

    /** RFC 3986 section 5.2.4: "." and ".." segments taken out; ".." above the root stays at the root. */
    private static String removeDotSegments(String path) {
        if (!path.contains(".")) return path;
        java.util.ArrayDeque<String> out = new java.util.ArrayDeque<>();
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i];
            boolean last = i == segments.length - 1;
            if (seg.equals(".") || seg.equals("..")) {
                if (seg.equals("..") && out.size() > 1) out.removeLast();
                if (last) out.addLast("");
            } else {
                out.addLast(seg);
            }
        }
        return String.join("/", out);
    }

    static boolean isAbsolute(String ref) {
        int colon = ref.indexOf(':');
        if (colon <= 0) return false;
        for (int i = 0; i < colon; i++) {
            char c = ref.charAt(i);
            boolean ok = Character.isLetter(c) || (i > 0 && (Character.isDigit(c) || c == '+' || c == '-' || c == '.'));
            if (!ok || c > 127) return false;
        }
        return true;
    }

    /** {@link #resolve}, then {@link #fetchable}. */
    static String resolveForFetching(String base, String ref) {
        return fetchable(resolve(base, ref));
    }

    /** Percent-encoded where java.net.URI and HTTP clients need it (feedparser's model keeps links as written). */
    static String fetchable(String url) {
        return url == null ? null : escapeUnsafe(url);
    }

    /** Percent-encodes characters java.net.URI refuses but browsers accept (spaces, non-ASCII, |, ...). */
    private static String escapeUnsafe(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean unsafe = c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`'
                    || c == '{' || c == '|' || c == '}' || c >= 127;
            if (unsafe && out == null) out = new StringBuilder(s.length() + 16).append(s, 0, i);
            if (out == null) continue;
            if (!unsafe) {
                out.append(c);
                continue;
            }
            int cp = s.codePointAt(i);
            if (Character.charCount(cp) == 2) i++;
            for (byte b : new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out == null ? s : out.toString();
    }
}
