package org.tidings.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.tidings.text.Casing;
import org.tidings.text.Stems;
import org.tidings.text.Token;
import org.tidings.text.Tokenizer;

/** Sentence words as {@link Term}s: numbers canonical, negation cues marked, names told apart, elisions split. */
final class Words {

    private Words() {
    }

    /** The terms of one sentence or question, in order. */
    static List<Term> terms(String text, String language) {
        List<Term> terms = new ArrayList<>();
        Lexicon lexicon = Lexicon.of(language);
        for (Token word : Tokenizer.SENTENCES.tokens(text)) {
            addWord(word.surface(), word.sentenceStart(), lexicon, terms);
        }
        return terms;
    }

    private static void addWord(String word, boolean sentenceStart, Lexicon lexicon, List<Term> out) {
        String language = lexicon.language();
        Set<String> stop = lexicon.stopWords();
        String lower = word.toLowerCase(Locale.ROOT);
        int apostrophe = elisionEnd(lower, language);
        if (apostrophe > 0) {
            String head = lower.substring(0, apostrophe - 1);
            out.add(term(head, false, false, lexicon));
            word = word.substring(apostrophe);
            lower = lower.substring(apostrophe);
            sentenceStart = false;
        }
        boolean name = Casing.isName(word, sentenceStart, !"de".equals(language)) && !stop.contains(lower);
        boolean capital = !name && Character.isUpperCase(word.codePointAt(0)) && !stop.contains(lower)
                && !isParticipleOrAdverb(lower, language) && (!sentenceStart || "en".equals(language));
        out.add(term(lower, name, capital, lexicon));
    }

    /** Romance elision: "l’actuelle", "d’Orsay", "n’ont", "dell'anno" become two words. */
    private static int elisionEnd(String lower, String language) {
        if (!Set.of("fr", "it").contains(language)) {
            return -1;
        }
        for (int i = 1; i <= 3 && i < lower.length() - 1; i++) {
            char c = lower.charAt(i);
            if (c == '\'' || c == '’') {
                return i + 1;
            }
        }
        return -1;
    }

    private static Term term(String lower, boolean name, boolean capital, Lexicon lexicon) {
        if (isEnglishNegation(lower) || lexicon.negations().contains(lower)) {
            return new Term(lower, false, false, false, null, true);
        }
        String number = number(lower, lexicon.numberWords());
        boolean content = number != null || !lexicon.stopWords().contains(lower) && lower.length() > 1;
        return new Term(number != null ? number : Stems.sentence(lower, lexicon.language()), content,
                name && number == null, capital && number == null, number, false);
    }

    /**
     * "Speaking of...", "Thankfully, ...": an opening participle or adverb is not a name. Capitalized
     * first words are judged only in English, whose function-word list is complete enough.
     */
    private static boolean isParticipleOrAdverb(String lower, String language) {
        return "en".equals(language) && (lower.endsWith("ing") || lower.endsWith("ly"));
    }

    private static boolean isEnglishNegation(String lower) {
        return lower.endsWith("n't") || lower.endsWith("n’t");
    }

    /** The canonical value of a number: "255,904" is "255904", "two" is "2", "third" is "3rd". */
    private static String number(String lower, Map<String, String> numberWords) {
        String word = numberWords.get(lower);
        if (word != null) {
            return word;
        }
        if (lower.isEmpty() || !Character.isDigit(lower.charAt(0))) {
            return null;
        }
        if (lower.chars().allMatch(c -> Character.isDigit(c) || ".,'’".indexOf(c) >= 0)) {
            return lower.replaceAll("[,'’]", ""); // group separators go, a decimal point stays
        }
        return lower.chars().allMatch(Character::isLetterOrDigit) ? ordinal(lower) : null;
    }

    /** "21st", "3rd", "1er": the digits with an ordinal mark; "A350"-like codes are not numbers. */
    private static String ordinal(String lower) {
        int i = 0;
        while (i < lower.length() && Character.isDigit(lower.charAt(i))) {
            i++;
        }
        String suffix = lower.substring(i);
        return Set.of("st", "nd", "rd", "th", "er", "e", "ème", "º", "ª", "o", "a").contains(suffix)
                ? lower.substring(0, i) + "th" : null;
    }
}
