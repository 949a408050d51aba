package org.maqd.sweep;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.report.Numbers;
import org.maqd.run.CsvTable;
import org.maqd.train.EpochMetrics;
import org.maqd.train.RunControl;
import org.maqd.train.RunInfo;
import org.maqd.train.TrainingListener;

/** End-to-end sweeps on a tiny MNIST subset: folders, tables, statistics, interruption and resume. */
class SweepRunnerTest {

    @Test
    void runsEveryTrialAndWritesResultsAndSummary(@TempDir Path dir) {
        SweepPlan plan = SweepPlan.of(SweepFixtures.experiment(SweepFixtures.NORM_SWEEP, 1), "tiny.json", null);
        List<Integer> threads = Collections.synchronizedList(new ArrayList<>());
        SweepRunner.Outcome o = SweepFixtures.run(plan, dir, 2, null, List.of(new TrainingListener() {
            @Override public void onStart(RunInfo info) { threads.add(info.threads()); }
        }));
        assertTrue(o.complete());
        assertEquals(List.of(1, 1, 1, 1), threads, "2 threads shared by 2 trials at a time");
        assertEquals(4, o.ran());
        for (Trial t : plan.trials()) {
            Path td = dir.resolve("trials").resolve(t.id());
            assertEquals("completed", TrialFolder.status(td), t.id());
            assertTrue(Files.exists(td.resolve("metrics.csv")));
        }
        assertTrue(Files.exists(dir.resolve("sweep.json")));
        CsvTable results = CsvTable.read(dir.resolve("results.csv"));
        assertEquals(List.of("id", "norm", "seed", "status", "test_accuracy", "test_loss", "train_accuracy", "epochs",
                "steps", "seconds", "samples_per_second", "warmup_seconds"), results.header());
        assertEquals(4, results.rows().size());
        CsvTable summary = CsvTable.read(dir.resolve("summary.csv"));
        assertEquals(2, summary.rows().size());
        assertEquals("lbn", summary.get(summary.rows().get(0), "norm"));
        // mean, std and CI recomputed by hand from results.csv
        for (List<String> s : summary.rows()) {
            List<Double> acc = new ArrayList<>();
            for (List<String> r : results.rows()) {
                if (results.get(r, "norm").equals(summary.get(s, "norm"))) acc.add(Numbers.num(results.get(r, "test_accuracy")));
            }
            assertEquals(2, acc.size());
            double mean = (acc.get(0) + acc.get(1)) / 2;
            double sd = Math.abs(acc.get(0) - acc.get(1)) / Math.sqrt(2);
            assertEquals("2", summary.get(s, "n"));
            assertEquals(mean, Numbers.num(summary.get(s, "test_accuracy_mean")), 1e-12);
            assertEquals(sd, Numbers.num(summary.get(s, "test_accuracy_std")), 1e-12);
            assertEquals(12.706205 * sd / Math.sqrt(2), Numbers.num(summary.get(s, "test_accuracy_ci95")), 1e-12);
        }
        // the accuracy of each trial is the one in its own summary
        List<String> r0 = results.rows().get(0);
        double fromTrial = TrialFolder.numbers(dir.resolve("trials").resolve(results.get(r0, "id"))).testAccuracy();
        assertEquals(fromTrial, Numbers.num(results.get(r0, "test_accuracy")));
    }

    /**
     * Equal optimizer steps at every batch size: each list entry sets batch size, samples and epochs. Sweeping
     * training.epochs used to fail on the duplicate column "epochs"; the field's column is now "training.epochs".
     */
    @Test
    void aSweepOverEpochsKeepsItsOwnEpochsColumnAndCountsSteps(@TempDir Path dir) {
        String sweep = """
                {"list": [{"training.batchSize": 8, "data.trainLimit": 64, "training.epochs": 1},
                          {"training.batchSize": 32, "data.trainLimit": 128, "training.epochs": 2}]}""";
        SweepPlan plan = SweepPlan.of(SweepFixtures.experiment(sweep, 1), "tiny.json", null);
        assertEquals(List.of("batchSize", "trainLimit", "training.epochs"), plan.shortNames());
        assertEquals("batchSize=8_trainLimit=64_epochs=1_seed=3", plan.trials().get(0).id(), "trial ids keep the short name");
        assertTrue(SweepFixtures.run(plan, dir, 1, null, List.of()).complete());
        CsvTable results = CsvTable.read(dir.resolve("results.csv"));
        assertEquals(List.of("id", "batchSize", "trainLimit", "training.epochs", "seed", "status", "test_accuracy",
                "test_loss", "train_accuracy", "epochs", "steps", "seconds", "samples_per_second", "warmup_seconds"), results.header());
        for (List<String> r : results.rows()) assertEquals(8.0, Numbers.num(results.get(r, "steps")), r.toString());
        CsvTable summary = CsvTable.read(dir.resolve("summary.csv"));
        assertEquals(8.0, Numbers.num(summary.get(summary.rows().get(1), "steps_mean")));
    }

