package org.tidings.server.site;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The line or two of an article's own lead that a list shows under its headline: never the headline again, never a
 * publisher's boilerplate ("Click here", cookies, subscriptions, "Read more"), and cut at the end of a sentence, or at
 * a word with an ellipsis. The rules are general, for every publisher: a sentence that is boilerplate is dropped
 * wherever it stands; a lead that opens with its headline shows what follows the headline, if enough does.
 */
public final class Preview {

    /** Longest preview, in characters: two lines of a list at the widths readers use. */
    static final int MAX = 200;
    /** Shortest preview worth a line: less is a fragment, not a lead. */
    static final int MIN = 40;

    /** Sentences that speak to the reader about the page, not about the news. */
    private static final Pattern BOILERPLATE = Pattern.compile("(?iu)\\b(click here|tap here|read more|continue reading"
            + "|read the full (story|article)|(accept|use|uses|using) cookies|cookie (policy|settings|preferences|consent)"
            + "|subscribe (to|now|for|today|here)|subscribers only|sign up (for|to|now|here)|(our|free|daily|weekly) newsletters?"
            + "|enable javascript|javascript (is )?(disabled|required)|ad ?blocker|all rights reserved|follow us on"
            + "|share (this|on) |the post .{0,200} appeared first on|this (article|story) (was )?originally (appeared|published)"
            + "|download (our|the) app|support (our|independent) journalism|become a (member|subscriber))|©");
    /**
     * A sentence's end: its mark, closing quotes or brackets, a space, then a capital (or a letter of a script without
     * case); a full stop after an initial or a title ("J. Smith", "Dr. Lee") does not count.
     */
    private static final Pattern SENTENCE_END = Pattern.compile(
            "(?<=[.!?…。؟][\"'’”»)]?)(?<!\\b\\p{Lu}\\.)(?<!\\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof|Gen|Sen|Rep)\\.)\\s+"
                    + "(?=[\"'‘“«(]?[\\p{Lu}\\p{Lo}\\p{N}])");

    private Preview() {}

    /** The preview of an article with {@code title} and {@code lead} (plain text), or null when its lead has none to give. */
    public static String of(String title, String lead) {
        if (lead == null || lead.isBlank()) return null;
        String text = lead.replaceAll("\\s+", " ").strip();
        String headline = title == null ? "" : title.replaceAll("\\s+", " ").strip();
        if (!headline.isEmpty() && comparable(text).startsWith(comparable(headline))) text = afterHeadline(text, headline);
        if (text == null) return null;
        List<String> kept = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text)) {
            if (!BOILERPLATE.matcher(sentence).find() && !comparable(sentence).equals(comparable(headline))) kept.add(sentence);
        }
        String preview = cut(String.join(" ", kept));
        return preview.length() < MIN ? null : preview;
    }

    /** What follows the headline at the start of {@code text}, or null when nothing does. */
    private static String afterHeadline(String text, String headline) {
        int wanted = comparable(headline).length();
        int seen = 0;
        int end = 0;
        while (end < text.length() && seen < wanted) {
            int c = text.codePointAt(end);
            if (Character.isLetterOrDigit(c)) seen++;
            end += Character.charCount(c);
        }
        String rest = text.substring(end).replaceFirst("^[\\p{P}\\s]+", "");
        return rest.isBlank() ? null : rest;
    }

    /** Whole sentences up to {@link #MAX} characters; else the words that fit, with an ellipsis. */
    private static String cut(String text) {
        if (text.length() <= MAX) return text;
        var ends = SENTENCE_END.matcher(text);
        int lastEnd = -1;
        while (ends.find() && ends.start() <= MAX) lastEnd = ends.start();
        if (lastEnd >= MIN * 2) return text.substring(0, lastEnd);
        int space = text.lastIndexOf(' ', MAX - 1);
        String words = text.substring(0, space > MIN ? space : MAX - 1).replaceFirst("[\\s,;:–—-]+$", "");
        return words + "…";
    }

    /** Letters and digits only, in lower case: a headline and its repetition compare equal despite punctuation and case. */
    private static String comparable(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
