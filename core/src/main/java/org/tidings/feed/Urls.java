package org.tidings.feed;

import java.net.URI;

/** Liberal URL resolution: relative references against a base, tolerating what feeds really contain. */
final class Urls {

    private Urls() {}

    /** {@code ref} unchanged when either is not a URI: a wrong resolution is worse than an unresolved link. */
    static String resolve(String base, String ref) {
        if (ref == null) return null;
        String r = ref.strip();
        if (base == null || base.isEmpty() || isAbsolute(r)) return r;
        try {
            URI baseUri = new URI(escapeUnsafe(base.strip()));
            if (!baseUri.isAbsolute()) return r;
            if (r.isEmpty()) return baseUri.toString();
            String resolved = baseUri.resolve(new URI(escapeUnsafe(r))).toString();
            // java.net.URI leaves "http://host" + "x" as "http://hostx"; fix the empty-path case.
            if (baseUri.getRawPath() != null && baseUri.getRawPath().isEmpty() && !r.startsWith("/")
                    && !r.startsWith("?") && !r.startsWith("#") && baseUri.getRawAuthority() != null) {
                return baseUri.getScheme() + "://" + baseUri.getRawAuthority() + "/" + r;
            }
            return resolved;
        } catch (Exception e) {
            return r;
        }
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
