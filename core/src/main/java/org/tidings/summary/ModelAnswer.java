package org.tidings.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A language model's answer read as text: its sentences without the list marks, markdown and
 * introductions models add, a headline, or lines by their number. Pure: nothing is asked here.
 */
public final class ModelAnswer {

    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*•]+|\\d{1,2}[.)])\\s+");
    private static final Pattern NUMBERED = Pattern.compile("^\\s*\\[?(\\d{1,2})[\\].):]\\s*(.+)$");

    private ModelAnswer() {
    }

    /** The answer's sentences, without list marks, markdown emphasis, headings or an introduction ending in a colon. */
    public static List<String> sentences(String answer, String lang) {
        List<String> sentences = new ArrayList<>();
        for (String line : answer.split("\\R")) {
            String clean = BULLET.matcher(line.replace("**", "").replace("__", "")).replaceFirst("").strip();
            if (clean.isEmpty() || clean.endsWith(":") || clean.startsWith("#")) continue;
            for (Sentence s : SentenceSplitter.split(clean, lang)) sentences.add(s.text().strip());
        }
        return sentences;
    }

    /** The answer's first line that says something, without a "Headline:" label or quotes; none if there is none. */
    public static List<String> headline(String answer) {
        for (String line : answer.split("\\R")) {
            String clean = line.replace("**", "").replaceFirst("(?i)^\\s*(?:neutral\\s+)?headline\\s*:\\s*", "").strip()
                    .replaceAll("^[\"“”'«»]+|[\"“”'«»]+$", "").strip();
            if (!clean.isEmpty()) return List.of(clean);
        }
        return List.of();
    }

    /** The answer's lines by their number (1 to {@code count}: "1.", "[1]", "1)", "1:"), null where a number is missing. */
    public static String[] numberedLines(String answer, int count) {
        String[] byNumber = new String[count];
        for (String line : answer.split("\\R")) {
            Matcher m = NUMBERED.matcher(line);
            if (!m.matches()) continue;
            int n = Integer.parseInt(m.group(1)) - 1;
            if (n >= 0 && n < byNumber.length && byNumber[n] == null) byNumber[n] = m.group(2).strip();
        }
        return byNumber;
    }
}
