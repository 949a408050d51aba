package org.maqd.sweep;

import java.nio.file.Path;
import java.util.List;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.ExperimentIO;
import org.maqd.train.RunControl;
import org.maqd.train.TrainingListener;

/** Small sweeps on a subset of the embedded MNIST, fast enough for tests. */
public final class SweepFixtures {
    private SweepFixtures() {}

    /** A tiny MLP experiment with {@code sweep} (JSON text of the sweep block) and {@code epochs}. */
    public static String json(String sweep, int epochs) {
        return """
                {"description": "tiny sweep", "name": "tiny", "seed": 3, "threads": 1,
                 "data": {"dataset": "mnist-10k", "trainLimit": 128, "testLimit": 100},
                 "network": {"input": [1, 28, 28], "defaults": {"weightStates": 3, "activationStates": 2, "norm": "lbn"},
                   "layers": [{"type": "flatten"}, {"type": "linear", "units": 32}, {"type": "linear", "units": 32},
                              {"type": "output", "units": 10}]},
                 "training": {"epochs": %d, "batchSize": 32},
                 "probes": {"everySteps": 2, "histogramBins": 16},
                 "sweep": %s}
                """.formatted(epochs, sweep);
    }

    public static Experiment experiment(String sweep, int epochs) {
        return ExperimentIO.parse(json(sweep, epochs), "tiny.json");
    }

    /** 2 norms × 2 seeds = 4 trials. */
    public static final String NORM_SWEEP = "{\"grid\": {\"network.defaults.norm\": [\"lbn\", \"bn\"]}, \"seeds\": 2}";

    public static SweepRunner.Outcome run(SweepPlan plan, Path dir, int parallel, RunControl control, List<TrainingListener> ls) {
        return new SweepRunner(plan, new SweepRunner.Options(dir, Path.of("."), parallel, 2, null), control, ls).run();
    }
}
