package org.maqd.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.maqd.quant.WeightQuantizer;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;

/**
 * At small batches {@link Linear} runs its products row by row inside the weight quantizer's passes
 * ({@link WeightTransform#forwardRows}, {@link WeightTransform#backwardRows}). The reference is the unfused
 * sequence: the transform's forward, the whole small-batch product, the whole dW, the transform's backward.
 * Every output must have the same bits, for one and two threads.
 */
class LinearRowFusionTest {
    private static final int[][] SHAPES = {{784, 256}, {256, 256}, {256, 10}, {17, 3}, {40, 33}};

    @Test
    void fusedRowsGiveTheBitsOfTheSeparatePasses() {
        WeightQuantizer.Config[] configs = {WeightQuantizer.Config.gaussian(3), WeightQuantizer.Config.gaussian(256),
                WeightQuantizer.Config.gaussian(2)};
        try (Parallel two = new Parallel(2)) {
            for (Parallel par : new Parallel[] {Parallel.serial(), two}) {
                for (WeightQuantizer.Config c : configs) {
                    for (int[] s : SHAPES) {
                        for (int b : new int[] {1, 3, 4, 8}) check(par, c, s[0], s[1], b);
                    }
                }
            }
        }
    }

    private static void check(Parallel par, WeightQuantizer.Config config, int in, int out, int b) {
        String what = "M=" + config.states() + " in=" + in + " out=" + out + " b=" + b + " threads=" + par.threads();
        Rng rng = new Rng(31L * in + out + b);
        WeightQuantizer fusedQ = new WeightQuantizer(config, par);
        Linear lin = new Linear(in, out, false, fusedQ, par, rng);
        Tensor x = GradCheck.random(rng, b, in), gy = GradCheck.random(rng, b, out);
        // a second step with a nonzero gradient already in place: the fused backward must accumulate
        float[] before = GradCheck.random(rng, out, in).data;
        System.arraycopy(before, 0, lin.weight().grad.data, 0, before.length);
        float[] y = lin.forward(x, Mode.TRAIN).data.clone();
        float[] gx = lin.backward(gy).data.clone();
        float[] gw = lin.weight().grad.data;

        WeightQuantizer refQ = new WeightQuantizer(config, par);
        Tensor wq = refQ.forward(lin.weight().value, Mode.TRAIN);
        SmallBatchKernels k = new SmallBatchKernels(par);
        float[] yRef = new float[b * out], dw = new float[out * in];
        k.forward(b, in, out, x.data, wq.data, yRef);
        k.weightGrad(b, in, out, gy.data, x.data, dw);
        float[] gxRef = new float[b * in];
        k.inputGrad(b, in, out, gy.data, wq.data, gxRef);
        Tensor gwRef = Tensor.of(before.clone(), out, in);
        refQ.backward(Tensor.of(dw, out, in), gwRef);

        assertArrayEquals(refQ.quantized().data, fusedQ.quantized().data, "W_q " + what);
        assertArrayEquals(refQ.codes(), fusedQ.codes(), "codes " + what);
        assertArrayEquals(yRef, y, "y " + what);
        assertArrayEquals(gwRef.data, gw, "dL/dW " + what);
        assertArrayEquals(gxRef, gx, "dL/dx " + what);
    }

    /** One layer, the batch size changing between steps (an epoch's short last batch): dL/dx as the unfused kernel. */
    @Test
    void inputGradientPartsFollowTheBatchSize() {
        try (Parallel two = new Parallel(2)) {
            Rng rng = new Rng(12);
            WeightQuantizer q = new WeightQuantizer(WeightQuantizer.Config.gaussian(3), two);
            Linear lin = new Linear(256, 256, false, q, two, rng);
            SmallBatchKernels k = new SmallBatchKernels(two);
            for (int b : new int[] {8, 3, 8, 1, 5}) {
                Tensor x = GradCheck.random(rng, b, 256), gy = GradCheck.random(rng, b, 256);
                lin.forward(x, Mode.TRAIN);
                float[] wq = q.quantized().data.clone();
                float[] gx = lin.backward(gy).data, ref = new float[b * 256];
                k.inputGrad(b, 256, 256, gy.data, wq, ref);
                assertArrayEquals(ref, gx, "dL/dx at b=" + b);
            }
        }
    }

    @Test
    void theQuantizerWithStandardizationTakesTheFusedPaths() {
        WeightQuantizer q = new WeightQuantizer(WeightQuantizer.Config.gaussian(3), Parallel.serial());
        Tensor w = GradCheck.random(new Rng(2), 4, 20);
        int[] seen = new int[2];
        assertNotNull(q.forwardRows(w, Mode.TRAIN, (r, eff) -> seen[0]++, 1), "fused forward");
        assertTrue(q.backwardRows((r, dst, off) -> seen[1]++, 1, new Param("w", Tensor.zeros(4, 20), true)), "fused backward");
        assertArrayEquals(new int[] {4, 4}, seen, "every row handed over once");
    }
}
