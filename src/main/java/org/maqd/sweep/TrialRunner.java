package org.maqd.sweep;

import java.util.List;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.RunLauncher;
import org.maqd.experiment.RunOptions;
import org.maqd.experiment.RunResult;
import org.maqd.train.RunControl;
import org.maqd.train.TrainingListener;

/**
 * Where a sweep's trial is trained: in this process ({@link #LOCAL}) or elsewhere (a cluster), as long as the
 * trial's run folder ends up at {@code options.outDir()} as {@link RunLauncher} would have written it.
 */
@FunctionalInterface
public interface TrialRunner {
    RunResult run(Trial trial, Experiment experiment, RunOptions options, RunControl control, List<TrainingListener> listeners);

    TrialRunner LOCAL = (t, e, o, c, ls) -> RunLauncher.run(e, o, c, ls);

    /**
     * True when {@link #run} trains in this process (the trial is running as soon as it is called); false when it
     * queues the trial elsewhere and reports where it runs through a {@link TrialState.Placement} listener.
     */
    default boolean local() { return true; }
}
