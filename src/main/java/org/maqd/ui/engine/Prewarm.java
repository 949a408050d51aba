package org.maqd.ui.engine;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.maqd.data.DataSplit;
import org.maqd.data.Datasets;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.ExperimentDefaults;
import org.maqd.tensor.Parallel;
import org.maqd.train.JitWarmup;

/**
 * What the first run in a fresh window waits for, done in the background as soon as the window opens: reading the
 * open document's data set and the {@link JitWarmup} on throwaway copies of its network (most of the ~8 s from Train
 * to the first chart point in a fresh process). The compiled kernels are all it leaves behind: it has its own thread
 * pool, network, weights and random batches, so a run trains the same bits with or without it. A run started before
 * it ends waits for it (the two would share two cores); a run of the network it warmed then skips its own warm-up
 * ({@link #warmed}), and so does every run of a network an earlier run has warmed. Off with {@code -Dmaqd.warmup=false}.
 */
final class Prewarm {
    private CompletableFuture<String> done = CompletableFuture.completedFuture("");
    /** What the last finished warm-up compiled the JIT for ({@link #key}), or null. */
    private volatile Object warmedFor;

    /** Starts the warm-up for {@code exp} on a daemon thread unless one runs already; returns at once. */
    synchronized void start(Experiment exp, Path baseDir) {
        if (!JitWarmup.enabled() || !done.isDone()) return;
        CompletableFuture<String> f = new CompletableFuture<>();
        done = f;
        Thread t = new Thread(() -> {
            try {
                String did = warm(exp, baseDir);
                warmedFor = key(exp);
                f.complete(did);
            } catch (RuntimeException | OutOfMemoryError e) {
                f.complete("warm-up skipped: " + e.getMessage());   // the run reports any real problem itself
            }
        }, "maqd-prewarm");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Waits until a started warm-up has ended (at once when none runs); returns what it did. */
    String await() {
        CompletableFuture<String> f;
        synchronized (this) { f = done; }
        return f.join();
    }

    /** True when a finished warm-up compiled the JIT for {@code exp}'s network and batch size ({@link #key}). */
    boolean warmed(Experiment exp) {
        try {
            return JitWarmup.enabled() && key(exp).equals(warmedFor);
        } catch (RuntimeException e) {
            return false;   // an experiment the defaults cannot resolve: the run reports why
        }
    }

    /** Notes that a run of {@code exp} has warmed the JIT (its own warm-up ran before it trained, or it was warm). */
    void ranWarm(Experiment exp) {
        if (JitWarmup.enabled()) warmedFor = key(exp);
    }

    /** What a JIT warm-up depends on: the network and the batch size (not the data, the seed or the learning rate). */
    static Object key(Experiment raw) {
        Experiment exp = ExperimentDefaults.resolve(raw);
        return java.util.List.of(exp.network(), exp.training().batchSize());
    }

    private static String warm(Experiment raw, Path baseDir) {
        long t0 = System.nanoTime();
        Experiment exp = ExperimentDefaults.resolve(raw);
        DataSplit data = Datasets.load(Datasets.absolute(exp.data(), baseDir), baseDir);
        double read = (System.nanoTime() - t0) / 1e9;
        try (Parallel par = new Parallel(exp.threads())) {
            JitWarmup.Result w = JitWarmup.warm(exp.network(), data.train().sampleShape(), data.train().classes(),
                    exp.training(), exp.training().batchSize(), exp.probes(), par);
            String s = String.format(java.util.Locale.ROOT, "data read in %.1f s, JIT warmed in %.1f s (%d steps)", read,
                    w.seconds(), w.steps());
            System.getLogger(Prewarm.class.getName()).log(System.Logger.Level.INFO, "background " + s);
            return s;
        }
    }
}
