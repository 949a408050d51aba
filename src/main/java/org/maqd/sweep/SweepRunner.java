package org.maqd.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.maqd.data.DataFormatException;
import org.maqd.experiment.ExperimentException;
import org.maqd.experiment.ExperimentIO;
import org.maqd.experiment.RunOptions;
import org.maqd.experiment.RunResult;
import org.maqd.experiment.ptq.PtqCsv;
import org.maqd.experiment.ptq.PtqEvaluator;
import org.maqd.model.ModelFormatException;
import org.maqd.nn.ShapeException;
import org.maqd.run.RunFiles;
import org.maqd.run.RunFormatException;
import org.maqd.run.RunLock;
import org.maqd.tensor.Parallel;
import org.maqd.train.RunControl;
import org.maqd.train.TrainingListener;

/**
 * Runs a {@link SweepPlan} into a sweep folder: {@code sweep.json} (the experiment as declared),
 * {@code trials/<id>/} (one normal run folder per trial), {@code results.csv} and {@code summary.csv}
 * (rewritten after every trial, so they are current even when the sweep is interrupted).
 *
 * <p>Resumable: finished trials (completed or diverged) are skipped; an interrupted trial continues from its
 * checkpoint, or starts over when it has none. {@code parallel} trials run at once, each with
 * {@code max(1, threads / parallel)} compute threads (results do not depend on the thread count). With a PTQ
 * block, every float trial is then evaluated at each (states, method) into its {@code ptq.csv}.
 */
public final class SweepRunner {
    /** Where and how: {@code out} receives progress lines (null for none). */
    public record Options(Path sweepDir, Path baseDir, int parallel, int threads, PrintStream out) {}

    /** How the sweep ended. */
    public record Outcome(int trials, int ran, int skipped, int failed, boolean stopped, Path results, Path summary) {
        public boolean complete() { return !stopped && failed == 0; }
    }

    private final SweepPlan plan;
    private final Options opt;
    private final RunControl control;
    private final List<TrainingListener> extra;
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicInteger ranNow = new AtomicInteger();
    private volatile RuntimeException badInput;
    private TrialRunner trials = TrialRunner.LOCAL;
    private TrialState.Listener watcher = (t, s) -> { };
    private long startNanos;

    public SweepRunner(SweepPlan plan, Options options, RunControl control, List<TrainingListener> extra) {
        if (options.parallel() < 1) throw new ExperimentException("--parallel: expected a positive integer, got " + options.parallel());
        this.plan = plan;
        this.opt = options;
        this.control = control == null ? new RunControl() : control;
        this.extra = List.copyOf(extra);
    }

    /** Trains the trials with {@code runner} (e.g. on a cluster) instead of in this process; returns this. */
    public SweepRunner on(TrialRunner runner) {
        this.trials = runner;
        return this;
    }

    /** Tells {@code listener} every trial's state (queued, running where, done, failed) as the sweep goes; returns this. */
    public SweepRunner watch(TrialState.Listener listener) {
        this.watcher = listener;
        return this;
    }

    public static Path trialDir(Path sweepDir, Trial t) { return sweepDir.resolve(RunFiles.SWEEP_TRIALS).resolve(t.id()); }

    public Outcome run() {
        RunLock lock;
        try {
            lock = RunLock.acquire(opt.sweepDir());
        } catch (RunLock.LockedException e) {
            throw new ExperimentException(e.getMessage(), e);
        }
        try (lock) {
            return runLocked();
        }
    }

