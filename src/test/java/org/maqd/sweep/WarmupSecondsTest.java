package org.maqd.sweep;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.run.Summary;
import org.maqd.run.SweepResultRow;
import org.maqd.train.WarmupSwitch;

/**
 * summary.json records the seconds of the JIT warm-up before the run's clock started ({@code warmup_seconds}: 0 with
 * the warm-up off), the sweep's results.csv shows it per trial, and files written before it read without it.
 */
class WarmupSecondsTest {
    @TempDir Path dir;

    private static SweepPlan plan() {
        return SweepPlan.of(SweepFixtures.experiment("{\"grid\": {\"network.defaults.norm\": [\"lbn\"]}}", 1), "tiny.json", null);
    }

    @Test
    void eachTrialRecordsItsWarmUpAndTheResultsTableShowsIt() {
        SweepPlan plan = plan();
        Path warm = dir.resolve("warm"), cold = dir.resolve("cold");
        WarmupSwitch.with(true, () -> assertTrue(SweepFixtures.run(plan, warm, 1, null, List.of()).complete()));
        WarmupSwitch.with(false, () -> assertTrue(SweepFixtures.run(plan, cold, 1, null, List.of()).complete()));
        Trial t = plan.trials().get(0);
        Summary w = Summary.read(SweepRunner.trialDir(warm, t)), c = Summary.read(SweepRunner.trialDir(cold, t));
        assertNotNull(w.warmupSeconds(), "summary.json has warmup_seconds");
        assertTrue(w.warmupSeconds() > 0, "the warm-up took time: " + w.warmupSeconds());
        assertEquals(0.0, c.warmupSeconds(), "no warm-up, no time: " + c.warmupSeconds());
        assertTrue(Summary.TIMING_FIELDS.contains("warmup_seconds"), "it depends on the machine, not the numbers");
        SweepResultRow row = SweepResultRow.read(warm).get(0);
        assertEquals(w.warmupSeconds(), row.warmupSeconds(), 0.0);
        assertEquals(0.0, SweepResultRow.read(cold).get(0).warmupSeconds(), 0.0);
        assertEquals(c.testAccuracy(), w.testAccuracy(), "the warm-up changes no number");
    }

    @Test
    void filesWrittenBeforeTheFieldReadWithoutIt() throws Exception {
        SweepPlan plan = plan();
        WarmupSwitch.with(false, () -> assertTrue(SweepFixtures.run(plan, dir, 1, null, List.of()).complete()));
        Path trial = SweepRunner.trialDir(dir, plan.trials().get(0));
        Path summary = trial.resolve("summary.json");
        String text = Files.readString(summary);
        assertTrue(text.contains("\"warmup_seconds\""), text);
        Files.writeString(summary, text.replaceAll("\\s*\"warmup_seconds\" : [0-9.eE+-]+,", ""));
        assertFalse(Files.readString(summary).contains("warmup_seconds"));
        assertNull(Summary.read(trial).warmupSeconds());
        assertTrue(Double.isNaN(TrialFolder.numbers(trial).warmupSeconds()));
        // results.csv of an older workbench: no warmup_seconds column
        Path results = dir.resolve("results.csv");
        List<String> lines = Files.readAllLines(results);
        Files.write(results, lines.stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList());
        SweepResultRow old = SweepResultRow.read(dir).get(0);
        assertTrue(Double.isNaN(old.warmupSeconds()));
        assertEquals(Summary.read(trial).testAccuracy(), old.testAccuracy(), 0.0);
        // and the tables rewritten from the old summary leave the cell empty
        SweepTables.write(plan, dir);
        assertTrue(Double.isNaN(SweepResultRow.read(dir).get(0).warmupSeconds()));
    }
}
