package org.maqd.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maqd.bench.TrainingBenchmark;
import org.maqd.data.Augmentation;
import org.maqd.data.Dataset;
import org.maqd.experiment.ExperimentDefaults;
import org.maqd.experiment.ExperimentIO;
import org.maqd.model.Network;
import org.maqd.model.NetworkBuilder;
import org.maqd.model.NetworkSpec;
import org.maqd.model.QuantBlock;
import org.maqd.nn.Layer;
import org.maqd.nn.Mode;
import org.maqd.nn.SoftmaxCrossEntropy;
import org.maqd.optim.Optimizer;
import org.maqd.quant.WeightQuantizer;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;

/**
 * Between probes a training forward does not store Ŵ (the weight quantizers' backward recomputes it from W): the
 * steps compute the same bits either way, the trainer keeps Ŵ for exactly the steps it probes, and a read of
 * Ŵ that was not kept fails instead of returning a stale value.
 */
class KeptWeightValuesTest {
    private static TrainingSpec adam(int batch) {
        return new TrainingSpec("adam", 1e-3, 0.9, 0.0, 0.9, 0.999, "constant", 0.0, 1, 1.0, 1, batch);
    }

    private static Network build(String kind, Parallel par) {
        NetworkSpec spec = ExperimentDefaults.resolve(ExperimentIO.parse(
                "{\"network\": " + ExperimentIO.toJson(TrainingBenchmark.network(kind)) + "}", "keep")).network();
        return NetworkBuilder.build(spec, new int[] {1, 28, 28}, 10, par, 7);
    }

    private static WeightQuantizer firstQuantizer(Network net) {
        for (Layer l : net.layers()) if (l instanceof QuantBlock q && q.weights() != null) return q.weights();
        throw new AssertionError("no weight quantizer in " + net.layers());
    }

    /** Three Adam steps (updates inside the backward, as the trainer runs them); returns the state dict. */
    private static Map<String, Tensor> train(String kind, int batch, Parallel par, boolean keep) {
        Network net = build(kind, par);
        net.keepWeightValues(keep);
        Optimizer opt = Optimizers.create(adam(batch), net.paramList(), par);
        Rng rng = new Rng(batch);
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        for (int step = 0; step < 3; step++) {
            Tensor x = Tensor.zeros(batch, 1, 28, 28);
            for (int i = 0; i < x.size(); i++) x.data[i] = rng.nextFloat();
            int[] y = new int[batch];
            for (int i = 0; i < batch; i++) y[i] = rng.nextInt(10);
            net.zeroGrad();
            ce.forward(net.forward(x, Mode.TRAIN), y);
            opt.prepare(1e-3);
            net.backward(ce.backward());
            opt.step(1e-3);
        }
        WeightQuantizer q = firstQuantizer(net);
        if (keep) {
            assertNotNull(q.standardized());
        } else {
            IllegalStateException e = assertThrows(IllegalStateException.class, q::standardized);
            assertTrue(e.getMessage().contains("not kept"), e.getMessage());
            assertThrows(IllegalStateException.class, q::codes);
        }
        net.forward(Tensor.zeros(2, 1, 28, 28), Mode.EVAL);   // an evaluation forward always keeps them
        assertEquals(q.quantized().size(), q.codes().length);
        return net.stateDict();
    }

    @Test
    void stepsComputeTheSameBitsWhetherOrNotWHatIsKept() {
        try (Parallel two = new Parallel(2)) {
            for (Parallel par : new Parallel[] {Parallel.serial(), two}) {
                for (String kind : new String[] {"mlp", "cnn"}) {
                    for (int batch : new int[] {4, 16}) {
                        Map<String, Tensor> kept = train(kind, batch, par, true), dropped = train(kind, batch, par, false);
                        assertEquals(kept.keySet(), dropped.keySet());
                        for (String k : kept.keySet()) {
                            assertArrayEquals(kept.get(k).data, dropped.get(k).data,
                                    kind + " batch " + batch + " threads " + par.threads() + ": " + k);
                        }
                    }
                }
            }
        }
    }

    /** A dataset of 20 random 28×28 images: 5 steps per epoch at batch 4. */
    private static Dataset images(long seed) {
        Rng rng = new Rng(seed);
        float[] x = new float[20 * 784];
        for (int i = 0; i < x.length; i++) x[i] = rng.nextFloat();
        int[] y = new int[20];
        for (int i = 0; i < y.length; i++) y[i] = rng.nextInt(10);
        return new Dataset(x, y, 10, new int[] {1, 28, 28}, "random", "");
    }

    private static byte[] trainWithTrainer(Trainer.ProbeSampler probes, Network net, Parallel par) {
        Optimizer opt = Optimizers.create(adam(4), net.paramList(), par);
        Trainer.Setup setup = new Trainer.Setup(net, images(1), images(2), opt, Optimizers.schedule(adam(4), 5), 3, 2, 4,
                Augmentation.NONE, probes, 3, par.threads(), "keep");
        RunOutcome out = new Trainer(setup, List.of(), new RunControl()).run(0);
        assertEquals(RunOutcome.COMPLETED, out.status(), out.message());
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * (int) net.parameterCount());
        for (var p : net.paramList()) for (float v : p.value.data) b.putFloat(v);
        return b.array();
    }

    @Test
    void theTrainerKeepsWHatForTheStepsItProbesAndProbingChangesNoNumber() {
        try (Parallel par = new Parallel(2)) {
            Network probed = build("mlp", par);
            ProbeCollector collector = new ProbeCollector(probed, new ProbeSpec(true, 3, 16, 2));
            List<Long> steps = new ArrayList<>();
            List<Double> flips = new ArrayList<>();
            // every 3 steps and at each epoch's end (5 steps per epoch): 3, 5, 6, 9, 10; each reads Ŵ and the codes
            Trainer.ProbeSampler sampler = (step, epoch, x) -> {
                ProbeSnapshot s = collector.sample(step, epoch, x);
                steps.add(step);
                flips.add(s.layers().get(0).flipRate());
                return s;
            };
            byte[] withProbes = trainWithTrainer(sampler, probed, par);
            assertEquals(List.of(3L, 5L, 6L, 9L, 10L), steps);
            assertTrue(flips.subList(1, flips.size()).stream().allMatch(f -> f >= 0 && f <= 1), flips.toString());
            assertNotNull(firstQuantizer(probed).standardized(), "after the run the test evaluation's Ŵ is there");
            assertArrayEquals(trainWithTrainer(null, build("mlp", par), par), withProbes);
        }
    }
}
