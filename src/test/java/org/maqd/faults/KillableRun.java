package org.maqd.faults;

import java.nio.file.Path;
import java.util.List;
import org.maqd.experiment.ExperimentIO;
import org.maqd.experiment.RunLauncher;
import org.maqd.experiment.RunOptions;
import org.maqd.sweep.SweepPlan;
import org.maqd.sweep.SweepRunner;
import org.maqd.train.EpochMetrics;
import org.maqd.train.ProbeSnapshot;
import org.maqd.train.RunOutcome;
import org.maqd.train.StepMetrics;
import org.maqd.train.TrainingListener;

/**
 * A run or sweep in its own process that stops dead ({@link Runtime#halt}, like {@code kill -9}: no shutdown hooks,
 * nothing flushed by the program) at a chosen point: {@code step:N} (after the N-th training step of this process),
 * {@code epoch:N} (after epoch N's files and checkpoint), {@code probe:N} (after the N-th probe rows), {@code end}
 * (after the last checkpoint, before the model and summary are written).
 * Usage: {@code run|sweep EXPERIMENT OUT POINT}.
 */
public final class KillableRun {
    private KillableRun() {}

    public static void main(String[] args) {
        String[] point = args[3].split(":");
        int n = point.length > 1 ? Integer.parseInt(point[1]) : 0;
        TrainingListener killer = new TrainingListener() {
            int steps, probes;
            @Override public void onStep(StepMetrics m) { if (point[0].equals("step") && ++steps == n) halt(); }
            @Override public void onProbe(ProbeSnapshot s) { if (point[0].equals("probe") && ++probes == n) halt(); }
            @Override public void onEpoch(EpochMetrics m) { if (point[0].equals("epoch") && m.epoch() == n) halt(); }
            @Override public void onEnd(RunOutcome o) { if (point[0].equals("end")) halt(); }
        };
        var exp = ExperimentIO.read(Path.of(args[1]));
        Path out = Path.of(args[2]);
        if (args[0].equals("run")) {
            RunLauncher.run(exp, new RunOptions(Path.of("."), out.getParent(), out, false, false, false), null, List.of(killer));
        } else {
            new SweepRunner(SweepPlan.of(exp, args[1], null), new SweepRunner.Options(out, Path.of("."), 1, 1, null), null, List.of(killer)).run();
        }
        System.exit(0);
    }

    private static void halt() { Runtime.getRuntime().halt(137); }
}
