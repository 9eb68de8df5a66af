package org.tidings.server.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.tidings.server.testing.OnEachDatabase;
import org.tidings.server.testing.TestDatabase;

/**
 * A real server process killed with SIGKILL during feed ingest and full text (at once), enrichment, the story desk and
 * a search commit, and started again after each kill ({@link CrashRun}): nothing is lost, nothing is stored twice,
 * every stage completes, and every write the server confirmed is there.
 */
@OnEachDatabase
class PipelineCrashTest {

    @Parameter
    TestDatabase db;

    @TempDir
    Path work;

    @Test
    void killedDuringEachStageItLosesNothingAndStoresNothingTwice() throws Exception {
        CrashRun.Tally tally = new CrashRun(db, work).run();
        System.out.printf("%s:%n  %s%n  items %d, lost %d, twice %d; short of a stage %d; not found %d; confirmed writes %d, lost %d%n",
                db, String.join("\n  ", tally.kills()), tally.published(), tally.missing(), tally.duplicates(), tally.unfinished(),
                tally.unsearchable(), tally.confirmed(), tally.confirmedLost());

        assertThat(tally.kills()).as("a kill in each stage").hasSize(5);
        assertThat(tally.missing()).as("items lost").isZero();
        assertThat(tally.duplicates()).as("items stored twice").isZero();
        assertThat(tally.unfinished()).as("articles short of a stage, sources not fetched").isZero();
        assertThat(tally.unsearchable()).as("articles the search does not find").isZero();
        assertThat(tally.confirmed()).as("writes confirmed before the kills").isPositive();
        assertThat(tally.confirmedLost()).as("confirmed writes lost").isZero();
    }
}
