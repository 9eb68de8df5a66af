package org.tidings.summary;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks of a translated line, which shares no words with its original for the lexical
 * {@link Summarizer#check}: kept when not much longer, stating no new number, and with a
 * back-translation the original supports (an added clause comes back unsupported). Escapes: an
 * addition the back-translation drops again, and a short clause added to a long sentence.
 */
public final class TranslationCheck {

    /**
     * A translated line longer than this many times its original (plus some slack for short ones)
     * says more than the original did: Arabic and German run up to about 1.5 times English.
     */
    static final double MAX_GROWTH = 2.5;
    static final int SLACK = 40;

    private static final Pattern NUMBER = Pattern.compile("\\p{Nd}(?:[\\p{Nd},.\\u066B\\u066C]*\\p{Nd})?");

    private TranslationCheck() {
    }

    /** Whether the translation is not much longer than its original and states no number the original does not. */
    public static boolean plausible(String original, String translation) {
        return translation.length() <= original.length() * MAX_GROWTH + SLACK
                && numbers(original).containsAll(numbers(translation));
    }

    /** Whether a back-translation (null when none came back) has sentences and each is supported by the original. */
    public static boolean backTranslationAgrees(String original, String backTranslation, String lang) {
        List<String> sentences = backTranslation == null ? List.of() : ModelAnswer.sentences(backTranslation, lang);
        return !sentences.isEmpty() && GroundingChecker.check(sentences,
                List.of(new Sentence(0, 0, original.length(), original)), lang).allSupported();
    }

    /** The numbers of a text as plain ASCII digits, separators removed: "٤٠٬٠٠٠" and "40,000" are both 40000. */
    static List<String> numbers(String text) {
        return NUMBER.matcher(text).results().map(number -> number.group().codePoints().filter(Character::isDigit)
                .mapToObj(digit -> String.valueOf(Character.digit(digit, 10))).collect(Collectors.joining())).toList();
    }
}
