package org.tidings.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.tidings.text.Folding;

/**
 * Decides whether each generated sentence rests on the source sentences. A sentence is supported
 * when one source sentence (or two, for a sentence that fuses two facts) covers enough of its
 * weighted content words, and every number and name it states appears in those sources, and it
 * negates nothing the sources affirm (nor affirms what they negate).
 */
final class GroundingChecker {

    /**
     * Weighted share of content words the sources must cover. On the dev half of the grounding set
     * invented facts reach 0.44 at most, paraphrases 0.53 at least; 0.50 leans towards keeping
     * paraphrases, since numbers, names and negation are checked separately.
     */
    static final double MIN_COVERAGE = 0.50;

    /**
     * A single source sentence covering this much is taken alone, so a second one cannot lend a
     * swapped name ("the Politifact writer" from the Snopes writer plus a list naming Politifact).
     */
    static final double SINGLE_SOURCE = 0.75;

    /**
     * Coverage required of two sentences, which offer an invented claim twice the words to collect
     * ("Yoon's chief of staff has been arrested" from one on the chief of staff and one on arrests).
     */
    static final double MIN_FUSED_COVERAGE = 0.65;

    /** Letters a name shares with its derived forms ("Kenya"/"Kenyan", "France"/"français"). */
    static final int NAME_ROOT = 5;

    /** A second source must add at least this much coverage to be cited: no decorative citations. */
    static final double MIN_GAIN = 0.1;

    /**
     * Longer generated "sentences" are rejected unchecked: an LLM sentence rarely passes a few
     * hundred characters, and one citation for a page would hide everything in it.
     */
    static final int MAX_CLAIM = 1_000;
    /** Only this many source sentences are searched (a story's articles together stay far below). */
    static final int MAX_SOURCES = 5_000;

    private GroundingChecker() {
    }

    static Grounding check(List<String> generated, List<Sentence> sources, String lang) {
        String language = Summarizer.language(lang);
        Source source = Source.of(byPosition(sources, language));
        return new Grounding(generated.stream()
                .map(sentence -> verdict(sentence == null ? "" : sentence, source, language)).toList());
    }

    /** Sources indexed by their position in the list, which verdicts cite (story callers map it back). */
    private static List<AnalysedSentence> byPosition(List<Sentence> sources, String language) {
        return IntStream.range(0, Math.min(sources.size(), MAX_SOURCES)).mapToObj(i -> {
            Sentence s = sources.get(i);
            return AnalysedSentence.of(new Sentence(i, s.start(), s.end(), s.text()), language);
        }).toList();
    }

    /** The source sentences with what every verdict needs about the whole source. */
    private record Source(List<AnalysedSentence> sentences, TermWeights weights, Set<String> terms,
                          Set<String> roots, Set<String> names) {
        static Source of(List<AnalysedSentence> sentences) {
            Set<String> terms = union(sentences, AnalysedSentence::terms);
            return new Source(sentences, new TermWeights(sentences), terms, GroundingChecker.roots(terms),
                    union(sentences, AnalysedSentence::names));
        }
    }

    private static Grounding.Verdict verdict(String text, Source source, String language) {
        if (text.length() > MAX_CLAIM) {
            return new Grounding.Verdict(text, false, List.of(), 0, "too long to check");
        }
        AnalysedSentence claim = AnalysedSentence.of(new Sentence(0, 0, text.length(), text), language);
        if (claim.terms().isEmpty()) {
            return new Grounding.Verdict(text, false, List.of(), 0, "no content words");
        }
        List<AnalysedSentence> support = support(claim, source.sentences(), source.weights());
        double coverage = source.weights().coverage(claim, support);
        List<Integer> indices = support.stream().map(AnalysedSentence::index).toList();
        Optional<String> problem = problem(claim, support, coverage, source);
        return new Grounding.Verdict(text, problem.isEmpty(), indices, coverage, problem.orElse("supported"));
    }

