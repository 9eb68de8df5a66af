package org.tidings.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.tidings.text.LanguageTags;

/**
 * ISO 639-1 language codes from OpenNLP's detector ({@code langdetect-183.bin} in {@code opennlp-models-langdetect},
 * 103 languages, on the class path), with the feed's or page's declared language as a prior. Thread-safe.
 */
final class LanguageDetector {

    /** Characters looked at: the model's guess is stable long before 2,000 characters; more only costs time. */
    private static final int MAX_CHARS = 2_000;
    /** Fewer letters than this and the n-gram model is a coin toss: trust the declared language, or say "und". */
    private static final int MIN_LETTERS = 12;
    /** Below this many letters the declared language wins whenever the model ranks it among its top candidates. */
    private static final int SHORT_TEXT_LETTERS = 120;
    /** Candidates examined for the prior: a headline's true language is nearly always in the model's top five. */
    private static final int PRIOR_CANDIDATES = 5;
    /** On longer texts the declared language wins at half the top score: only clear disagreement overrides a feed. */
    private static final double PRIOR_RATIO = 0.5;
    /** Letters over all characters below this ratio: binary or markup, not prose. */
    private static final double MIN_LETTER_RATIO = 0.25;

    private static final String MODEL_RESOURCE = "/langdetect-183.bin";
    /** Read once per class loader (10 MB, about half a second) and shared: it is immutable. */
    private static final LanguageDetectorModel MODEL = loadModel();

    /** A guessed language and how sure the guess is (0.5 is a tie with the runner-up, 1 is certain). */
    record Guess(String lang, double confidence) {
        /** The answer when there is too little text to tell (ISO 639-2 "undetermined"). */
        static final Guess NONE = new Guess("und", 0);
    }

    Guess detect(String text, String declaredLang) {
        String declared = normalizeDeclared(declaredLang);
        String sample = text == null ? "" : text.substring(0, Math.min(text.length(), MAX_CHARS));
        int letters = (int) sample.chars().filter(Character::isLetter).count();
        if (letters < MIN_LETTERS || letters < sample.length() * MIN_LETTER_RATIO) {
            return declared == null ? Guess.NONE : new Guess(declared, 0.5);
        }
        // A detector per call: it costs about 0.2 us (the model is shared), and unlike a thread-local it stays cheap
        // with virtual threads and needs no reasoning about OpenNLP's thread-safety.
        return choose(new LanguageDetectorME(MODEL).predictLanguages(sample), declared, letters);
    }

    private Guess choose(Language[] ranked, String declared, int letters) {
        Language top = firstMapped(ranked);
        if (top == null) {
            return declared == null ? Guess.NONE : new Guess(declared, 0.5);
        }
        double confidence = confidence(ranked, top);
        if (declared == null || declared.equals(code(top))) {
            return new Guess(code(top), confidence);
        }
        double threshold = letters < SHORT_TEXT_LETTERS ? 0 : PRIOR_RATIO * top.getConfidence();
        boolean declaredRanksHigh = Arrays.stream(ranked).limit(PRIOR_CANDIDATES)
                .anyMatch(candidate -> declared.equals(code(candidate)) && candidate.getConfidence() >= threshold);
        return declaredRanksHigh ? new Guess(declared, 0.5) : new Guess(code(top), confidence);
    }

    private Language firstMapped(Language[] ranked) {
        return Arrays.stream(ranked).filter(candidate -> code(candidate) != null).findFirst().orElse(null);
    }

    private double confidence(Language[] ranked, Language top) {
        double runnerUp = Arrays.stream(ranked)
                .filter(candidate -> candidate != top && code(candidate) != null && !code(candidate).equals(code(top)))
                .findFirst().map(Language::getConfidence).orElse(0.0);
        double sum = top.getConfidence() + runnerUp;
        return sum <= 0 ? 0 : top.getConfidence() / sum;
    }

    private static String code(Language language) {
        return LanguageTags.twoLetter(language.getLang());
    }

    /** The declared language as an ISO 639-1 code, or null when it names none. */
    private static String normalizeDeclared(String declaredLang) {
        String primary = LanguageTags.primary(declaredLang);
        return primary != null && primary.length() == 2 && primary.chars().allMatch(c -> c >= 'a' && c <= 'z')
                ? primary : null;
    }

    private static LanguageDetectorModel loadModel() {
        try (InputStream in = LanguageDetector.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("language model " + MODEL_RESOURCE + " missing from the class path");
            }
            return new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the language model " + MODEL_RESOURCE, e);
        }
    }
}
