package org.tidings.summary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Multi-source story digest. Sentences of different articles that say the same thing (tf-idf cosine
 * above {@link #SAME_FACT}) form facts: agreed when enough publishers report one, "reported by some"
 * when salient but reported by fewer. The timeline gives, per article in publication order, its best
 * salient fact that no earlier article reported.
 */
final class StorySummarizer {

    static final int MIN_ARTICLES = 3;
    static final int MIN_PUBLISHERS = 2;
    /**
     * Cosine at which two sentences report the same fact. At 0.5, "engineers will inspect the cables"
     * and "engineers found damage to the cables" merged. Set on the tests' invented story only; too
     * high errs on the safe side (agreement under-reported, never invented).
     */
    static final double SAME_FACT = 0.55;
    static final int MAX_POINTS = 5;
    /** Per article, only its best-ranked sentences are candidates for "reported by some" and the timeline. */
    static final int SALIENT_PER_ARTICLE = 5;
    /** Articles beyond this are ignored: bounds the pairwise comparison on huge stories. */
    static final int MAX_ARTICLES = 40;

    private StorySummarizer() {
    }

    private record Item(SourceArticle article, AnalysedSentence sentence, int rank) {
    }

    static StoryDigest digest(List<SourceArticle> input) {
        List<SourceArticle> articles = input.stream().filter(a -> a != null && a.text() != null)
                .limit(MAX_ARTICLES).toList();
        long publishers = articles.stream().map(StorySummarizer::publisher).distinct().count();
        if (articles.size() < MIN_ARTICLES || publishers < MIN_PUBLISHERS) {
            return new StoryDigest(false, List.of(), List.of(), List.of());
        }
        List<Item> items = items(articles);
        TermWeights weights = new TermWeights(items.stream().map(Item::sentence).toList());
        List<Map<String, Double>> vectors = items.stream().map(i -> weights.vector(i.sentence())).toList();
        int[] fact = link(items, vectors);
        Map<Integer, List<Integer>> facts = IntStream.range(0, items.size()).boxed()
                .collect(Collectors.groupingBy(i -> fact[i]));
        int agreeMin = (int) Math.max(2, Math.ceil(publishers / 2.0));
        return new StoryDigest(true, agreed(items, facts, agreeMin), reportedBySome(items, fact, facts, agreeMin),
                timeline(articles, items, fact));
    }

    private static String publisher(SourceArticle a) {
        return a.publisher() == null ? "" : a.publisher();
    }

    /** Every candidate sentence of every article, with its rank in its own article's digest. */
    private static List<Item> items(List<SourceArticle> articles) {
        List<Item> items = new ArrayList<>();
        for (SourceArticle article : articles) {
            String language = Summarizer.language(article.lang());
            List<AnalysedSentence> ranked = ArticleSummarizer.rank(
                    AnalysedSentence.all(SentenceSplitter.split(article.text(), language), language));
            for (int r = 0; r < ranked.size(); r++) {
                items.add(new Item(article, ranked.get(r), r));
            }
        }
        return items;
    }

    /**
     * Groups sentences into facts, best-ranked first, by complete linkage: a sentence joins the most
     * similar fact whose every member it resembles and that has none of its own article. Guards against
     * two facts chaining together through a sentence that mentions both.
     */
    private static int[] link(List<Item> items, List<Map<String, Double>> vectors) {
        List<Integer> order = IntStream.range(0, items.size()).boxed()
                .sorted(Comparator.comparingInt(i -> items.get(i).rank())).toList();
        int[] fact = new int[items.size()];
        List<List<Integer>> facts = new ArrayList<>();
        for (int i : order) {
            int best = -1;
            double bestSimilarity = SAME_FACT;
            for (int f = 0; f < facts.size(); f++) {
                double similarity = weakestLink(i, facts.get(f), items, vectors);
                if (similarity >= bestSimilarity) {
                    best = f;
                    bestSimilarity = similarity;
                }
            }
            if (best < 0) {
                best = facts.size();
                facts.add(new ArrayList<>());
            }
            facts.get(best).add(i);
            fact[i] = best;
        }
        return fact;
    }

    /** The lowest similarity of the sentence to the fact's members; -1 if the fact has one of its article. */
    private static double weakestLink(int i, List<Integer> members, List<Item> items,
                                      List<Map<String, Double>> vectors) {
        double weakest = Double.MAX_VALUE;
        for (int m : members) {
            if (items.get(m).article() == items.get(i).article()) {
                return -1;
            }
            weakest = Math.min(weakest, TermWeights.cosine(vectors.get(i), vectors.get(m)));
        }
        return weakest;
    }

    private static List<StoryDigest.Point> agreed(List<Item> items, Map<Integer, List<Integer>> facts, int agreeMin) {
        return facts.values().stream().filter(members -> publishers(items, members).size() >= agreeMin)
                .sorted(Comparator.<List<Integer>>comparingInt(m -> -publishers(items, m).size())
                        .thenComparingInt(m -> bestRank(items, m)))
                .limit(MAX_POINTS).map(m -> point(items, m)).toList();
    }

    private static List<StoryDigest.Point> reportedBySome(List<Item> items, int[] fact,
                                                          Map<Integer, List<Integer>> facts, int agreeMin) {
        return IntStream.range(0, items.size()).boxed()
                .filter(i -> items.get(i).rank() < SALIENT_PER_ARTICLE
                        && publishers(items, facts.get(fact[i])).size() < agreeMin)
                .sorted(Comparator.comparingInt(i -> items.get(i).rank()))
                .map(i -> fact[i]).distinct().limit(MAX_POINTS)
                .map(f -> point(items, facts.get(f))).toList();
    }

    private static List<StoryDigest.TimelineEntry> timeline(List<SourceArticle> articles, List<Item> items, int[] fact) {
        List<SourceArticle> ordered = new ArrayList<>(articles);
        ordered.sort(Comparator.comparing(SourceArticle::published, Comparator.nullsLast(Comparator.<Instant>naturalOrder())));
        Set<Integer> told = new HashSet<>();
        List<StoryDigest.TimelineEntry> timeline = new ArrayList<>();
        for (SourceArticle article : ordered) {
            List<Integer> own = IntStream.range(0, items.size()).filter(i -> items.get(i).article() == article)
                    .boxed().toList();
            own.stream().filter(i -> items.get(i).rank() < SALIENT_PER_ARTICLE && !told.contains(fact[i]))
                    .min(Comparator.comparingInt(i -> items.get(i).rank()))
                    .ifPresent(i -> timeline.add(new StoryDigest.TimelineEntry(article.published(), publisher(article),
                            citation(items.get(i)))));
            own.forEach(i -> told.add(fact[i]));
        }
        return timeline;
    }

    /** A fact shown by its best-ranked sentence, citing every member. */
    private static StoryDigest.Point point(List<Item> items, List<Integer> members) {
        List<Integer> ordered = members.stream().sorted(Comparator.comparingInt(i -> items.get(i).rank())).toList();
        List<StoryDigest.Citation> citations = ordered.stream().map(i -> citation(items.get(i))).toList();
        return new StoryDigest.Point(citations.getFirst().sentence().text(), citations,
                List.copyOf(publishers(items, ordered)));
    }

    private static StoryDigest.Citation citation(Item item) {
        return new StoryDigest.Citation(item.article().id(), item.sentence().sentence());
    }

    private static Set<String> publishers(List<Item> items, List<Integer> members) {
        return members.stream().map(i -> publisher(items.get(i).article()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static int bestRank(List<Item> items, List<Integer> members) {
        return members.stream().mapToInt(i -> items.get(i).rank()).min().orElse(Integer.MAX_VALUE);
    }
}
