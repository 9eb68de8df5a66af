package org.tidings.story;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits headlines and text into the words that carry topic: lower-cased, accents folded,
 * possessives and common English inflections stripped, stop words dropped. Also tells which
 * words were written as names (capitalised inside a sentence-case text, or acronyms).
 */
final class Words {

    /** Longest input looked at: a hostile 10 MB "headline" must not cost more than a real one. */
    static final int MAX_CHARS = 20_000;

    /**
     * Words that say nothing about which event a headline covers. Besides grammar words, the
     * headline fillers of news sites ("update", "video", "says", "report") that would otherwise
     * join unrelated stories that share a format.
     */
    private static final Set<String> STOP = Set.of(
            "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at",
            "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
            "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has",
            "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it",
            "its", "itself", "just", "me", "more", "most", "my", "no", "nor", "not", "now", "of", "off", "on",
            "once", "only", "or", "other", "our", "out", "over", "own", "same", "she", "should", "so", "some",
            "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
            "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where",
            "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "may", "might", "must",
            "new", "says", "said", "say", "update", "updated", "video", "photos", "photo", "watch", "report",
            "reports", "live", "breaking", "news", "exclusive", "via", "amid", "also", "get", "gets", "got",
            "one", "two", "first", "last", "year", "years", "week", "day", "today", "like", "make", "makes",
            "us", "vs", "s", "t", "don", "re", "ve", "ll", "d", "m", "second", "third", "time", "times",
            "back", "still", "ahead", "see", "sees", "take", "takes", "big", "top", "way", "ways",
            "know", "need", "want", "things", "thing");

    private Words() {
    }

    /** One word of a text: its normalized form and whether it was written as a name. */
    record Word(String term, boolean name) {
    }

    /** The topic words of a text, in order. */
    static List<Word> of(String text) {
        List<Word> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        String s = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        List<String> raw = split(s);
        boolean titleCase = isTitleCase(raw);
        boolean shouting = isShouting(raw);
        boolean sentenceStart = true;
        for (String token : raw) {
            if (token.equals(".")) {
                sentenceStart = true;
                continue;
            }
            String term = normalize(token);
            if (term != null) {
                out.add(new Word(term, !shouting && isName(token, titleCase, sentenceStart)));
            }
            sentenceStart = false;
        }
        return out;
    }

    /** The normalized form of one raw token, or null for a stop word or noise. */
    static String normalize(String token) {
        String lower = fold(token.toLowerCase(Locale.ROOT));
        if (lower.endsWith("'s") || lower.endsWith("’s")) {
            lower = lower.substring(0, lower.length() - 2);
        }
        lower = lower.replace("'", "").replace("’", "");
        if (lower.isEmpty() || lower.length() > 40 || STOP.contains(lower)) {
            return null;
        }
        return stem(lower);
    }

    /**
     * Strips plural and verb endings so that "files", "filed" and "filing" meet. Leaves at least
     * three letters, so that short words and most names ("Gox", "Bus") stay whole.
     */
    static String stem(String w) {
        if (w.length() < 4 || !Character.isLetter(w.charAt(w.length() - 1))) {
            return w;
        }
        String s = w;
        if (s.endsWith("ies") && s.length() > 4) {
            s = s.substring(0, s.length() - 3) + "y";
        } else if (s.endsWith("ing") && s.length() >= 6) {
            s = s.substring(0, s.length() - 3);
        } else if (s.endsWith("ed") && s.length() >= 5) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("sses") || s.endsWith("xes") || s.endsWith("ches") || s.endsWith("shes")) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("s") && !s.endsWith("ss") && !s.endsWith("us") && !s.endsWith("is")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.endsWith("e") && s.length() >= 4) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** Raw tokens (letters, digits, inner apostrophes), with "." marking sentence ends. */
    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || isInnerApostrophe(s, i))) {
                    i++;
                }
                out.add(s.substring(start, i));
            } else {
                if ((c == '.' || c == '!' || c == '?' || c == ':' || c == '\n') && (out.isEmpty() || !out.getLast().equals("."))) {
                    out.add(".");
                }
                i++;
            }
        }
        return out;
    }

    private static boolean isInnerApostrophe(String s, int i) {
        char c = s.charAt(i);
        return (c == '\'' || c == '’') && i + 1 < s.length() && Character.isLetter(s.charAt(i + 1)) && i > 0
                && Character.isLetter(s.charAt(i - 1));
    }

    /**
     * A Title Case headline capitalises every word, so capitals in it say nothing about names:
     * without this check every word of "Pizza Chain Files For Bankruptcy" would count as a name.
     */
    private static boolean isTitleCase(List<String> raw) {
        int words = 0;
        int capitalised = 0;
        for (String t : raw) {
            if (t.equals(".") || !Character.isLetter(t.charAt(0)) || STOP.contains(t.toLowerCase(Locale.ROOT))) {
                continue;
            }
            words++;
            if (Character.isUpperCase(t.charAt(0))) {
                capitalised++;
            }
        }
        return words >= 3 && capitalised >= 0.8 * words;
    }

    /**
     * An ALL CAPS headline makes every short word look like an acronym ("SEE", "NEW"): none of
     * its words count as names.
     */
    private static boolean isShouting(List<String> raw) {
        int words = 0;
        int upper = 0;
        for (String t : raw) {
            if (t.length() < 2 || !Character.isLetter(t.charAt(0))) {
                continue;
            }
            words++;
            if (t.equals(t.toUpperCase(Locale.ROOT))) {
                upper++;
            }
        }
        return words >= 3 && upper > 0.6 * words;
    }

    private static boolean isName(String token, boolean titleCase, boolean sentenceStart) {
        if (isAcronym(token)) {
            return true;
        }
        return !titleCase && !sentenceStart && Character.isUpperCase(token.charAt(0));
    }

    /** "IBM", "GM", "MH370": two to six capitals or digits, at least two capitals. */
    private static boolean isAcronym(String token) {
        if (token.length() < 2 || token.length() > 6) {
            return false;
        }
        int upper = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isUpperCase(c)) {
                upper++;
            } else if (!Character.isDigit(c)) {
                return false;
            }
        }
        return upper >= 2;
    }

    private static String fold(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
            }
        }
        return s;
    }
}
