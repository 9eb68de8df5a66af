package org.tidings.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class NearDuplicatesTest {

    private static final String WIRE = """
            The harbour authority closed the container terminal on Tuesday after a fire broke out in a
            warehouse early in the morning. Firefighters from three districts needed six hours to bring
            the blaze under control, and no one was hurt, officials said at a press conference. The
            warehouse held furniture and textiles waiting for export, and shipping companies were told
            to expect delays of at least two days while engineers inspect the damaged structure.
            """;

    @Test
    void labelledSetMeetsThePrecisionAndRecallGoals() {
        NearDuplicateCorpus corpus = NearDuplicateCorpus.load();
        List<NearDuplicateCorpus.Pair> pairs = corpus.pairs();
        assertThat(pairs.stream().filter(NearDuplicateCorpus.Pair::copy).count()).isGreaterThan(400);
        assertThat(pairs.stream().filter(p -> !p.copy()).count()).isGreaterThan(3000);

        NearDuplicateHarness.Counts pairwise = NearDuplicateHarness.pairwise(pairs, new TreeMap<>());
        NearDuplicateHarness.Counts lookup = NearDuplicateHarness.lookup(corpus, pairs);
        assertThat(pairwise.precision()).isGreaterThanOrEqualTo(0.99);
        assertThat(pairwise.recall()).isGreaterThanOrEqualTo(0.95);
        assertThat(lookup.precision()).isGreaterThanOrEqualTo(0.99);
        assertThat(lookup.recall()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void findsACopyWithBoilerplateAndIgnoresADifferentText() {
        NearDuplicates index = new NearDuplicates();
        index.add("wire", NearDuplicates.sketch(WIRE));
        String copy = "ADVERTISEMENT. " + WIRE.replace("six hours", "about six hours") + " Subscribe to our newsletter for more.";
        assertThat(index.findOriginal(NearDuplicates.sketch(copy))).isEqualTo("wire");
        String other = """
                Ships queued outside the port on Tuesday evening after a warehouse fire shut the terminal,
                one of the busiest in the region. Truck drivers waiting at the gates said they had been told
                nothing for hours, and exporters worried about penalties at the end of the quarter, when
                furniture shipments peak. Investigators have begun looking for the cause of the blaze.
                """;
        assertThat(index.findOriginal(NearDuplicates.sketch(other))).isNull();
    }

    @Test
    void shortTextsAreNotJudged() {
        assertThat(NearDuplicates.sketch("Sbarro files for bankruptcy for the second time in three years")).isNull();
        assertThat(NearDuplicates.sketch(null)).isNull();
        assertThat(new NearDuplicates().findOriginal(null)).isNull();
    }

    @Test
    void forgetsRemovedArticles() {
        NearDuplicates index = new NearDuplicates();
        index.add("wire", NearDuplicates.sketch(WIRE));
        index.remove("wire");
        assertThat(index.findOriginal(NearDuplicates.sketch(WIRE))).isNull();
        assertThat(index.size()).isZero();
    }

    @Test
    void survivesHostileText() {
        Random random = new Random(7);
        StringBuilder binary = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            binary.append((char) random.nextInt(0x3000));
        }
        NearDuplicates index = new NearDuplicates();
        index.add("binary", NearDuplicates.sketch(binary.toString()));
        index.add("repeated", NearDuplicates.sketch("same words again and again ".repeat(200_000)));
        assertThat(index.findOriginal(NearDuplicates.sketch(WIRE))).isNull();
        assertThat(NearDuplicates.sketch("word ".repeat(1_000_000))).hasSizeLessThanOrEqualTo(NearDuplicates.SKETCH_SIZE);
    }
}
