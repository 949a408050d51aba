package org.maqd.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.maqd.experiment.Experiment;
import org.maqd.train.EpochMetrics;
import org.maqd.tensor.Tensor;
import org.maqd.train.LayerProbe;
import org.maqd.train.LayerValues;
import org.maqd.train.ProbeSnapshot;
import org.maqd.train.RunControl;
import org.maqd.train.RunInfo;
import org.maqd.train.RunOutcome;
import org.maqd.train.StepMetrics;
import org.maqd.train.TrainingListener;
import org.maqd.ui.engine.Trainer;

/**
 * A test trainer that plays a scripted run through the listener protocol (start, steps, probes, epochs, end),
 * honouring pause and stop through the RunControl, so view models and views can be tested without the engine.
 */
public final class ScriptedTrainer implements Trainer {
    public final int epochs, stepsPerEpoch;
    public final long stepSleepMillis;
    public final CountDownLatch started = new CountDownLatch(1);
    public volatile Experiment lastExperiment;
    public volatile RuntimeException failWith;

    public ScriptedTrainer(int epochs, int stepsPerEpoch, long stepSleepMillis) {
        this.epochs = epochs;
        this.stepsPerEpoch = stepsPerEpoch;
        this.stepSleepMillis = stepSleepMillis;
    }

    @Override
    public boolean available() { return true; }

    @Override
    public Result run(Experiment exp, Path baseDir, Path runsRoot, RunControl control, List<TrainingListener> ls) {
        lastExperiment = exp;
        if (failWith != null) throw failWith;
        List<String> names = List.of("linear1", "linear2");
        RunInfo info = new RunInfo("scripted", epochs, 0, stepsPerEpoch, 32, 32 * stepsPerEpoch, 100, 1, names);
        ls.forEach(l -> l.onStart(info));
        started.countDown();
        long step = 0;
        EpochMetrics last = null;
        int done = 0;
        for (int e = 1; e <= epochs; e++) {
            for (int b = 1; b <= stepsPerEpoch; b++) {
                if (!control.awaitIfPaused()) return end(ls, new RunOutcome("stopped", "stopped by the user", last, done, 1), runsRoot);
                step++;
                double loss = 2.3 * Math.exp(-step / 20.0);
                StepMetrics m = new StepMetrics(step, e, b, stepsPerEpoch, loss, 1 - loss / 2.5, 1e-3, 1000);
                ls.forEach(l -> l.onStep(m));
                if (step % 5 == 0) {
                    ProbeSnapshot s = new ProbeSnapshot(step, e, List.of(probe(0, "linear1", step), probe(1, "linear2", step)), 1e-4,
                            List.of(values("linear1", step), values("linear2", step)));
                    ls.forEach(l -> l.onProbe(s));
                }
                sleep();
            }
            last = new EpochMetrics(e, step, 1.0 / e, 0.8 + 0.05 * e, 1.1 / e, 0.78 + 0.05 * e, 1e-3, 1, 1000);
            EpochMetrics em = last;
            ls.forEach(l -> l.onEpoch(em));
            done = e;
        }
        return end(ls, new RunOutcome("completed", null, last, done, 1), runsRoot);
    }

    private Result end(List<TrainingListener> ls, RunOutcome o, Path runsRoot) {
        ls.forEach(l -> l.onEnd(o));
        return new Result(runsRoot == null ? null : runsRoot.resolve("scripted-run"), o);
    }

    private void sleep() {
        if (stepSleepMillis <= 0) return;
        try {
            Thread.sleep(stepSleepMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Plausible raw values: gaussian weights [16, 32] and an activation input [32, 16] drifting with the step. */
    public static LayerValues values(String name, long step) {
        java.util.Random r = new java.util.Random(name.hashCode() * 31L + step);
        Tensor w = Tensor.zeros(16, 32), x = Tensor.zeros(32, 16);
        for (int i = 0; i < w.size(); i++) w.data[i] = (float) (0.05 * r.nextGaussian());
        double scale = 1 + (step % 20) / 10.0;
        for (int i = 0; i < x.size(); i++) x.data[i] = (float) (scale * r.nextGaussian());
        return new LayerValues(name, w, x);
    }

    /** A plausible probe: weights concentrating on three levels as steps grow, 2-state activations. */
    public static LayerProbe probe(int index, String name, long step) {
        int bins = 64;
        float[] h = new float[bins];
        double sharp = 1 + step / 10.0;
        for (int i = 0; i < bins; i++) {
            double z = -3 + 6.0 * (i + 0.5) / bins;
            double v = 0;
            for (int k = -1; k <= 1; k++) v += Math.exp(-sharp * (z - 1.224 * k) * (z - 1.224 * k));
            h[i] = (float) (100 * v + 5 * Math.exp(-z * z / 2));
        }
        float[] act = new float[bins];
        for (int i = 0; i < bins; i++) act[i] = (float) (50 * Math.exp(-Math.pow(-3 + 6.0 * i / bins, 2) / 2));
        byte[] raster = new byte[8 * 32];
        for (int i = 0; i < raster.length; i++) raster[i] = (byte) ((i * 7 + step) % 3 == 0 ? 1 : 0);
        return new LayerProbe(index, name, "lbn", 3, 2, 1.224, 1.224, h, -3, 3, new long[]{300, 400, 324},
                0.1 / (1 + step), 0.1, 10 + step * 0.1 + index, 0.05, 8 + index, act, -3, 3, new long[]{600, 424},
                0.41, 8, 32, raster, new float[]{0.01f * index}, new float[]{1 + 0.001f * step});
    }
}
