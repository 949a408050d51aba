package org.maqd.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.maqd.data.Augmentation;
import org.maqd.data.Batcher;
import org.maqd.data.DataSplit;
import org.maqd.data.Datasets;
import org.maqd.model.Network;
import org.maqd.model.MemoryEstimate;
import org.maqd.model.NetworkBuilder;
import org.maqd.model.Safetensors;
import org.maqd.model.SpecException;
import org.maqd.optim.Optimizer;
import org.maqd.run.MetricRow;
import org.maqd.run.RunFiles;
import org.maqd.run.RunLock;
import org.maqd.tensor.Parallel;
import org.maqd.train.Checkpoint;
import org.maqd.train.ConsoleProgress;
import org.maqd.train.JitWarmup;
import org.maqd.train.DivergenceGuard;
import org.maqd.train.EpochMetrics;
import org.maqd.train.LayersCsv;
import org.maqd.train.MetricsCsv;
import org.maqd.train.Optimizers;
import org.maqd.train.ProbeCollector;
import org.maqd.train.RunControl;
import org.maqd.train.RunOutcome;
import org.maqd.train.Trainer;
import org.maqd.train.TrainingListener;

/**
 * Runs one experiment end to end into a run folder ({@link RunFiles}): the resolved experiment, metrics, probes,
 * checkpoints, the model and the summary. The folder is locked for the run ({@link RunLock}); an existing run is
 * refused unless resumed or moved aside ({@link RunPlacement}). A resume whose checkpoint already holds every epoch
 * only finishes the run (model + summary). Blocking: the UI calls it from a background thread. Listener order: the
 * run's files (metrics, layers, checkpoint), then console progress, then the caller's listeners.
 */
public final class RunLauncher {
    private RunLauncher() {}

    public static RunResult run(Experiment exp, Path baseDir, Path runsRoot, RunControl control,
                                List<TrainingListener> listeners) {
        return run(exp, RunOptions.quiet(baseDir, runsRoot), control, listeners);
    }

    public static RunResult run(Experiment raw, RunOptions opts, RunControl control, List<TrainingListener> extra) {
        ExperimentValidator.validate(raw, "experiment '" + (raw.name() == null ? "?" : raw.name()) + "'");
        Experiment resolved = ExperimentDefaults.resolve(raw);
        Experiment exp0 = resolved.withData(Datasets.absolute(resolved.data(), opts.baseDir()));
        DataSplit data = Datasets.load(exp0.data(), opts.baseDir());
        Experiment exp = exp0.withData(exp0.data().withSha256(data.sha256()));   // the run folder names its data by path and hash
        checkMemory(exp);
        try (RunPlacement place = RunPlacement.open(opts, exp.name())) {
            try {
                return run(exp, data, place, opts, control, extra);
            } catch (RuntimeException | OutOfMemoryError e) {
                if (BadInput.is(e)) throw e;
                RunFailedException failed = RunFailedException.of(place.dir(), e);
                try {
                    RunSummaries.failed(exp, data, place.dir(), e).write(place.dir());
                } catch (RuntimeException ignored) {
                    // best effort: the disk may be full; the one line and error.log (if written) say why
                }
                throw failed;
            }
        }
    }

