package org.maqd.ui.vm;

import org.maqd.train.EpochMetrics;
import org.maqd.train.ProbeSnapshot;
import org.maqd.train.RunInfo;
import org.maqd.train.RunOutcome;
import org.maqd.train.StepMetrics;
import org.maqd.train.TrainingListener;

/**
 * The workbench's listener on a run: on the training thread it only appends to lock-free buffers and bumps a
 * version counter (no locks, no FX calls); the FX thread samples it at its own rate. It also measures the time
 * its own callbacks take, so the monitoring overhead can be shown.
 */
public final class LiveFeed implements TrainingListener {
    public final SeriesBuffer stepLoss = new SeriesBuffer();
    public final SeriesBuffer stepAccuracy = new SeriesBuffer();
    public final SeriesBuffer epochTrainLoss = new SeriesBuffer(16);
    public final SeriesBuffer epochTestLoss = new SeriesBuffer(16);
    public final SeriesBuffer epochTrainAccuracy = new SeriesBuffer(16);
    public final SeriesBuffer epochTestAccuracy = new SeriesBuffer(16);
    public final EventLog<ProbeSnapshot> probes = new EventLog<>();
    public final EventLog<EpochMetrics> epochs = new EventLog<>();
    /** How many snapshots with raw values are kept (they are large: weights and activation inputs). */
    public static final int KEPT_VALUES = 4;
    private volatile java.util.List<ProbeSnapshot> recentValues = java.util.List.of();
    private volatile RunInfo info;
    private volatile StepMetrics lastStep;
    private volatile RunOutcome outcome;
    private volatile long version;
    private volatile long listenerNanos;
    private final long startNanos = System.nanoTime();

    @Override
    public void onStart(RunInfo i) {
        long t = System.nanoTime();
        info = i;
        done(t);
    }

    @Override
    public void onStep(StepMetrics m) {
        long t = System.nanoTime();
        stepLoss.append(m.step(), m.loss());
        stepAccuracy.append(m.step(), m.accuracy());
        lastStep = m;
        done(t);
    }

    @Override
    public void onProbe(ProbeSnapshot s) {
        long t = System.nanoTime();
        probes.append(s.withoutValues());
        if (!s.values().isEmpty()) {
            java.util.List<ProbeSnapshot> r = new java.util.ArrayList<>(recentValues);
            r.add(s);
            while (r.size() > KEPT_VALUES) r.remove(0);
            recentValues = java.util.List.copyOf(r);
        }
        done(t);
    }

    @Override
    public void onEpoch(EpochMetrics m) {
        long t = System.nanoTime();
        epochs.append(m);
        epochTrainLoss.append(m.epoch(), m.trainLoss());
        epochTestLoss.append(m.epoch(), m.testLoss());
        epochTrainAccuracy.append(m.epoch(), m.trainAccuracy());
        epochTestAccuracy.append(m.epoch(), m.testAccuracy());
        done(t);
    }

    @Override
    public void onEnd(RunOutcome o) {
        outcome = o;
        version++;
    }

    private void done(long t0) {
        listenerNanos += System.nanoTime() - t0;
        version++;
    }

    /** The latest {@link #KEPT_VALUES} snapshots that carried raw values, oldest first (older ones are dropped). */
    public java.util.List<ProbeSnapshot> recentValues() { return recentValues; }

    public RunInfo info() { return info; }
    public StepMetrics lastStep() { return lastStep; }
    public RunOutcome outcome() { return outcome; }
    public long version() { return version; }

    /** Fraction of wall time spent in this listener's callbacks plus the probes' own time. */
    public double overhead() {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        double probe = 0;
        for (ProbeSnapshot s : probes.snapshot()) probe += s.probeSeconds();
        return wall <= 0 ? 0 : (listenerNanos / 1e9 + probe) / wall;
    }
}
