package org.tidings.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The suite's short fuzzing pass over the core's targets: a sample of each target's seeds, then
 * mutations with a fixed random seed, a fixed number of inputs each (a second or two per target).
 * The long, coverage-guided run is {@code FuzzCommand}; each finding of either became a named test
 * in the target's own test class.
 */
class CoreFuzzTest {

    /** Inputs per target: the slow targets (whole pages) get fewer. */
    private static final Map<String, Long> EXECUTIONS = Map.of("feed", 1_500L, "json-feed", 1_500L, "opml", 1_500L,
            "extractor", 100L, "sanitizer", 1_500L, "dates", 10_000L, "canonical-url", 10_000L);
    private static final int SEEDS = 40;

    static List<FuzzTarget> targets() {
        return CoreTargets.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void keepsItsContract(FuzzTarget target) {
        MutationRun.Result result = MutationRun.run(target, Seeds.sample(target.seeds().get(), SEEDS),
                EXECUTIONS.get(target.name()), Duration.ofMinutes(2), MutationRun.SUITE_SEED);
        assertThat(result.findings()).as(() -> result.findings().stream().map(MutationRun.Finding::describe)
                .reduce((a, b) -> a + "\n" + b).orElse("")).isEmpty();
        assertThat(result.executions()).isEqualTo(EXECUTIONS.get(target.name()));
    }
}
