package org.tidings.summary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.sentdetect.ThreadSafeSentenceDetectorME;
import opennlp.tools.util.Span;

/**
 * Splits text into sentences with their offsets. A blank line always ends a sentence, and so does
 * a line break after an unpunctuated line (a heading must never be glued to the paragraph below
 * it). Inside a block of lines, languages with an OpenNLP sentence model on Maven
 * Central (en, de, fr) use it; the others use {@link RuleSplitter}.
 */
final class SentenceSplitter {

    /** Sentence models inside the opennlp-models-sentdetect-* jars, by language. */
    private static final Map<String, String> MODELS = Map.of(
            "en", "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin",
            "de", "/opennlp-de-ud-gsd-sentence-1.3-2.5.4.bin",
            "fr", "/opennlp-fr-ud-gsd-sentence-1.3-2.5.4.bin");

    /**
     * Only this many characters of a text are split (about 30,000 words; the longest article in
     * the dev data has 20,000). Guards the server against a megabyte "article" costing seconds.
     */
    static final int MAX_TEXT = 200_000;

    /** Lines longer than this are split by rules only: guards the model against megabyte lines. */
    private static final int MAX_MODEL_LINE = 20_000;

    /** Loaded on first use; empty where the model jar is missing from the class path. */
    private static final Map<String, Optional<ThreadSafeSentenceDetectorME>> DETECTORS = new ConcurrentHashMap<>();

    private SentenceSplitter() {
    }

    static List<Sentence> split(String whole, String lang) {
        List<Sentence> sentences = new ArrayList<>();
        if (whole == null || whole.isEmpty()) {
            return sentences;
        }
        String language = Summarizer.language(lang);
        ThreadSafeSentenceDetectorME detector = detector(language);
        String text = whole.length() > MAX_TEXT ? whole.substring(0, cutPoint(whole)) : whole;
        int blockStart = 0;
        while (blockStart < text.length()) {
            int blockEnd = blockEnd(text, blockStart);
            splitLine(whole, blockStart, blockEnd, detector, language, sentences);
            blockStart = blockEnd + 1;
        }
        return sentences;
    }

    /** Cuts at {@link #MAX_TEXT}, never inside a surrogate pair. */
    private static int cutPoint(String text) {
        return Character.isHighSurrogate(text.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
    }

    /**
     * End of the block of lines starting at {@code from}: a blank line, or an unpunctuated line before
     * one starting with a capital (a heading). Other line breaks wrap a paragraph ("Snopes.com\nwriter").
     */
    private static int blockEnd(String text, int from) {
        int end = text.indexOf('\n', from);
        while (end >= 0 && end + 1 < text.length()) {
            int next = end + 1;
            int nextEnd = text.indexOf('\n', next);
            String nextLine = text.substring(next, nextEnd < 0 ? text.length() : nextEnd);
            if (nextLine.isBlank() || isHeadingBreak(lastCharBefore(text, from, end), nextLine)) {
                return end;
            }
            end = nextEnd;
        }
        return end < 0 ? text.length() : end;
    }

    private static char lastCharBefore(String text, int from, int end) {
        for (int i = end - 1; i >= from; i--) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return '.';
    }

    private static boolean isHeadingBreak(char lastBefore, String nextLine) {
        String next = nextLine.stripLeading();
        boolean closed = ".!?:;…\"”’»)".indexOf(lastBefore) >= 0;
        return !closed && !next.isEmpty() && !Character.isLowerCase(next.charAt(0));
    }

    private static void splitLine(String text, int from, int to, ThreadSafeSentenceDetectorME detector,
                                  String language, List<Sentence> out) {
        String line = text.substring(from, to);
        if (line.isBlank()) {
            return;
        }
        List<int[]> spans = detector != null && line.length() <= MAX_MODEL_LINE
                ? modelSpans(detector, line, language)
                : RuleSplitter.spans(line, language);
        for (int[] span : spans) {
            addTrimmed(text, from + span[0], from + span[1], out);
        }
    }

    /**
     * The model's spans, except that a span is joined to the one before when it starts with a
     * lower-case letter (the model splits after periods inside tokens: "the Snopes.com | writer
     * has...") or when the one before ends with an initial or a known abbreviation (the UD models
     * split "said Robert M. | Danin" and "Feb. | 23": 20 such splits in the 27 en/de/fr test articles).
     */
    private static List<int[]> modelSpans(ThreadSafeSentenceDetectorME detector, String line, String language) {
        List<int[]> spans = new ArrayList<>();
        for (Span span : detector.sentPosDetect(line)) {
            if (!spans.isEmpty() && (Character.isLowerCase(line.charAt(span.getStart()))
                    || RuleSplitter.endsWithAbbreviation(line, spans.getLast()[1], language))) {
                spans.getLast()[1] = span.getEnd();
            } else {
                spans.add(new int[] {span.getStart(), span.getEnd()});
            }
        }
        return spans;
    }

    private static void addTrimmed(String text, int start, int end, List<Sentence> out) {
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start && text.substring(start, end).chars().anyMatch(Character::isLetterOrDigit)) {
            out.add(new Sentence(out.size(), start, end, text.substring(start, end)));
        }
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static ThreadSafeSentenceDetectorME detector(String language) {
        String resource = MODELS.get(language);
        return resource == null ? null : DETECTORS.computeIfAbsent(language, l -> load(resource)).orElse(null);
    }

    private static Optional<ThreadSafeSentenceDetectorME> load(String resource) {
        try (InputStream in = SentenceSplitter.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new ThreadSafeSentenceDetectorME(new SentenceModel(in)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sentence model " + resource, e);
        }
    }

    static boolean hasModel(String lang) {
        return detector(Summarizer.language(lang)) != null;
    }
}
