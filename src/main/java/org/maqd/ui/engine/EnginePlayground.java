package org.maqd.ui.engine;

import java.nio.file.Path;
import org.maqd.data.Augmentation;
import org.maqd.data.Batch;
import org.maqd.data.Batcher;
import org.maqd.data.DataSplit;
import org.maqd.data.Dataset;
import org.maqd.data.Datasets;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.ExperimentDefaults;
import org.maqd.experiment.ExperimentException;
import org.maqd.experiment.ExperimentValidator;
import org.maqd.model.Network;
import org.maqd.model.NetworkBuilder;
import org.maqd.nn.Mode;
import org.maqd.nn.SoftmaxCrossEntropy;
import org.maqd.optim.LrSchedule;
import org.maqd.optim.Optimizer;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Tensor;
import org.maqd.train.Optimizers;

/**
 * The playground on the engine: the same loop as a run (reseed, forward, loss, backward, optimizer step) without
 * a run folder, listeners or probes, on one thread, so a class can watch it live.
 */
public final class EnginePlayground implements Playground {
    @Override
    public Session open(Experiment raw, Path baseDir) {
        ExperimentValidator.validate(raw, "playground");
        Experiment e = ExperimentDefaults.resolve(raw);
        DataSplit data = Datasets.load(e.data(), baseDir);
        if (data.train().sampleSize() != 2)
            throw new ExperimentException("the playground needs a 2-D set (spirals, blobs, xor, circles), not " + e.data().dataset());
        return new EngineSession(e, data);
    }

    private static final class EngineSession implements Session {
        private final Parallel par = new Parallel(1);
        private final Network net;
        private final Optimizer opt;
        private final LrSchedule schedule;
        private final Batcher batcher;
        private final Dataset train, test;
        private final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        private final long seed;
        private long step;
        private int epoch, left;

        EngineSession(Experiment e, DataSplit data) {
            train = data.train();
            test = data.test();
            seed = e.seed();
            net = NetworkBuilder.build(e.network(), train.sampleShape(), train.classes(), par, seed);
            opt = Optimizers.create(e.training(), net.paramList(), par);
            batcher = Batcher.forTraining(train, e.training().batchSize(), seed, Augmentation.NONE);
            schedule = Optimizers.schedule(e.training(), batcher.batchesPerEpoch());
        }

        @Override public int classes() { return train.classes(); }
        @Override public float[] points() { return train.x(); }
        @Override public int[] labels() { return train.y(); }
        @Override public long steps() { return step; }

        @Override
        public void step(int steps) {
            for (int i = 0; i < steps; i++) {
                if (left == 0) {
                    batcher.startEpoch(++epoch);
                    left = batcher.batchesPerEpoch();
                }
                Batch b = batcher.next();
                left--;
                net.reseed(seed, step);
                net.zeroGrad();
                Tensor logits = net.forward(b.x(), Mode.TRAIN);
                loss.forward(logits, b.labels());
                net.backward(loss.backward());
                // the schedule restarts each time it ends: the playground trains until the user stops it
                long total = (long) schedule.epochs() * batcher.batchesPerEpoch();
                opt.step(schedule.at(total <= 0 ? step : step % total));
                step++;
            }
        }

        @Override
        public int[] predict(float[] xy) {
            int n = xy.length / 2;
            Tensor logits = net.forward(new Tensor(xy.clone(), n, 2, 1, 1), Mode.EVAL);
            int k = logits.shape()[1];
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                int best = 0;
                for (int c = 1; c < k; c++) if (logits.data[i * k + c] > logits.data[i * k + best]) best = c;
                out[i] = best;
            }
            return out;
        }

        @Override
        public double testAccuracy() {
            int[] p = predict(test.x());
            int ok = 0;
            for (int i = 0; i < p.length; i++) if (p[i] == test.label(i)) ok++;
            return p.length == 0 ? Double.NaN : (double) ok / p.length;
        }
    }
}
