package org.tidings.feed;

import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code style} attribute as the Universal Feed Parser keeps it: {@code url(...)} taken out; the whole
 * style dropped when it holds anything but plain declarations of simple values (so {@code expression()},
 * {@code /}, comments or escapes drop it); then only the acceptable properties are kept, and
 * {@code background}, {@code border}, {@code margin} and {@code padding} ones only when every value is an
 * acceptable keyword or a plain length or colour. Written "property: value;", joined by spaces.
 */
final class CssCleaner {

    private static final Pattern URL = Pattern.compile("url\\s*\\(\\s*[^\\s)]+?\\s*\\)\\s*");
    private static final Pattern DECLARATION_RUN = Pattern.compile("\\s*[-\\w]+\\s*:\\s*[^:;]*;?", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern DECLARATION = Pattern.compile("([-\\w]+)\\s*:\\s*([^:;]*)", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern LENGTH_OR_COLOUR =
            Pattern.compile("#[0-9a-f]+|rgb\\(\\d+%?,\\d*%?,?\\d*%?\\)?|\\d{0,2}\\.?\\d{0,2}(cm|em|ex|in|mm|pc|pt|px|%|,|\\))?");
    private static final int MAX_STYLE = 10_000;

    private CssCleaner() {}

    /** The cleaned style, or "" to drop the attribute; {@code insideSvg} also allows SVG's paint properties. */
    static String clean(String style, boolean insideSvg) {
        if (style.length() > MAX_STYLE) return "";
        String s = URL.matcher(style).replaceAll(" ");
        if (!simpleCharacters(s) || !DECLARATION_RUN.matcher(s).replaceAll("").isBlank()) return "";
        StringJoiner clean = new StringJoiner(" ");
        Matcher d = DECLARATION.matcher(s);
        while (d.find()) {
            String property = d.group(1);
            String value = d.group(2);
            if (value.isEmpty()) continue;
            String lower = property.toLowerCase(Locale.ROOT);
            boolean keep = MarkupVocabulary.CSS_PROPERTIES.contains(lower)
                    || (boxProperty(lower) && simpleValues(value))
                    || (insideSvg && MarkupVocabulary.SVG_CSS_PROPERTIES.contains(lower));
            if (keep) clean.add(property + ": " + value + ";");
        }
        return clean.toString();
    }

    private static boolean boxProperty(String property) {
        int dash = property.indexOf('-');
        String head = dash < 0 ? property : property.substring(0, dash);
        return head.equals("background") || head.equals("border") || head.equals("margin") || head.equals("padding");
    }

    private static boolean simpleValues(String value) {
        for (String keyword : value.strip().split("\\s+")) {
            if (!MarkupVocabulary.CSS_KEYWORDS.contains(keyword) && !LENGTH_OR_COLOUR.matcher(keyword).matches()) return false;
        }
        return true;
    }

    /**
     * feedparser's character gauntlet, {@code ([:,;#%.\sa-zA-Z0-9!]|\w-\w|'[\s\w]+'|"[\s\w]+"|\([\d,\s]+\))*},
     * matched by reachable positions instead of a backtracking regex (linear on hostile input).
     */
    static boolean simpleCharacters(String s) {
        int n = s.length();
        boolean[] reach = new boolean[n + 1];
        reach[0] = true;
        for (int i = 0; i < n; i++) {
            if (!reach[i]) continue;
            char c = s.charAt(i);
            if (isPlain(c)) reach[i + 1] = true;
            if (i + 2 < n && word(c) && s.charAt(i + 1) == '-' && word(s.charAt(i + 2))) reach[i + 3] = true;
            if (c == '\'' || c == '"') {
                int close = s.indexOf(c, i + 1);
                if (close > i + 1 && all(s, i + 1, close, false)) reach[close + 1] = true;
            } else if (c == '(') {
                int close = s.indexOf(')', i + 1);
                if (close > i + 1 && all(s, i + 1, close, true)) reach[close + 1] = true;
            }
        }
        return reach[n];
    }

    private static boolean isPlain(char c) {
        return (c < 128 && Character.isLetterOrDigit(c)) || Character.isWhitespace(c) || ":,;#%.!".indexOf(c) >= 0;
    }

    private static boolean word(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** Every character of s[from, to) a word character or space, or (digits) a digit, comma or space. */
    private static boolean all(String s, int from, int to, boolean digits) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            boolean ok = Character.isWhitespace(c) || (digits ? Character.isDigit(c) || c == ',' : word(c));
            if (!ok) return false;
        }
        return true;
    }
}