    private Outcome runLocked() {
        startNanos = System.nanoTime();
        try {
            Files.createDirectories(opt.sweepDir().resolve(RunFiles.SWEEP_TRIALS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create sweep folder " + opt.sweepDir() + ": " + e.getMessage(), e);
        }
        ExperimentIO.writeJson(plan.experiment(), opt.sweepDir().resolve(RunFiles.SWEEP_JSON));
        List<Trial> todo = new ArrayList<>();
        int skipped = 0;
        for (Trial t : plan.trials()) {
            Path dir = trialDir(opt.sweepDir(), t);
            if (TrialFolder.finished(dir) && !needsPtq(t, dir)) {
                skipped++;
                watcher.trial(t, TrialState.done(TrialFolder.status(dir)));
            } else {
                todo.add(t);
                watcher.trial(t, TrialState.queued());
            }
        }
        finished.set(skipped);
        int total = plan.trials().size();
        int perTrial = Math.max(1, opt.threads() / opt.parallel());
        say(String.format(Locale.ROOT, "sweep %s: %d trials, %d finished before, %d to run; %d at a time, %d thread(s) each; folder %s",
                plan.name(), total, skipped, todo.size(), opt.parallel(), perTrial, opt.sweepDir()));
        SweepTables.write(plan, opt.sweepDir());
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(opt.parallel(), r -> {
            Thread th = new Thread(r, "maqd-sweep");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Trial t : todo) futures.add(pool.submit(() -> {
                if (control.isStopped()) return;
                if (!runTrial(t, perTrial)) failed.incrementAndGet();
                else if (!TrialFolder.finished(trialDir(opt.sweepDir(), t))) watcher.trial(t, TrialState.queued());
            }));
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failed.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    control.stop();
                }
            }
        } finally {
            pool.shutdown();
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        SweepTables.write(plan, opt.sweepDir());
        if (badInput != null) throw badInput;
        int done = (int) plan.trials().stream().filter(t -> TrialFolder.finished(trialDir(opt.sweepDir(), t))).count();
        boolean stopped = done < total && failed.get() == 0;
        say(String.format(Locale.ROOT, "sweep %s: %d/%d trials finished%s in %s; %s", plan.name(), done, total,
                failed.get() > 0 ? ", " + failed.get() + " failed" : (stopped ? " (stopped; run again to continue)" : ""),
                clock((System.nanoTime() - startNanos) / 1e9), opt.sweepDir().resolve(SweepTables.SUMMARY)));
        return new Outcome(total, todo.size(), skipped, failed.get(), stopped,
                opt.sweepDir().resolve(SweepTables.RESULTS), opt.sweepDir().resolve(SweepTables.SUMMARY));
    }

    /** Trains (or resumes) one trial and, for a float trial of a PTQ sweep, evaluates PTQ. False on failure. */
    private boolean runTrial(Trial t, int threads) {
        Path dir = trialDir(opt.sweepDir(), t);
        int index = plan.trials().indexOf(t) + 1, total = plan.trials().size();
        List<TrainingListener> ls = new ArrayList<>();
        if (trials.local()) watcher.trial(t, TrialState.running(TrialState.THIS_MACHINE));
        else ls.add((TrialState.Placement) where -> watcher.trial(t, TrialState.running(where)));
        if (opt.out() != null) ls.add(new SweepProgress(opt.out(), index, total, t.id()));
        ls.addAll(extra);
        try {
            if (!TrialFolder.finished(dir)) {
                RunResult r;
                try {
                    r = trials.run(t, t.experiment().withThreads(threads),
                            new RunOptions(opt.baseDir(), dir.getParent(), dir, true, false, false), control, ls);
                } catch (ModelFormatException | RunFormatException e) {
                    say("[" + index + "/" + total + "] " + t.id() + ": its folder cannot be resumed (" + e.getMessage()
                            + "); moving it aside and starting over");
                    r = trials.run(t, t.experiment().withThreads(threads),
                            new RunOptions(opt.baseDir(), dir.getParent(), dir, false, false, false, true), control, ls);
                }
                if ("stopped".equals(r.outcome().status())) return true;
            }
            if (needsPtq(t, dir)) ptq(t, dir, threads, index, total);
            int n = finished.incrementAndGet(), here = ranNow.incrementAndGet();
            double secs = (System.nanoTime() - startNanos) / 1e9;
            say(String.format(Locale.ROOT, "sweep: %d/%d trials finished (%s: %s), elapsed %s, ETA %s", n, total, t.id(),
                    TrialFolder.status(dir), clock(secs), clock(secs / here * (total - n))));
            watcher.trial(t, TrialState.done(TrialFolder.status(dir)));
            return true;
        } catch (ExperimentException | DataFormatException | ShapeException e) {
            badInput = e;
            control.stop();
            watcher.trial(t, TrialState.failed(e.getMessage()));
            return false;
        } catch (RuntimeException e) {
            say("[" + index + "/" + total + "] " + t.id() + ": failed: " + e);
            watcher.trial(t, TrialState.failed(e.getMessage() == null ? e.toString() : e.getMessage()));
            return false;
        } finally {
            synchronized (this) {
                SweepTables.write(plan, opt.sweepDir());
            }
        }
    }

    private boolean needsPtq(Trial t, Path dir) {
        if (plan.ptq() == null || !t.floatModel() || !"completed".equals(TrialFolder.status(dir))) return false;
        return PtqCsv.read(dir).size() != plan.ptq().states().size() * plan.ptq().methods().size();
    }

    private void ptq(Trial t, Path dir, int threads, int index, int total) {
        try (Parallel par = new Parallel(threads)) {
            PtqEvaluator ev = PtqEvaluator.forRun(dir, opt.baseDir(), plan.ptq(), par);
            var rows = new ArrayList<org.maqd.experiment.ptq.PtqResult>();
            for (int m : plan.ptq().states()) {
                for (String method : plan.ptq().methods()) {
                    var r = ev.evaluate(m, method);
                    rows.add(r);
                    say(String.format(Locale.ROOT, "[%d/%d] %s: PTQ %s M=%d test acc %.4f (float %.4f)", index, total,
                            t.id(), method, m, r.testAccuracy(), r.floatTestAccuracy()));
                }
            }
            PtqCsv.write(dir, rows);
        }
    }

    private void say(String line) {
        if (opt.out() != null) opt.out().println(line);
    }

    static String clock(double s) {
        long t = Math.round(s);
        return String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, (t % 3600) / 60, t % 60);
    }
}
