package org.maqd.ui.engine;

import java.nio.file.Path;
import java.util.List;
import org.maqd.experiment.Experiment;
import org.maqd.train.RunControl;
import org.maqd.train.RunOutcome;
import org.maqd.train.TrainingListener;

/** Runs an experiment to completion on the calling thread (never call it on the FX thread). */
public interface Trainer {
    /** The finished run's folder and how it ended. */
    record Result(Path runDir, RunOutcome outcome) {}

    /** False when this build has no training engine; the UI then says so instead of offering Run. */
    boolean available();

    /**
     * Starts, in the background, what a run of {@code exp} does first (reading its data, warming the JIT), so that
     * pressing Train later is fast; returns at once and changes nothing a run computes. Does nothing by default.
     */
    default void prepare(Experiment exp, Path baseDir) {}

    Result run(Experiment exp, Path baseDir, Path runsRoot, RunControl control, List<TrainingListener> listeners);
}
