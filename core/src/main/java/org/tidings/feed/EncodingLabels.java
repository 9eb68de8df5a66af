package org.tidings.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Encoding names as feeds and servers write them, meant as the Universal Feed Parser (Python's codecs) reads them:
 * each name means its own charset ("iso-8859-1" is not widened to windows-1252 as browsers do). Python's names and
 * aliases come from {@code python-encodings.properties}; the few single-byte codecs Java lacks (ISO-8859-10 and -14,
 * KZ-1048, PTCP154 ...) are decoded from their tables there.
 */
final class EncodingLabels {

    private static final Map<String, String> PYTHON_NAMES = new HashMap<>();
    private static final Map<String, Charset> TABLES = new HashMap<>();

    static {
        Properties p = new Properties();
        try (InputStream in = EncodingLabels.class.getResourceAsStream("python-encodings.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        p.forEach((k, v) -> {
            String key = (String) k;
            if (key.startsWith("table.")) TABLES.put(key.substring(6), new SingleByte(key.substring(6), (String) v));
            else PYTHON_NAMES.put(key, (String) v);
        });
    }

    private EncodingLabels() {}

    /** Null when the name means no charset Python and Java both have. */
    static Charset charset(String label) {
        String target = PYTHON_NAMES.get(normalized(label));
        if (target == null) target = PYTHON_NAMES.get(normalized(label).replace('.', '_'));
        if (target != null && target.startsWith("table:")) return TABLES.get(target.substring(6));
        String name = target != null ? target : label.strip();
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Python's encodings.normalize_encoding, lower-cased: runs of characters other than letters, digits and '.' become one '_'. */
    private static String normalized(String label) {
        StringBuilder out = new StringBuilder(label.length());
        boolean punctuation = false;
        for (char c : label.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c < 128 && Character.isLetterOrDigit(c)) || c == '.') {
                if (punctuation && !out.isEmpty()) out.append('_');
                out.append(c);
                punctuation = false;
            } else {
                punctuation = true;
            }
        }
        return out.toString();
    }

    /** A single-byte charset: ASCII below 0x80, the table's characters above; U+FFFD marks a byte it does not map. */
    private static final class SingleByte extends Charset {
        private final char[] upper;

        SingleByte(String name, String upper) {
            super("x-python-" + name.replace('_', '-'), null);
            this.upper = upper.toCharArray();
        }

        @Override
        public boolean contains(Charset cs) {
            return cs == this;
        }

        @Override
        public CharsetDecoder newDecoder() {
            return new CharsetDecoder(this, 1f, 1f) {
                @Override
                protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
                    while (in.hasRemaining()) {
                        if (!out.hasRemaining()) return CoderResult.OVERFLOW;
                        int b = in.get() & 0xff;
                        char c = b < 0x80 ? (char) b : upper[b - 0x80];
                        if (c == '\uFFFD') {
                            in.position(in.position() - 1);
                            return CoderResult.unmappableForLength(1);
                        }
                        out.put(c);
                    }
                    return CoderResult.UNDERFLOW;
                }
            };
        }

        @Override
        public CharsetEncoder newEncoder() {
            throw new UnsupportedOperationException("decoding only");
        }
    }
}