    private static RunResult run(Experiment exp, DataSplit data, RunPlacement place, RunOptions opts, RunControl control,
                                 List<TrainingListener> extra) {
        try (Parallel par = new Parallel(exp.threads())) {
            Path runDir = place.dir();
            Network net;
            try {
                net = NetworkBuilder.build(exp.network(), data.train().sampleShape(), data.train().classes(), par, exp.seed());
            } catch (SpecException e) {
                throw new ExperimentException(e.getMessage(), e);
            }
            int stepsPerEpoch = Batcher.batches(data.train().size(), exp.training().batchSize(), false);
            Optimizer opt = Optimizers.create(exp.training(), net.paramList(), par);
            int startEpoch = place.resuming() ? Checkpoint.restore(runDir, net, opt, exp.training().epochs(), stepsPerEpoch) : 0;
            ExperimentIO.write(exp, runDir.resolve(RunFiles.EXPERIMENT));
            RunOutcome outcome;
            double warmupSeconds = 0;
            if (startEpoch == exp.training().epochs()) {
                outcome = finishedFromCheckpoint(runDir, startEpoch);
            } else {
                ProbeCollector probes = exp.probes().enabled() ? new ProbeCollector(net, exp.probes()) : null;
                if (probes != null && startEpoch > 0) probes.restoreCodes(Checkpoint.probeCodes(runDir));
                Trainer.Setup setup = new Trainer.Setup(net, data.train(), data.test(), opt,
                        Optimizers.schedule(exp.training(), stepsPerEpoch), exp.seed(), exp.training().epochs(),
                        exp.training().batchSize(), Augmentation.from(exp.data(), data.train().sampleShape()), probes,
                        exp.probes().everySteps(), exp.threads(), exp.name());
                List<TrainingListener> ls = new ArrayList<>();
                ls.add(new MetricsCsv(runDir));
                ls.add(new LayersCsv(runDir));
                ls.add(new Checkpoint(runDir, net, opt, probes));
                if (opts.console()) ls.add(new ConsoleProgress(System.err, opts.interactiveConsole()));
                ls.addAll(extra);
                warmupSeconds = opts.skipJitWarmup() ? 0 : warmUp(exp, data, par, opts.console(), control);
                outcome = new Trainer(setup, ls, control, new DivergenceGuard(data.train().classes())).run(startEpoch);
            }
            if (!RunOutcome.DIVERGED.equals(outcome.status()) && !RunOutcome.FAILED.equals(outcome.status())) saveModel(runDir, net, exp);
            RunSummaries.of(exp, data, net, outcome, warmupSeconds).write(runDir);
            return new RunResult(runDir, outcome);
        }
    }

    /** Refuses, before anything is allocated or written, a network whose training cannot fit the heap ({@link MemoryEstimate}). */
    static void checkMemory(Experiment exp) {
        try {
            MemoryEstimate.check(exp.network(), exp.training().batchSize(), JitWarmup.enabled() ? 2 : 1, MemoryEstimate.availableHeap());
        } catch (SpecException e) {
            throw new ExperimentException("experiment '" + exp.name() + "': " + e.getMessage(), e);
        }
    }

    /** The outcome of a run whose last checkpoint holds every epoch: its numbers from the last row of metrics.csv. */
    private static RunOutcome finishedFromCheckpoint(Path runDir, int epochs) {
        List<MetricRow> rows = MetricRow.FILE.read(runDir);
        MetricRow r = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        EpochMetrics last = r == null || r.epoch() != epochs ? null : new EpochMetrics(r.epoch(), r.step(), r.trainLoss(),
                r.trainAccuracy(), r.testLoss(), r.testAccuracy(), r.learningRate(), r.seconds(), r.samplesPerSecond());
        return new RunOutcome(RunOutcome.COMPLETED, "", last, epochs, 0);
    }

    /**
     * Warms the JIT on throwaway copies of the network so the first epoch is timed compiled (see {@link JitWarmup});
     * returns the seconds it took (0 when it is off).
     */
    private static double warmUp(Experiment exp, DataSplit data, Parallel par, boolean console, RunControl control) {
        if (!JitWarmup.enabled()) return 0;
        JitWarmup.Result w = JitWarmup.warm(exp.network(), data.train().sampleShape(), data.train().classes(),
                exp.training(), exp.training().batchSize(), exp.probes(), par, control == null ? () -> false : control::isStopped);
        if (console && control != null && control.isStopped()) {
            System.err.printf(java.util.Locale.ROOT, "JIT warm-up: stopped after %.1f s%n", w.seconds());
        } else if (console) {
            System.err.printf(java.util.Locale.ROOT, "JIT warm-up: %d steps in %.1f s (step %.1f ms at first, %.1f ms settled)%n",
                    w.steps(), w.seconds(), 1e3 * w.firstStepSeconds(), 1e3 * w.settledStepSeconds());
        }
        return w.seconds();
    }

    public static void saveModel(Path runDir, Network net, Experiment exp) {
        Safetensors.write(runDir.resolve(RunFiles.MODEL_WEIGHTS), net.stateDict(),
                Map.of("format", "pt", "producer", "maqd-workbench"));
        ExperimentIO.writeJson(exp.network(), runDir.resolve(RunFiles.MODEL_JSON));
    }
}
