package org.maqd.cli;

import java.nio.file.Path;
import org.maqd.data.DataSpec;
import org.maqd.experiment.Experiment;
import org.maqd.train.TrainingSpec;

/** Helpers for command-line overrides of experiment fields. */
final class Overrides {
    private Overrides() {}

    static TrainingSpec training(Experiment e) {
        return e.training() != null ? e.training()
                : new TrainingSpec(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static DataSpec data(Experiment e) {
        return e.data() != null ? e.data() : new DataSpec(null, null, null, null, null, null, null, null, null);
    }

    static String baseName(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
    }
}
