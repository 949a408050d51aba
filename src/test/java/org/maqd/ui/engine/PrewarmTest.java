package org.maqd.ui.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.ExperimentIO;
import org.maqd.run.RunFiles;
import org.maqd.run.Summary;
import org.maqd.train.RunControl;
import org.maqd.train.WarmupSwitch;

/** The background warm-up the window starts when it opens leaves every trained bit as it was, and is gated. */
class PrewarmTest {
    @TempDir Path dir;

    private static Experiment tiny() {
        return ExperimentIO.parse("""
                {"description": "tiny", "name": "tiny", "seed": 3, "threads": 2,
                 "data": {"dataset": "mnist-10k", "trainLimit": 256, "testLimit": 100},
                 "network": {"input": [1, 28, 28], "defaults": {"weightStates": 3, "activationStates": 2, "norm": "lbn"},
                   "layers": [{"type": "flatten"}, {"type": "linear", "units": 32}, {"type": "output", "units": 10}]},
                 "training": {"epochs": 1, "batchSize": 32}, "probes": {"everySteps": 4, "histogramBins": 16}}
                """, "tiny.json");
    }

    private byte[] model(Trainer.Result r) throws Exception { return Files.readAllBytes(r.runDir().resolve(RunFiles.MODEL_WEIGHTS)); }

    @Test
    void aRunAfterTheBackgroundWarmUpTrainsTheSameBits() throws Exception {
        Trainer.Result[] r = new Trainer.Result[2];
        String[] did = new String[1];
        WarmupSwitch.with(true, () -> {
            EngineTrainer plain = new EngineTrainer(), prepared = new EngineTrainer();
            r[0] = plain.run(tiny(), Path.of("."), dir.resolve("plain"), new RunControl(), List.of());
            prepared.prepare(tiny(), Path.of("."));
            r[1] = prepared.run(tiny(), Path.of("."), dir.resolve("prepared"), new RunControl(), List.of());
            did[0] = prepared.prewarmed();
        });
        assertTrue(did[0].startsWith("data read in"), "the background warm-up ran: " + did[0]);
        assertArrayEquals(model(r[0]), model(r[1]), "the warm-up changed the trained weights");
        assertEquals(r[0].outcome().last().testAccuracy(), r[1].outcome().last().testAccuracy());
        assertTrue(Summary.read(r[0].runDir()).warmupSeconds() > 0, "a run in a cold process warms the JIT up itself");
        assertEquals(0.0, Summary.read(r[1].runDir()).warmupSeconds(),
                "the run after a finished background warm-up of its network warmed up again");
    }

    @Test
    void theSecondRunOfANetworkDoesNotWarmUpAgain() {
        Trainer.Result[] r = new Trainer.Result[2];
        WarmupSwitch.with(true, () -> {
            EngineTrainer t = new EngineTrainer();
            r[0] = t.run(tiny(), Path.of("."), dir.resolve("first"), new RunControl(), List.of());
            r[1] = t.run(tiny().withSeed(4L), Path.of("."), dir.resolve("second"), new RunControl(), List.of());
        });
        assertTrue(Summary.read(r[0].runDir()).warmupSeconds() > 0, "the first run in a cold trainer warms up");
        assertEquals(0.0, Summary.read(r[1].runDir()).warmupSeconds(), "the second run of the same network warmed up again");
    }

    @Test
    void aRunOfAnotherNetworkStillWarmsUp() {
        Prewarm p = new Prewarm();
        WarmupSwitch.with(true, () -> {
            p.start(tiny(), Path.of("."));
            p.await();
            assertTrue(p.warmed(tiny()), "the warm-up compiled the JIT for the network it ran");
            assertTrue(p.warmed(tiny().withSeed(99L)), "the seed does not change which kernels run");
            Experiment wider = tiny().withTraining(tiny().training().withBatchSize(64));
            assertFalse(p.warmed(wider), "another batch size is warmed up again");
        });
        WarmupSwitch.with(false, () -> assertFalse(p.warmed(tiny()), "with the warm-up off nothing is claimed warm"));
    }

    @Test
    void offWithTheWarmUpSwitch() {
        Prewarm p = new Prewarm();
        WarmupSwitch.with(false, () -> p.start(tiny(), Path.of(".")));
        assertEquals("", p.await(), "nothing ran");
    }
}
