package org.tidings.charset;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Charset labels as servers and documents write them, and the places where they write them. */
public final class CharsetNames {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final Pattern CONTENT_TYPE_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([a-z0-9._:-]+)");
    private static final Pattern XML_DECLARATION = Pattern.compile(
            "(?i)^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([a-z0-9._:()-]+)");

    private CharsetNames() {}

    /**
     * Null when Java knows none. Read as browsers do (WHATWG Encoding): latin-1 and ASCII mean their
     * superset windows-1252; GB2312 and GBK mean their superset GB18030.
     */
    public static Charset forLabel(String label) {
        if (label == null) return null;
        String lower = label.trim().toLowerCase(Locale.ROOT);
        String name = switch (lower) {
            case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii" -> "windows-1252";
            case "utf8" -> "utf-8";
            case "gb2312", "gbk" -> "gb18030";
            default -> lower;
        };
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The charset parameter of a Content-Type header ("text/html; charset=UTF-8"), or null. */
    public static String ofContentType(String contentType) {
        return contentType == null ? null : group(CONTENT_TYPE_CHARSET.matcher(contentType));
    }

    /** The encoding an XML declaration at the start of {@code text} names, or null. */
    public static String ofXmlDeclaration(CharSequence text) {
        return group(XML_DECLARATION.matcher(text));
    }

    private static String group(Matcher m) {
        return m.find() ? m.group(1) : null;
    }

    /** UTF-16 or UTF-32: without a byte-order mark, such a label on ASCII-compatible bytes is wrong. */
    public static boolean isWide(Charset charset) {
        return charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32");
    }

    /** A legacy charset of one byte per character (ASCII excepted: its bytes are valid UTF-8 as they are). */
    public static boolean isSingleByte(Charset charset) {
        return charset.canEncode() && charset.newEncoder().maxBytesPerChar() == 1.0f && !charset.name().equals("US-ASCII");
    }
}