    /** The first thing that keeps the support from grounding the claim, in the order checked. */
    private static Optional<String> problem(AnalysedSentence claim, List<AnalysedSentence> support, double coverage,
                                            Source source) {
        if (coverage < MIN_COVERAGE) {
            return Optional.of("not covered");
        }
        Set<String> numbers = union(support, AnalysedSentence::numbers);
        Set<String> terms = union(support, AnalysedSentence::terms);
        Set<String> roots = roots(terms);
        Set<String> scopeInSource = union(support, AnalysedSentence::negationScope);
        return first(claim.numbers(), number -> !numbers.contains(number), "number %s not in source")
                .or(() -> first(claim.names(), name -> !containsName(terms, roots, name), "name %s not in source"))
                .or(() -> first(claim.capitals(), word -> !capitalInSource(word, terms, roots, source),
                        "name %s not in source"))
                .or(() -> first(claim.negated(), term -> terms.contains(term) && !scopeInSource.contains(term),
                        "negation differs on %s"))
                .or(() -> first(union(support, AnalysedSentence::negated),
                        term -> claim.terms().contains(term) && !claim.negationScope().contains(term),
                        "negation differs on %s"));
    }

    /** The first of the words that fails, as the reason it fails. */
    private static Optional<String> first(Set<String> words, Predicate<String> fails, String reason) {
        return words.stream().filter(fails).findFirst().map(reason::formatted);
    }

    /**
     * Whether a name occurs among the terms, also derived ("France" in "françaises"): on its first
     * {@link #NAME_ROOT} letters without accents, or exactly when shorter ("Mark" is no "market").
     */
    static boolean containsName(Set<String> terms, Set<String> roots, String name) {
        return terms.contains(name) || name.length() >= NAME_ROOT && roots.contains(root(name));
    }

    private static Set<String> roots(Set<String> terms) {
        return terms.stream().filter(term -> term.length() >= NAME_ROOT).map(GroundingChecker::root)
                .collect(Collectors.toSet());
    }

    private static String root(String term) {
        String plain = Folding.withoutAccents(term);
        return plain.substring(0, Math.min(NAME_ROOT, plain.length()));
    }

    /**
     * A capitalized first word (or German noun) the source uses as a name must be in the support
     * ("Mojang has released..." when Askar did); any other must occur somewhere in the source, or
     * it is most likely a name the source never mentions ("Walmart now has...").
     */
    private static boolean capitalInSource(String word, Set<String> supportTerms, Set<String> supportRoots,
                                           Source source) {
        return source.names().contains(word) ? containsName(supportTerms, supportRoots, word)
                : containsName(source.terms(), source.roots(), word);
    }

    /** The best source sentence, plus a second one when the pair passes as support of a fused sentence. */
    private static List<AnalysedSentence> support(AnalysedSentence claim, List<AnalysedSentence> sources,
                                                  TermWeights weights) {
        AnalysedSentence best = best(claim, List.of(), sources, weights);
        if (best == null) {
            return List.of();
        }
        double alone = weights.coverage(claim, List.of(best));
        if (alone >= SINGLE_SOURCE) {
            return List.of(best);
        }
        AnalysedSentence second = best(claim, List.of(best), sources, weights);
        if (second == null) {
            return List.of(best);
        }
        double fused = weights.coverage(claim, List.of(best, second));
        return fused - alone >= MIN_GAIN && fused >= MIN_FUSED_COVERAGE ? List.of(best, second) : List.of(best);
    }

    private static AnalysedSentence best(AnalysedSentence claim, List<AnalysedSentence> chosen,
                                         List<AnalysedSentence> sources, TermWeights weights) {
        AnalysedSentence best = null;
        double bestCoverage = 0;
        for (AnalysedSentence source : sources) {
            if (chosen.contains(source)) {
                continue;
            }
            List<AnalysedSentence> candidate = new ArrayList<>(chosen);
            candidate.add(source);
            double c = weights.coverage(claim, candidate);
            if (c > bestCoverage) {
                best = source;
                bestCoverage = c;
            }
        }
        return best;
    }

    private static Set<String> union(List<AnalysedSentence> sentences,
                                     Function<AnalysedSentence, Set<String>> part) {
        return sentences.stream().flatMap(s -> part.apply(s).stream()).collect(Collectors.toSet());
    }
}
