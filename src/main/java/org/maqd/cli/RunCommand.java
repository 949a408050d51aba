package org.maqd.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.ExperimentException;
import org.maqd.experiment.ExperimentIO;
import org.maqd.experiment.RunLauncher;
import org.maqd.experiment.RunOptions;
import org.maqd.experiment.RunResult;
import org.maqd.train.RunControl;
import org.maqd.train.RunOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code maqd run FILE}: train one experiment headless and write a run folder. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Train the experiment in FILE and write a run folder (metrics.csv, layers.csv, model.safetensors, summary.json).")
public final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "experiment file (JSON)") Path file;
    @Option(names = "--out", paramLabel = "DIR", description = "run folder (default: runs/<date>-<name>)") Path out;
    @Option(names = "--epochs", description = "override training.epochs") Integer epochs;
    @Option(names = "--batch-size", description = "override training.batchSize") Integer batchSize;
    @Option(names = "--seed", description = "override seed") Long seed;
    @Option(names = "--threads", description = "override threads") Integer threads;
    @Option(names = "--train-limit", description = "override data.trainLimit (first N training samples)") Integer trainLimit;
    @Option(names = "--resume", description = "continue the run in --out from its last checkpoint (or finish it)") boolean resume;
    @Option(names = "--force", description = "start a new run in --out even though it holds one: the old run is moved aside to DIR.replaced-N") boolean force;
    @Option(names = "--runs", paramLabel = "DIR", description = "folder for new run folders (default: runs)") Path runsRoot = Path.of("runs");

    @Override
    public Integer call() {
        Experiment e = ExperimentIO.read(file);
        if (epochs != null) e = e.withTraining(Overrides.training(e).withEpochs(epochs));
        if (batchSize != null) e = e.withTraining(Overrides.training(e).withBatchSize(batchSize));
        if (seed != null) e = e.withSeed(seed);
        if (threads != null) e = e.withThreads(threads);
        if (trainLimit != null) e = e.withData(Overrides.data(e).withTrainLimit(trainLimit));
        if (e.name() == null) e = e.withName(Overrides.baseName(file));
        ExperimentIO.parse(ExperimentIO.toJson(e), file + " (with command-line overrides)");
        if (e.sweep() != null) {
            // a wrong sweep block is an error here too; its size is not (run trains the base experiment only)
            org.maqd.sweep.SweepPlan.of(e, file.toString(), null, org.maqd.sweep.SweepPlan.HARD_MAX_TRIALS);
            System.err.println("maqd: note: " + file + " has a sweep block; maqd run trains its base experiment once "
                    + "(maqd sweep " + file + " runs the grid)");
        }
        if (resume && force) {
            System.err.println("maqd: --resume and --force exclude each other: continue the run in --out, or move it aside and start over");
            return MaqdCommand.BAD_INPUT;
        }
        if (resume && out == null) {
            System.err.println("maqd: --resume needs --out DIR naming the run folder to continue");
            return MaqdCommand.BAD_INPUT;
        }
        Path base = file.toAbsolutePath().getParent();
        boolean tty = System.console() != null;
        RunControl control = new RunControl();
        // Ctrl+C or SIGTERM stops the run as Stop does in the window: the run ends its step, writes a "stopped" summary
        // and releases its folder (killed in the warm-up, it left a folder a plain rerun refused)
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Thread hook = new Thread(() -> {
            control.stop();
            try {
                done.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "maqd-run-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return runAndReport(e, new RunOptions(base, runsRoot, out, resume, true, tty, force), control);
        } finally {
            done.countDown();   // after the outcome is printed: a stopping JVM waits for it in the hook
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and returns now
            }
        }
    }

    private int runAndReport(Experiment e, RunOptions opts, RunControl control) {
        RunResult r;
        try {
            r = RunLauncher.run(e, opts, control, List.of());
        } catch (ExperimentException ex) {
            throw ex.getMessage().startsWith(file.toString()) ? ex : new ExperimentException(file + ": " + ex.getMessage(), ex);
        } catch (org.maqd.data.DataFormatException ex) {
            // the data named by the experiment: say which experiment file named it
            throw ex.getMessage().contains(file.toString()) ? ex : new ExperimentException(file + ": field 'data': " + ex.getMessage(), ex);
        }
        var o = r.outcome();
        if (o.last() != null) {
            System.out.printf(Locale.ROOT, "%s: test accuracy %.4f after %d epoch%s (%.0f samples/s); run folder %s%n",
                    o.status(), o.last().testAccuracy(), o.epochsCompleted(), o.epochsCompleted() == 1 ? "" : "s",
                    o.last().samplesPerSecond(), r.runDir());
        } else {
            System.out.println(o.status() + ": " + o.message() + "; run folder " + r.runDir());
        }
        System.out.flush();
        if (o.diverged()) return MaqdCommand.DIVERGED;
        return o.completed() || RunOutcome.STOPPED.equals(o.status()) ? MaqdCommand.OK : MaqdCommand.FAILURE;
    }
}
