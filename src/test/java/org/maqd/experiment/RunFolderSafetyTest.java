package org.maqd.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.model.ModelFormatException;
import org.maqd.model.Safetensors;
import org.maqd.run.RunFiles;
import org.maqd.run.RunLock;
import org.maqd.run.Summary;

/** A run folder is never overwritten or shared, survives a kill after its last checkpoint, and refuses to be wiped. */
class RunFolderSafetyTest {
    @TempDir Path dir;

    static Experiment tiny(int epochs) {
        return ExperimentIO.parse("""
                {"name": "tiny", "seed": 3, "threads": 1,
                 "data": {"dataset": "blobs", "toySamples": 96},
                 "network": {"input": [2, 1, 1], "defaults": {"weightStates": 3, "activationStates": 2},
                   "layers": [{"type": "flatten"}, {"type": "linear", "units": 8}, {"type": "output", "units": 4}]},
                 "training": {"epochs": %d, "batchSize": 16},
                 "probes": {"everySteps": 2}}
                """.formatted(epochs), "tiny.json");
    }

    static RunResult run(Experiment e, Path out, boolean resume, boolean force) {
        return RunLauncher.run(e, new RunOptions(Path.of("."), out.getParent(), out, resume, false, false, force), null, List.of());
    }

    /** Every file of a folder (relative path → bytes), the lock excluded. */
    static Map<String, byte[]> files(Path root) throws Exception {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) m.put(root.relativize(p).toString(), Files.readAllBytes(p));
        }
        return m;
    }

    static void assertSameFiles(Map<String, byte[]> a, Map<String, byte[]> b) {
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) assertArrayEquals(a.get(k), b.get(k), k);
    }

    @Test
    void anExistingRunIsRefusedUnlessResumedOrForced() throws Exception {
        Path out = dir.resolve("run");
        run(tiny(2), out, false, false);
        Files.writeString(out.resolve(RunFiles.CERTIFICATE), "{}");
        Map<String, byte[]> before = files(out);
        ExperimentException e = assertThrows(ExperimentException.class, () -> run(tiny(2), out, false, false));
        assertTrue(e.getMessage().contains("already holds a run") && e.getMessage().contains("--force"), e.getMessage());
        assertSameFiles(before, files(out));
        run(tiny(2), out, false, true);
        Path aside = dir.resolve("run.replaced-1");
        assertSameFiles(before, files(aside));
        assertFalse(Files.exists(out.resolve(RunFiles.CERTIFICATE)), "no old certificate beside the new model");
        assertEquals(Summary.COMPLETED, Summary.read(out).status());
    }

    @Test
    void aSecondWriterIsKeptOutAndTheHolderNamed() {
        Path out = dir.resolve("busy");
        try (RunLock held = RunLock.acquire(out)) {
            ExperimentException e = assertThrows(ExperimentException.class, () -> run(tiny(1), out, false, false));
            assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
            assertFalse(Files.exists(out.resolve(RunFiles.METRICS)));
        }
        assertEquals(Summary.COMPLETED, run(tiny(1), out, false, false).outcome().status());
        assertFalse(Files.exists(out.resolve(RunFiles.LOCK)), "the lock goes with its writer");
    }

    @Test
    void aRunKilledAfterItsLastCheckpointIsFinishedByResume() throws Exception {
        Path full = run(tiny(2), dir.resolve("full"), false, false).runDir();
        Path cut = run(tiny(2), dir.resolve("cut"), false, false).runDir();
        for (String f : List.of(RunFiles.MODEL_WEIGHTS, RunFiles.MODEL_JSON, RunFiles.SUMMARY)) Files.delete(cut.resolve(f));
        RunResult r = run(tiny(2), cut, true, false);
        assertEquals(Summary.COMPLETED, r.outcome().status());
        assertArrayEquals(Files.readAllBytes(full.resolve(RunFiles.MODEL_WEIGHTS)), Files.readAllBytes(cut.resolve(RunFiles.MODEL_WEIGHTS)));
        assertArrayEquals(Files.readAllBytes(full.resolve(RunFiles.MODEL_JSON)), Files.readAllBytes(cut.resolve(RunFiles.MODEL_JSON)));
        assertEquals(Summary.read(full).testAccuracy(), Summary.read(cut).testAccuracy());
        ExperimentException again = assertThrows(ExperimentException.class, () -> run(tiny(2), cut, true, false));
        assertTrue(again.getMessage().contains("nothing to resume"), again.getMessage());
    }

    @Test
    void corruptCheckpointMetadataIsRefusedAndNothingIsWiped() throws Exception {
        Path out = dir.resolve("meta");
        run(tiny(2), out, false, false);
        Files.delete(out.resolve(RunFiles.SUMMARY));
        Path ck = out.resolve(RunFiles.CHECKPOINT).resolve(RunFiles.CHECKPOINT_MODEL);
        Safetensors.Contents c = Safetensors.read(ck);
        Safetensors.write(ck, c.tensors(), Map.of("epoch", "0", "step", "x", "optimizer_steps", "4"));
        Map<String, byte[]> before = files(out);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> run(tiny(2), out, true, false));
        assertTrue(e.getMessage().contains(RunFiles.CHECKPOINT_MODEL) && e.getMessage().contains("metadata 'epoch'"), e.getMessage());
        Map<String, byte[]> after = files(out);
        after.remove(RunFiles.EXPERIMENT);
        before.remove(RunFiles.EXPERIMENT);
        assertSameFiles(before, after);
    }

    @Test
    void aDivergingRunStopsWithItsStepAndReasonAndKeepsItsCheckpoint() throws Exception {
        Experiment e = tiny(3);
        e = e.withTraining(e.training().withLearningRate(1e6).withOptimizer("sgd").withSchedule("constant"));
        RunResult r = run(e, dir.resolve("nan"), false, false);
        Summary s = Summary.read(r.runDir());
        assertEquals(Summary.DIVERGED, s.status());
        assertNotNull(s.divergedStep());
        assertTrue(s.divergedReason().contains("loss") || s.divergedReason().contains("weight") || s.divergedReason().contains("gradient"),
                s.divergedReason());
        assertFalse(Files.exists(r.runDir().resolve(RunFiles.MODEL_WEIGHTS)), "no model from diverged weights");
        if (s.epochs() > 0) assertTrue(RunFiles.hasCheckpoint(r.runDir()));
    }

    @Test
    void anOutThatIsAFileOrTooLongANameIsBadInput() throws Exception {
        Path file = Files.writeString(dir.resolve("afile"), "x");
        ExperimentException e = assertThrows(ExperimentException.class, () -> run(tiny(1), file, false, false));
        assertTrue(e.getMessage().contains("is a file"), e.getMessage());
        Path longName = dir.resolve("n".repeat(300));
        ExperimentException l = assertThrows(ExperimentException.class, () -> run(tiny(1), longName, false, false));
        assertTrue(l.getMessage().contains("at most"), l.getMessage());
    }
}
