package org.maqd.ui.engine;

import java.nio.file.Path;
import java.util.List;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.RunLauncher;
import org.maqd.experiment.RunOptions;
import org.maqd.experiment.RunResult;
import org.maqd.train.RunControl;
import org.maqd.train.TrainingListener;

/** Runs experiments through the engine's {@link RunLauncher} (writes a run folder under the runs root). */
public final class EngineTrainer implements Trainer {
    private final Prewarm prewarm = new Prewarm();

    @Override
    public boolean available() { return true; }

    /** What the background warm-up did (empty when none ran), once it has ended. */
    String prewarmed() { return prewarm.await(); }

    @Override
    public void prepare(Experiment exp, Path baseDir) { prewarm.start(exp, baseDir); }

    @Override
    public Result run(Experiment exp, Path baseDir, Path runsRoot, RunControl control, List<TrainingListener> listeners) {
        prewarm.await();
        RunOptions opts = RunOptions.quiet(baseDir, runsRoot);
        // the background warm-up compiled this network's kernels already: the run trains at once (warmup_seconds 0)
        RunResult r = RunLauncher.run(exp, prewarm.warmed(exp) ? opts.withoutJitWarmup() : opts, control, listeners);
        prewarm.ranWarm(exp);   // the run warmed up (or was warm) before it trained: the next run of this network is warm too
        return new Result(r.runDir(), r.outcome());
    }
}
