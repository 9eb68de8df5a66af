package org.tidings.summary;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.tidings.text.Stems;
import org.tidings.text.WordLists;

/**
 * Answers a question with the article's own sentences. A sentence supports an answer when it
 * contains enough of the question's weighted content words; words the article never uses weigh
 * most, so a question about something the article does not mention finds no support and the
 * answer is an honest "the article does not say".
 */
final class QuestionAnswerer {

    /**
     * Half: a sentence sharing only the topic ("Sudan") with a question about something never
     * mentioned ("football team", weighted high because unseen) is no answer.
     */
    static final double MIN_SCORE = 0.5;
    /** Further supporting sentences must score at least this share of the best one. */
    static final double SUPPORT_RATIO = 0.75;
    static final int MAX_SUPPORT = 3;
    /** Only the start of a longer question is read: a question is a sentence, not a document. */
    static final int MAX_QUESTION = 500;

    /** What a question asks for, from its first words; a supporting sentence must contain one. */
    enum Expects { ANYTHING, NUMBER, TIME, PERSON }

    /** Openings of questions by what they ask for (sections named after {@link Expects}), and the word sets below. */
    private static final Map<String, List<String>> WORDS =
            WordLists.sections("/org/tidings/summary/questions.txt", ",");
    /** Question words and verbs of asking that carry no content, beyond each language's stop words. */
    private static final Set<String> QUESTION_WORDS = Set.copyOf(WORDS.get("no-content"));
    /** Words that answer "when" without a number. */
    private static final Set<String> TIME_WORDS = Set.copyOf(WORDS.get("time-words"));

    private QuestionAnswerer() {
    }

    static Expects expects(String question) {
        String q = question.strip().toLowerCase(Locale.ROOT).replaceAll("^[¿¡\\s]+", "");
        return Stream.of(Expects.NUMBER, Expects.TIME, Expects.PERSON)
                .filter(kind -> startsWithAny(q, WORDS.get(kind.name().toLowerCase(Locale.ROOT))))
                .findFirst().orElse(Expects.ANYTHING);
    }

    private static boolean startsWithAny(String q, List<String> openings) {
        return openings.stream().anyMatch(opening -> q.startsWith(opening)
                && (q.length() == opening.length() || !Character.isLetter(q.charAt(opening.length()))));
    }

    /**
     * Whether the sentence holds the kind of thing asked for: "When will the bridge reopen?" is not
     * answered by "Engineers will inspect the bridge before it can reopen", which says no time.
     */
    private static boolean holdsAnswer(AnalysedSentence sentence, AnalysedSentence question, Expects expects) {
        return switch (expects) {
            case ANYTHING -> true;
            case NUMBER -> !sentence.numbers().isEmpty();
            case TIME -> !sentence.numbers().isEmpty() || mentionsTime(sentence.sentence().text());
            case PERSON -> sentence.names().stream().anyMatch(n -> !question.terms().contains(n));
        };
    }

    private static boolean mentionsTime(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")).anyMatch(TIME_WORDS::contains);
    }

    static Answer answer(String question, List<Sentence> sentences, String language) {
        String q = question == null ? "" : question;
        List<AnalysedSentence> analysed = AnalysedSentence.all(sentences, language);
        AnalysedSentence asked = questionTerms(q, language);
        if (asked.terms().isEmpty() || analysed.isEmpty()) {
            return new Answer(q, false, List.of(), 0);
        }
        TermWeights weights = new TermWeights(analysed);
        Expects expects = expects(q);
        List<Scored> scored = analysed.stream()
                .map(s -> new Scored(s.sentence(),
                        holdsAnswer(s, asked, expects) ? weights.coverage(asked, List.of(s)) : 0))
                .sorted(Comparator.comparingDouble(Scored::score).reversed()
                        .thenComparingInt(x -> x.sentence().index()))
                .toList();
        double best = scored.getFirst().score();
        if (best < MIN_SCORE) {
            return new Answer(q, false, List.of(), best);
        }
        List<Sentence> support = scored.stream().filter(s -> s.score() >= Math.max(MIN_SCORE, best * SUPPORT_RATIO))
                .limit(MAX_SUPPORT).map(Scored::sentence).toList();
        return new Answer(q, true, support, best);
    }

    private record Scored(Sentence sentence, double score) {
    }

    private static AnalysedSentence questionTerms(String question, String language) {
        String text = question.length() > MAX_QUESTION ? question.substring(0, MAX_QUESTION) : question;
        AnalysedSentence raw = AnalysedSentence.of(new Sentence(0, 0, text.length(), text), language);
        raw.counts().keySet().removeIf(term -> QUESTION_WORDS.contains(term) || QUESTION_WORDS.stream()
                .anyMatch(w -> Stems.sentence(w, language).equals(term)));
        return raw;
    }
}
