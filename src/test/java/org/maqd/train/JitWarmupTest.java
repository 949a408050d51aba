package org.maqd.train;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.ExperimentDefaults;
import org.maqd.experiment.ExperimentIO;
import org.maqd.experiment.RunLauncher;
import org.maqd.experiment.RunOptions;
import org.maqd.model.Network;
import org.maqd.tensor.Parallel;

/** The warm-up before a run's clock: it changes no number of the run, and its narrow copy keeps every layer kind. */
class JitWarmupTest {
    @TempDir Path dir;

    static Experiment exp(String layers, int[] input) {
        return ExperimentIO.parse("""
                {"description": "warm-up test", "name": "warm", "seed": 3, "threads": 2,
                 "data": {"dataset": "mnist-10k", "trainLimit": 256, "testLimit": 128},
                 "network": {"input": [1, 28, 28], "defaults": {"weightStates": 3, "activationStates": 2}, "layers": %s},
                 "training": {"epochs": 1, "batchSize": 32}, "probes": {"everySteps": 4}}
                """.formatted(layers), "warm.json");
    }

    static final String MLP = "[{\"type\": \"flatten\"}, {\"type\": \"linear\", \"units\": 100}, {\"type\": \"output\", \"units\": 10}]";
    static final String CNN = "[{\"type\": \"conv2d\", \"channels\": 40, \"kernel\": 3, \"padding\": 1}, {\"type\": \"maxpool\", \"kernel\": 2},"
            + " {\"type\": \"flatten\"}, {\"type\": \"output\", \"units\": 10}]";

    @Test
    void aRunIsByteForByteTheSameWithAndWithoutWarmUp() throws Exception {
        Path[] runs = new Path[2];
        WarmupSwitch.with(true, () -> {
            assertTrue(JitWarmup.enabled());
            runs[0] = runMlp("warm");
        });
        WarmupSwitch.with(false, () -> {
            assertFalse(JitWarmup.enabled());
            runs[1] = runMlp("cold");
        });
        assertArrayEquals(Files.readAllBytes(runs[1].resolve("model.safetensors")), Files.readAllBytes(runs[0].resolve("model.safetensors")));
        assertEquals(Files.readString(runs[1].resolve("layers.csv")), Files.readString(runs[0].resolve("layers.csv")));
    }

    private Path runMlp(String name) {
        try {
            return RunLauncher.run(exp(MLP, null), new RunOptions(Path.of("."), dir, dir.resolve(name), false, false, false), null, List.of()).runDir();
        } catch (Exception e) {
            throw new AssertionError("run " + name + " failed", e);
        }
    }

    @Test
    void warmUpTrainsAndReportsWhatItDid() {
        Experiment e = ExperimentDefaults.resolve(exp(MLP, null));
        try (Parallel par = new Parallel(2)) {
            JitWarmup.Result r = JitWarmup.warm(e.network(), new int[] {1, 28, 28}, 10, e.training(), 32, e.probes(), par);
            assertTrue(r.steps() >= 1, r.toString());
            assertTrue(r.seconds() > 0 && r.firstStepSeconds() > 0 && r.settledStepSeconds() > 0, r.toString());
        }
    }

    @Test
    void theNarrowCopyHasTheSameLayersWithFewerUnitsAndChannels() {
        for (String layers : List.of(MLP, CNN)) {
            Experiment e = ExperimentDefaults.resolve(exp(layers, null));
            try (Parallel par = new Parallel(1)) {
                Network full = org.maqd.model.NetworkBuilder.build(e.network(), new int[] {1, 28, 28}, 10, par, 0L);
                Network narrow = JitWarmup.narrow(e.network(), new int[] {1, 28, 28}, 10, par);
                assertNotNull(narrow, layers);
                assertEquals(full.layers().stream().map(l -> l.kind()).toList(), narrow.layers().stream().map(l -> l.kind()).toList());
                assertTrue(narrow.parameterCount() < full.parameterCount(), layers);
            }
        }
    }

    /** A graph run warmed up from the CLI threw a NullPointerException: the narrow copy read only {@code layers}. */
    @Test
    void aGraphWarmsUpAndItsNarrowCopyKeepsNodesAndWires() {
        Experiment e = ExperimentDefaults.resolve(ExperimentIO.read(Path.of("experiments", "resnet.json")));
        try (Parallel par = new Parallel(2)) {
            Network full = org.maqd.model.NetworkBuilder.build(e.network(), new int[] {1, 28, 28}, 10, par, 0L);
            Network narrow = JitWarmup.narrow(e.network(), new int[] {1, 28, 28}, 10, par);
            assertNotNull(narrow);
            assertEquals(full.layers().stream().map(l -> l.kind()).toList(), narrow.layers().stream().map(l -> l.kind()).toList());
            for (int i = 0; i < full.layers().size(); i++) assertArrayEquals(full.inputs(i), narrow.inputs(i), "node " + i);
            assertTrue(narrow.parameterCount() < full.parameterCount());
            Experiment g = ExperimentDefaults.resolve(org.maqd.deploy.DeployFixtures.graph("warm-graph",
                    "\"weightStates\": 3, \"activationStates\": 2", org.maqd.deploy.DeployFixtures.GRAPH, 64, 64, 1));
            JitWarmup.Result r = JitWarmup.warm(g.network(), new int[] {1, 28, 28}, 10, g.training(), 8, e.probes(), par);
            assertTrue(r.steps() >= 1, r.toString());
        }
    }
}
