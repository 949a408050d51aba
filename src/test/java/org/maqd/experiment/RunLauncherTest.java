package org.maqd.experiment;

import org.maqd.train.ProbeSpec;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.train.EpochMetrics;
import org.maqd.run.MetricRow;
import org.maqd.train.ProbeSnapshot;
import org.maqd.train.RunControl;
import org.maqd.train.TrainingListener;

/** End-to-end runs on a small subset of the embedded MNIST: files, determinism, threads, resume, divergence. */
class RunLauncherTest {
    static Experiment small(int epochs, int threads) {
        String json = """
                {"description": "small", "name": "small", "seed": 7, "threads": %d,
                 "data": {"dataset": "mnist-10k", "trainLimit": 640, "testLimit": 200},
                 "network": {"input": [1, 28, 28], "defaults": {"weightStates": 3, "activationStates": 2},
                   "layers": [{"type": "flatten"}, {"type": "linear", "units": 64}, {"type": "dropout", "rate": 0.1},
                              {"type": "linear", "units": 64}, {"type": "output", "units": 10}]},
                 "training": {"epochs": %d, "batchSize": 32},
                 "probes": {"everySteps": 5}}
                """.formatted(threads, epochs);
        return ExperimentIO.parse(json, "small.json");
    }

    static RunResult run(Experiment e, Path out, boolean resume, RunControl c, List<TrainingListener> ls) {
        return RunLauncher.run(e, new RunOptions(Path.of("."), out.getParent(), out, resume, false, false), c, ls);
    }

    /** metrics.csv without the timing columns. */
    static List<String> numbers(Path runDir) throws Exception {
        List<String> out = new ArrayList<>();
        for (MetricRow m : MetricRow.FILE.read(runDir)) {
            out.add(new MetricRow(m.epoch(), m.step(), m.trainLoss(), m.trainAccuracy(), m.testLoss(), m.testAccuracy(),
                    m.learningRate(), 0, 0).toString());
        }
        return out;
    }

    @Test
    void writesRunFolderAndLearns(@TempDir Path dir) throws Exception {
        List<ProbeSnapshot> probes = new ArrayList<>();
        RunResult r = run(small(2, 2), dir.resolve("a"), false, null, List.of(new TrainingListener() {
            @Override public void onProbe(ProbeSnapshot s) { probes.add(s); }
        }));
        assertTrue(r.outcome().completed(), r.outcome().message());
        for (String f : List.of("experiment.json", "metrics.csv", "layers.csv", "histograms.csv", "model.safetensors",
                "model.json", "summary.json", "checkpoint/model.safetensors", "checkpoint/optimizer.safetensors")) {
            assertTrue(Files.exists(r.runDir().resolve(f)), f);
        }
        assertEquals(3, Files.readAllLines(r.runDir().resolve("metrics.csv")).size());
        assertTrue(r.outcome().last().testAccuracy() > 0.5, "accuracy " + r.outcome().last().testAccuracy());
        String summary = Files.readString(r.runDir().resolve("summary.json"));
        for (String k : List.of("test_accuracy", "epochs", "seed", "threads", "seconds", "samples_per_second", "jdk", "cpu", "dataset_hash")) {
            assertTrue(summary.contains("\"" + k + "\""), k);
        }
        // the resolved experiment reads back as a valid experiment
        Experiment resolved = ExperimentIO.read(r.runDir().resolve("experiment.json"));
        assertEquals(256, resolved.network().layers().get(1).weightStates());
        assertFalse(probes.isEmpty());
        var p = probes.get(probes.size() - 1).layers().get(1);
        assertEquals(3, p.weightStates());
        assertEquals(3, p.weightOccupancy().length);
        assertEquals(64L * 64, Arrays.stream(p.weightOccupancy()).sum());
        assertTrue(p.firingRate() > 0 && p.firingRate() < 1);
        assertTrue(p.weightSqnrDb() > 0);
    }

