package org.maqd.train;

import java.util.List;
import org.maqd.data.Augmentation;
import org.maqd.data.Batch;
import org.maqd.data.Batcher;
import org.maqd.data.Dataset;
import org.maqd.model.Network;
import org.maqd.nn.Mode;
import org.maqd.nn.SoftmaxCrossEntropy;
import org.maqd.optim.LrSchedule;
import org.maqd.optim.Optimizer;
import org.maqd.tensor.Tensor;

/**
 * The plain training loop. Everything else listens: metrics files, checkpoints, console progress, the UI.
 * Per step: reseed stochastic layers from (seed, step) → forward → loss → divergence check → backward →
 * optimizer step → listeners → probes (every {@code probeEvery} steps, reading state only). Per epoch: test
 * evaluation in EVAL mode, then {@code onEpoch} listeners (checkpoints are written there).
 */
public final class Trainer {
    /** Everything the loop needs, fixed for the run. */
    public record Setup(Network network, Dataset train, Dataset test, Optimizer optimizer, LrSchedule schedule,
                        long seed, int epochs, int batchSize, Augmentation augment, ProbeSampler probes,
                        int probeEvery, int threads, String name) {}

    /** Takes a probe snapshot of the network at a step (must not change any number the run computes). */
    public interface ProbeSampler {
        ProbeSnapshot sample(long step, int epoch, Tensor probeInput);
    }

    private static final int EVAL_BATCH = 256;

    private final Setup s;
    private final List<TrainingListener> listeners;
    private final RunControl control;
    private final DivergenceGuard guard;
    private final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
    private long lastProbeStep = -1;

    public Trainer(Setup setup, List<TrainingListener> listeners, RunControl control) {
        this(setup, listeners, control, new DivergenceGuard(setup.train().classes()));
    }

    public Trainer(Setup setup, List<TrainingListener> listeners, RunControl control, DivergenceGuard guard) {
        this.s = setup;
        this.listeners = List.copyOf(listeners);
        this.control = control == null ? new RunControl() : control;
        this.guard = guard;
    }

    /**
     * Trains epochs {@code startEpoch+1 .. epochs} (startEpoch = epochs already done, from a checkpoint).
     */
    public RunOutcome run(int startEpoch) {
        long t0 = System.nanoTime();
        Batcher batcher = Batcher.forTraining(s.train(), s.batchSize(), s.seed(), s.augment());
        int stepsPerEpoch = batcher.batchesPerEpoch();
        RunInfo info = new RunInfo(s.name(), s.epochs(), startEpoch, stepsPerEpoch, s.batchSize(), s.train().size(),
                s.test().size(), s.threads(), layerNames());
        listeners.forEach(l -> l.onStart(info));
        long step = (long) startEpoch * stepsPerEpoch;
        s.optimizer().setSteps(step);
        EpochMetrics last = null;
        int done = startEpoch;
        String status = RunOutcome.COMPLETED, message = "", reason = null;
        Long divergedAt = null;
        try {
            outer:
            for (int epoch = startEpoch + 1; epoch <= s.epochs(); epoch++) {
                batcher.startEpoch(epoch);
                long e0 = System.nanoTime();
                double lossSum = 0;
                long correct = 0, seen = 0;
                double lr = 0;
                for (int b = 0; b < stepsPerEpoch; b++) {
                    if (!control.awaitIfPaused()) { status = "stopped"; message = "stopped by the user in epoch " + epoch; break outer; }
                    Batch batch = batcher.next();
                    int n = batch.size();
                    s.network().reseed(s.seed(), step);
                    s.network().zeroGrad();
                    Tensor logits = s.network().forward(batch.x(), Mode.TRAIN);
                    double l = loss.forward(logits, batch.labels());
                    reason = guard.loss(l);
                    lr = s.schedule().at(step);
                    if (reason == null) {
                        s.optimizer().prepare(lr);   // the weights' updates may run inside the backward pass
                        s.network().backward(loss.backward());
                        reason = guard.gradients(s.network().paramList());
                    }
                    if (reason == null) {
                        s.optimizer().step(lr);
                        reason = guard.weights(s.network().paramList());
                    }
                    if (reason != null) {
                        status = RunOutcome.DIVERGED;
                        divergedAt = step + 1;
                        message = "diverged at step " + (step + 1) + " (epoch " + epoch + ", batch " + (b + 1) + "): " + reason
                                + "; training stopped, the last good checkpoint (epoch " + done + ") is kept."
                                + " Try a smaller learning rate.";
                        break outer;
                    }
                    step++;
                    lossSum += l * n;
                    correct += loss.correct();
                    seen += n;
                    double secs = (System.nanoTime() - e0) / 1e9;
                    StepMetrics sm = new StepMetrics(step, epoch, b + 1, stepsPerEpoch, l, (double) loss.correct() / n, lr, seen / Math.max(secs, 1e-9));
                    for (TrainingListener li : listeners) li.onStep(sm);
                    if (s.probes() != null && s.probeEvery() > 0 && step % s.probeEvery() == 0) probe(step, epoch, batch.x());
                }
                double trainSecs = (System.nanoTime() - e0) / 1e9;
                // the epoch end is probed unless the last batch already was: a second snapshot of the same step
                // would report a flip rate of 0 (nothing changed since the first)
                if (s.probes() != null && step != lastProbeStep) probe(step, epoch, null);
                double[] test = evaluate(s.network(), s.test());
                reason = guard.testLoss(test[0]);
                if (reason != null) {
                    status = RunOutcome.DIVERGED;
                    divergedAt = step;
                    message = "diverged at the end of epoch " + epoch + " (step " + step + "): " + reason
                            + "; training stopped, the last good checkpoint (epoch " + done + ") is kept.";
                    break;
                }
                last = new EpochMetrics(epoch, step, lossSum / seen, (double) correct / seen, test[0], test[1], lr,
                        trainSecs, seen / trainSecs);
                done = epoch;
                for (TrainingListener li : listeners) li.onEpoch(last);
            }
        } catch (RuntimeException e) {
            RunOutcome out = new RunOutcome(RunOutcome.FAILED, e.toString(), last, done, (System.nanoTime() - t0) / 1e9);
            listeners.forEach(li -> li.onEnd(out));
            throw e;
        }
        RunOutcome out = new RunOutcome(status, message, last, done, (System.nanoTime() - t0) / 1e9, divergedAt, reason);
        listeners.forEach(li -> li.onEnd(out));
        return out;
    }

    private void probe(long step, int epoch, Tensor x) {
        lastProbeStep = step;
        ProbeSnapshot snap = s.probes().sample(step, epoch, x);
        if (snap != null) for (TrainingListener li : listeners) li.onProbe(snap);
    }

    private List<String> layerNames() {
        return s.probes() instanceof ProbeCollector pc ? pc.layerNames() : List.of();
    }

    /** Mean loss and accuracy over a data set in EVAL mode, in fixed batches. */
    public static double[] evaluate(Network net, Dataset data) {
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        Batcher batcher = Batcher.forEvaluation(data, EVAL_BATCH);
        batcher.startEpoch(0);
        double lossSum = 0;
        long correct = 0;
        for (int b = 0; b < batcher.batchesPerEpoch(); b++) {
            Batch batch = batcher.next();
            Tensor logits = net.forward(batch.x(), Mode.EVAL);
            lossSum += ce.forward(logits, batch.labels()) * batch.size();
            correct += ce.correct();
        }
        return new double[] {lossSum / data.size(), (double) correct / data.size()};
    }
}
