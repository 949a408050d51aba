package org.maqd.experiment.ptq;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.data.DataSplit;
import org.maqd.data.Datasets;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.ExperimentException;
import org.maqd.experiment.ExperimentIO;
import org.maqd.experiment.PtqSpec;
import org.maqd.experiment.RunFolder;
import org.maqd.experiment.RunLauncher;
import org.maqd.experiment.RunOptions;
import org.maqd.model.Network;
import org.maqd.tensor.Parallel;
import org.maqd.train.Trainer;

/** PTQ evaluated on a float MLP trained on a subset of the embedded MNIST. */
class PtqEvaluatorTest {
    @TempDir static Path dir;
    static Path floatRun, quantRun;

    static Experiment mlp(String defaults) {
        return ExperimentIO.parse("""
                {"description": "ptq test", "name": "ptq", "seed": 1, "threads": 2,
                 "data": {"dataset": "mnist-10k", "trainLimit": 1500, "testLimit": 500},
                 "network": {"input": [1, 28, 28], "defaults": %s,
                   "layers": [{"type": "flatten"}, {"type": "linear", "units": 64}, {"type": "linear", "units": 64},
                              {"type": "output", "units": 10}]},
                 "training": {"epochs": 2, "batchSize": 32}, "probes": {"enabled": false}}
                """.formatted(defaults), "ptq.json");
    }

    @BeforeAll
    static void train() {
        // float weights, ReLU, with weight standardization: PTQ must use the standardized (effective) weights
        floatRun = RunLauncher.run(mlp("{\"weightStates\": 0, \"activationStates\": 0, \"firstWeightStates\": 0, \"outputWeightStates\": 0, \"weightStandardization\": true}"),
                new RunOptions(Path.of("."), dir, dir.resolve("float"), false, false, false), null, List.of()).runDir();
        quantRun = RunLauncher.run(mlp("{\"weightStates\": 3, \"activationStates\": 2}").withTraining(mlp("{}").training().withEpochs(1)),
                new RunOptions(Path.of("."), dir, dir.resolve("quant"), false, false, false), null, List.of()).runDir();
    }

    static PtqSpec spec(List<String> methods) {
        return new PtqSpec(List.of(2, 256), methods, "minmax", true, 99.99, 256, 256, 256);
    }

    @Test
    void blockwiseFloatEvaluationEqualsTheTrainedModel() {
        try (Parallel par = new Parallel(2)) {
            PtqEvaluator ev = PtqEvaluator.forRun(floatRun, Path.of("."), spec(List.of("minmax")), par);
            Network trained = RunFolder.loadNetwork(floatRun, par);
            DataSplit data = Datasets.load(RunFolder.experiment(floatRun).data(), Path.of("."));
            double[] ref = Trainer.evaluate(trained, data.test());
            double[] mine = ev.floatResult();
            assertEquals(ref[1], mine[1], 1e-12, "accuracy");
            assertEquals(ref[0], mine[0], 1e-4, "loss");
            assertTrue(mine[1] > 0.8, "the float model learned: " + mine[1]);
        }
    }

    @Test
    void manyStatesKeepTheFloatAccuracyAndTwoStatesLoseMost() {
        try (Parallel par = new Parallel(2)) {
            PtqEvaluator ev = PtqEvaluator.forRun(floatRun, Path.of("."), spec(List.of("minmax", "dynamic")), par);
            double fl = ev.floatResult()[1];
            for (String method : List.of("minmax", "percentile", "mse", "dynamic")) {
                PtqResult r256 = ev.evaluate(256, method);
                assertEquals(fl, r256.testAccuracy(), 0.01, method + " at 256 states");
                assertEquals(fl, r256.floatTestAccuracy());
                PtqResult r2 = ev.evaluate(2, method);
                assertTrue(r2.testAccuracy() < fl - 0.3, method + " at 2 states: " + r2.testAccuracy() + " vs float " + fl);
            }
            // evaluation restores the float weights afterwards
            assertEquals(fl, ev.floatResult()[1]);
            double mid = ev.evaluate(8, "mse").testAccuracy();
            assertTrue(mid > ev.evaluate(2, "mse").testAccuracy(), "8 states beat 2");
        }
    }

    @Test
    void csvRoundTrip(@TempDir Path out) {
        List<PtqResult> rows = List.of(new PtqResult("dynamic", 4, "mse", true, 0.75, 0.9, 0.93, 1.5, 1000.0));
        PtqCsv.write(out, rows);
        assertEquals(rows, PtqCsv.read(out));
        assertEquals(List.of(), PtqCsv.read(out.resolve("none")));
    }

    @Test
    void aQuantizedModelIsRejectedNamingTheField() {
        try (Parallel par = new Parallel(1)) {
            String m = assertThrows(ExperimentException.class, () -> PtqModel.load(quantRun, par)).getMessage();
            assertTrue(m.contains("model.json") && m.contains("weightStates") && m.contains("float"), m);
        }
    }
}