    @Test
    void sameSeedSameNumbersForOneOrTwoThreads(@TempDir Path dir) throws Exception {
        Path a = run(small(2, 1), dir.resolve("a"), false, null, List.of()).runDir();
        Path b = run(small(2, 2), dir.resolve("b"), false, null, List.of()).runDir();
        Path c = run(small(2, 2), dir.resolve("c"), false, null, List.of()).runDir();
        assertEquals(numbers(a), numbers(b), "1 vs 2 threads");
        assertEquals(numbers(b), numbers(c), "same seed twice");
        assertArrayEquals(Files.readAllBytes(a.resolve("model.safetensors")), Files.readAllBytes(b.resolve("model.safetensors")));
        assertNotEquals(numbers(a), numbers(run(small(2, 1).withSeed(8L), dir.resolve("d"), false, null, List.of()).runDir()));
    }

    @Test
    void probesDoNotChangeTheNumbers(@TempDir Path dir) throws Exception {
        Path with = run(small(2, 2), dir.resolve("with"), false, null, List.of()).runDir();
        Experiment off = small(2, 2).withProbes(new ProbeSpec(false, null, null, null));
        Path without = run(off, dir.resolve("without"), false, null, List.of()).runDir();
        assertEquals(numbers(with), numbers(without));
        assertEquals(1, Files.readAllLines(without.resolve("layers.csv")).size(), "no probe rows when probes are off");
        assertTrue(Files.readAllLines(with.resolve("layers.csv")).size() > 4);
    }

    @Test
    void interruptedRunResumesToTheSameNumbers(@TempDir Path dir) throws Exception {
        Path full = run(small(3, 2), dir.resolve("full"), false, null, List.of()).runDir();
        RunControl control = new RunControl();
        Path part = dir.resolve("part");
        RunResult stopped = run(small(3, 2), part, false, control, List.of(new TrainingListener() {
            @Override public void onEpoch(EpochMetrics m) { if (m.epoch() == 1) control.stop(); }
        }));
        assertEquals("stopped", stopped.outcome().status());
        assertEquals(2, Files.readAllLines(part.resolve("metrics.csv")).size());
        RunResult resumed = run(small(3, 2), part, true, null, List.of());
        assertTrue(resumed.outcome().completed());
        assertEquals(numbers(full), numbers(part));
        assertArrayEquals(Files.readAllBytes(full.resolve("model.safetensors")), Files.readAllBytes(part.resolve("model.safetensors")));
        byte[] summary = Files.readAllBytes(part.resolve("summary.json"));
        ExperimentException done = assertThrows(ExperimentException.class, () -> run(small(3, 2), part, true, null, List.of()));
        assertTrue(done.getMessage().contains("nothing to resume"), done.getMessage());
        assertArrayEquals(summary, Files.readAllBytes(part.resolve("summary.json")), "a finished run is left as it was");
    }

    @Test
    void divergenceStopsWithAMessageAndKeepsTheCheckpoint(@TempDir Path dir) throws Exception {
        Experiment e = small(3, 1);
        e = e.withNetwork(e.network().withDefaults(new org.maqd.model.QuantDefaults(0, 0, "none", null, false,
                null, null, null, null, null, null, null, 0, 0)))
             .withTraining(e.training().withLearningRate(1e30).withOptimizer("sgd").withSchedule("constant"));
        AtomicInteger epochs = new AtomicInteger();
        RunResult r = run(e, dir.resolve("nan"), false, null, List.of(new TrainingListener() {
            @Override public void onEpoch(EpochMetrics m) { epochs.incrementAndGet(); }
        }));
        assertEquals("diverged", r.outcome().status());
        assertTrue(r.outcome().message().contains("diverged at step"), r.outcome().message());
        assertTrue(Files.exists(r.runDir().resolve("summary.json")));
        assertTrue(Files.readString(r.runDir().resolve("summary.json")).contains("diverged"));
        assertTrue(Files.exists(r.runDir().resolve("experiment.json")));
    }
}
