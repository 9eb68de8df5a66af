package org.tidings.server.comment;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.web.util.HtmlUtils;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.i18n.Message;

/**
 * A comment is plain text: escaped first, then formatted (paragraphs, {@code *em*}, {@code **strong**},
 * {@code nofollow ugc} links), so no markup a reader writes reaches a page; a sanitizer guards again.
 */
final class CommentText {

    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"]+");
    /** Punctuation that ends a sentence rather than an address: "see https://x.test/a." links x.test/a. */
    private static final String TRAILING = ".,;:!?)]}'*";
    private static final Pattern STRONG = Pattern.compile("\\*\\*([^*\\n]+?)\\*\\*");
    private static final Pattern EMPHASIS = Pattern.compile("\\*([^*\\n]+?)\\*");
    /**
     * C0/C1 controls but line feed and tab, and bidi overrides that show "txt.exe" as "exe.txt";
     * right-to-left scripts need none of them: the page sets {@code dir=auto} on every comment.
     */
    private static final Pattern STRIPPED = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\uFEFF]");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");
    /** Long addresses are shortened on screen (never in the link): a wall of URL is not a comment. */
    private static final int SHOWN_URL_LENGTH = 60;

    private static final PolicyFactory SECOND_GUARD = new HtmlPolicyBuilder()
            .allowElements("p", "br", "em", "strong", "a")
            .allowAttributes("href").matching(Pattern.compile("(?i)^https?://[^\\s\"'<>]+$")).onElements("a")
            .allowUrlProtocols("http", "https")
            .requireRelsOnLinks("nofollow", "ugc", "noopener")
            .toFactory();

    private CommentText() {}

    /** The text as it is stored: normalized (NFC), stripped of invisible controls, line ends unified, trimmed. */
    static String clean(String raw) {
        if (raw == null) return "";
        String text = Normalizer.normalize(raw.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
        text = STRIPPED.matcher(text).replaceAll("");
        text = BLANK_LINES.matcher(text).replaceAll("\n\n");
        return text.strip();
    }

    static Optional<Message> problem(String cleaned, TidingsProperties.Comments settings) {
        if (cleaned.isBlank()) return Optional.of(Message.of("comments.problem.empty"));
        // the column holds 4000 characters; some databases count UTF-16 units, where an emoji is two
        if (cleaned.codePointCount(0, cleaned.length()) > settings.maxLength() || cleaned.length() > 4000) {
            return Optional.of(Message.of("comments.problem.tooLong", settings.maxLength()));
        }
        if (cleaned.chars().filter(c -> c == '\n').count() > settings.maxLines()) {
            return Optional.of(Message.of("comments.problem.tooManyLines", settings.maxLines()));
        }
        return Optional.empty();
    }

    /** Whether the text holds an address that {@link #toHtml} would make a link. */
    static boolean hasLink(String text) {
        return URL.matcher(text).results().anyMatch(m -> linkTarget(trimTrailing(m.group())).isPresent());
    }

    static String toHtml(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : clean(text).split("\\n\\n")) {
            if (paragraph.isBlank()) continue;
            html.append("<p>").append(Arrays.stream(paragraph.split("\\n")).map(CommentText::line)
                    .collect(Collectors.joining("<br>"))).append("</p>");
        }
        return SECOND_GUARD.sanitize(html.toString());
    }

    /** One line: addresses become links, the text between them is escaped and then formatted. */
    private static String line(String line) {
        StringBuilder out = new StringBuilder();
        Matcher m = URL.matcher(line);
        int at = 0;
        while (m.find()) {
            String address = trimTrailing(m.group());
            Optional<String> target = linkTarget(address);
            if (target.isEmpty()) continue;
            out.append(format(line.substring(at, m.start())));
            String shown = address.length() > SHOWN_URL_LENGTH ? address.substring(0, SHOWN_URL_LENGTH - 1) + "…" : address;
            out.append("<a href=\"").append(HtmlUtils.htmlEscape(target.get(), "UTF-8")).append("\" rel=\"nofollow ugc noopener\">")
                    .append(HtmlUtils.htmlEscape(shown, "UTF-8")).append("</a>");
            at = m.start() + address.length();
        }
        out.append(format(line.substring(at)));
        return out.toString();
    }

    /** Escapes, then turns {@code **x**} and {@code *x*} into strong and emphasis (escaping leaves asterisks alone). */
    private static String format(String text) {
        String escaped = HtmlUtils.htmlEscape(text, "UTF-8");
        escaped = STRONG.matcher(escaped).replaceAll("<strong>$1</strong>");
        return EMPHASIS.matcher(escaped).replaceAll("<em>$1</em>");
    }

    private static String trimTrailing(String address) {
        int end = address.length();
        while (end > 0 && TRAILING.indexOf(address.charAt(end - 1)) >= 0) {
            // keep a closing parenthesis that closes one opened inside the address (Wikipedia-style)
            String kept = address.substring(0, end);
            if (kept.endsWith(")") && kept.chars().filter(c -> c == '(').count() >= kept.chars().filter(c -> c == ')').count()) break;
            end--;
        }
        return address.substring(0, end);
    }

    /** The address as a link target: http or https with a host, in ASCII (IDN hosts as punycode), else nothing. */
    private static Optional<String> linkTarget(String address) {
        try {
            URI uri = new URI(address);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) return Optional.empty();
            if (uri.getHost() == null || uri.getHost().isBlank()) return Optional.empty();
            return Optional.of(uri.toASCIIString());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
