package org.tidings.summary;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Speed of the offline features on a 1,000-word news article (the first paragraphs of the
 * nytimes-2 test article, cut at 1,000 words), one thread. Sample mode, so JMH reports the median
 * (p0.50) besides the mean. Run with {@code java -cp <test classpath> org.openjdk.jmh.Main SummaryBenchmark};
 * see BENCHMARKS.md, section Summaries.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class SummaryBenchmark {

    static final int WORDS = 1_000;

    String article;
    ArticleDigest digest;
    List<Sentence> sources;
    List<String> generated;

    @Setup
    public void setUp() {
        article = firstWords(GroundingSet.resource("/summary/articles/nytimes-2.txt"), WORDS);
        digest = Summarizer.digest(article, "en");
        sources = digest.sentences();
        generated = List.of(
                "Yahoo will sell its core business to Verizon for $4.8 billion.",
                "Shareholders will not get a vote on the sale of the assets.",
                "The remaining company will hold stakes in Alibaba and Yahoo Japan.");
    }

    /** The whole article digest from raw text: splitting, scoring, summary and key points. */
    @Benchmark
    public ArticleDigest digest() {
        return Summarizer.digest(article, "en");
    }

    /** An answer from raw text (splitting included), as a page asking about a fresh article does. */
    @Benchmark
    public Answer answerFromText() {
        return Summarizer.answer("How much is Verizon paying for Yahoo?", article, "en");
    }

    /** An answer on an article already digested (sentences cached with the digest). */
    @Benchmark
    public Answer answerFromDigest() {
        return Summarizer.answer("How much is Verizon paying for Yahoo?", digest);
    }

    /** Grounding three generated sentences against the article's sentences. */
    @Benchmark
    public Grounding groundThreeSentences() {
        return Summarizer.check(generated, sources, "en");
    }

    /** Splitting alone (OpenNLP sentence model), for the split-versus-scoring share. */
    @Benchmark
    public List<Sentence> splitOnly() {
        return Summarizer.sentences(article, "en");
    }

    /** Splitting alone by the rule-based splitter on the same text, the peer of the model. */
    @Benchmark
    public List<Sentence> splitByRules() {
        return Summarizer.sentences(article, "xx");
    }

    static String firstWords(String text, int words) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord && ++count > words) {
                return text.substring(0, i).strip();
            }
            inWord = !space;
        }
        return text;
    }
}