    @Test
    void anInterruptedSweepFinishesOnlyTheMissingTrials(@TempDir Path dir) throws Exception {
        SweepPlan plan = SweepPlan.of(SweepFixtures.experiment(SweepFixtures.NORM_SWEEP, 2), "tiny.json", null);
        RunControl control = new RunControl();
        AtomicInteger epochEnds = new AtomicInteger();
        // stop in the middle of the third trial, after its first epoch (its checkpoint is written by then)
        TrainingListener stopper = new TrainingListener() {
            @Override public void onEpoch(EpochMetrics m) { if (epochEnds.incrementAndGet() == 5) control.stop(); }
        };
        SweepRunner.Outcome first = SweepFixtures.run(plan, dir, 1, control, List.of(stopper));
        assertTrue(first.stopped());
        List<String> status = plan.trials().stream().map(t -> TrialFolder.status(dir.resolve("trials").resolve(t.id()))).toList();
        assertEquals(List.of("completed", "completed", "stopped", "pending"), status);
        Map<String, FileTime> before = new HashMap<>();
        for (int i = 0; i < 2; i++) {
            Path s = dir.resolve("trials").resolve(plan.trials().get(i).id()).resolve("summary.json");
            before.put(s.toString(), Files.getLastModifiedTime(s));
        }
        CsvTable partial = CsvTable.read(dir.resolve("results.csv"));
        assertEquals(4, partial.rows().size(), "results.csv lists every trial, finished or not");

        List<RunInfo> started = Collections.synchronizedList(new ArrayList<>());
        SweepRunner.Outcome second = SweepFixtures.run(plan, dir, 1, null, List.of(new TrainingListener() {
            @Override public void onStart(RunInfo info) { started.add(info); }
        }));
        assertTrue(second.complete());
        assertEquals(2, second.skipped());
        assertEquals(2, second.ran());
        assertEquals(2, started.size(), "only the two missing trials run");
        assertEquals(1, started.get(0).startEpoch(), "the interrupted trial resumes after its checkpointed epoch");
        assertEquals(0, started.get(1).startEpoch());
        for (var e : before.entrySet()) assertEquals(e.getValue(), Files.getLastModifiedTime(Path.of(e.getKey())), "finished trial untouched");
        for (Trial t : plan.trials()) assertEquals("completed", TrialFolder.status(dir.resolve("trials").resolve(t.id())));
        CsvTable summary = CsvTable.read(dir.resolve("summary.csv"));
        assertEquals(List.of("2", "2"), summary.rows().stream().map(r -> summary.get(r, "n")).toList());

        // a third run has nothing left to do
        SweepRunner.Outcome third = SweepFixtures.run(plan, dir, 1, null, List.of());
        assertEquals(4, third.skipped());
        assertEquals(0, third.ran());
    }

    @Test
    void resumedTrialGivesTheSameNumbersAsAnUninterruptedOne(@TempDir Path dir) {
        String one = "{\"grid\": {\"network.defaults.norm\": [\"lbn\"]}}";
        SweepPlan plan = SweepPlan.of(SweepFixtures.experiment(one, 2), "tiny.json", null);
        SweepFixtures.run(plan, dir.resolve("full"), 1, null, List.of());
        RunControl control = new RunControl();
        SweepFixtures.run(plan, dir.resolve("cut"), 1, control, List.of(new TrainingListener() {
            @Override public void onEpoch(EpochMetrics m) { control.stop(); }
        }));
        SweepFixtures.run(plan, dir.resolve("cut"), 1, null, List.of());
        String id = plan.trials().get(0).id();
        assertEquals(TrialFolder.numbers(dir.resolve("full/trials").resolve(id)).testAccuracy(),
                TrialFolder.numbers(dir.resolve("cut/trials").resolve(id)).testAccuracy());
    }
}
