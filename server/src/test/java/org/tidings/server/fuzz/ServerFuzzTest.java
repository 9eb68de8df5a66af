package org.tidings.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tidings.fuzz.FuzzTarget;
import org.tidings.fuzz.MutationRun;
import org.tidings.fuzz.Seeds;

/**
 * The suite's short fuzzing pass over the server's targets, as {@code CoreFuzzTest} does for the
 * core's: a sample of the seeds, then mutations with a fixed random seed, a fixed number of inputs.
 */
class ServerFuzzTest {

    private static final long EXECUTIONS = 3_000;
    private static final int SEEDS = 40;

    static List<FuzzTarget> targets() {
        return ServerTargets.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void keepsItsContract(FuzzTarget target) {
        MutationRun.Result result = MutationRun.run(target, Seeds.sample(target.seeds().get(), SEEDS), EXECUTIONS,
                Duration.ofMinutes(2), MutationRun.SUITE_SEED);
        assertThat(result.findings()).as(() -> result.findings().stream().map(MutationRun.Finding::describe)
                .reduce((a, b) -> a + "\n" + b).orElse("")).isEmpty();
        assertThat(result.executions()).isEqualTo(EXECUTIONS);
    }
}
