package org.maqd.nn;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.maqd.quant.Surrogate;
import org.maqd.quant.WeightQuantizer;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;
import org.maqd.tensor.ref.RefKernels;

class LinearTest {
    @Test
    void forwardMatchesReference() {
        Rng rng = new Rng(1);
        Linear l = new Linear(7, 5, true, null, Parallel.serial(), rng);
        Tensor x = GradCheck.random(rng, 3, 7);
        Tensor y = l.forward(x, Mode.TRAIN);
        float[] ref = new float[15];
        RefKernels.gemm(false, true, 3, 5, 7, x.data, 0, l.weight().value.data, 0, ref, 0, false);
        for (int r = 0; r < 3; r++) for (int o = 0; o < 5; o++) {
            assertEquals(ref[r * 5 + o] + l.bias().value.data[o], y.data[r * 5 + o], 1e-5);
        }
    }

    @Test
    void batchesSmallerThanTheOutputGiveTheDirectProductsBits() {
        // out > batch: y = (W·xᵀ)ᵀ; each element must be the same FMA chain as the direct x·Wᵀ
        for (int[] s : new int[][] {{9, 784, 256}, {64, 784, 256}, {17, 300, 33}, {20, 64, 21}}) {
            int b = s[0], in = s[1], out = s[2];
            Rng rng = new Rng(b + in);
            for (int threads : new int[] {1, 2}) {
                try (Parallel par = new Parallel(threads)) {
                    Linear l = new Linear(in, out, true, null, par, rng);
                    Tensor x = GradCheck.random(rng, b, in);
                    Tensor y = l.forward(x, Mode.TRAIN);
                    float[] ref = new float[b * out];
                    org.maqd.tensor.Gemm.gemm(par, false, true, b, out, in, x.data, 0, l.weight().value.data, 0, ref, 0, false);
                    for (int r = 0; r < b; r++) for (int o = 0; o < out; o++) {
                        assertEquals(ref[r * out + o] + l.bias().value.data[o], y.data[r * out + o], 0f,
                                "b=" + b + " in=" + in + " out=" + out + " threads=" + threads + " at " + r + "," + o);
                    }
                }
            }
        }
    }

    @Test
    void transposeIsTiledCorrectly() {
        float[] src = new float[37 * 19], dst = new float[37 * 19];
        for (int i = 0; i < src.length; i++) src[i] = i;
        Linear.transpose(src, dst, 37, 19);
        for (int r = 0; r < 37; r++) for (int c = 0; c < 19; c++) assertEquals(src[r * 19 + c], dst[c * 37 + r]);
        float[] pieces = new float[37 * 19];   // column ranges as the parallel chunks cut them
        Linear.transpose(src, pieces, 37, 19, 0, 16);
        Linear.transpose(src, pieces, 37, 19, 16, 19);
        org.junit.jupiter.api.Assertions.assertArrayEquals(dst, pieces);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Rng rng = new Rng(2);
        Linear l = new Linear(6, 4, true, null, Parallel.serial(), rng);
        GradCheck.check(l, GradCheck.random(rng, 3, 6), Mode.TRAIN, 1e-2, 2e-3, 7);
    }

    @Test
    void gradientsThroughWeightStandardizationMatchFiniteDifferences() {
        Rng rng = new Rng(3);
        WeightQuantizer ws = new WeightQuantizer(new WeightQuantizer.Config(0, true, "gaussian", 0, Surrogate.STE));
        Linear l = new Linear(6, 4, false, ws, Parallel.serial(), rng);
        GradCheck.check(l, GradCheck.random(rng, 2, 6), Mode.TRAIN, 1e-3, 5e-3, 8);
    }

    @Test
    void rejectsWrongFeatureCount() {
        Linear l = new Linear(784, 10, false, null, Parallel.serial(), new Rng(0));
        ShapeException e = assertThrows(ShapeException.class, () -> l.outputShape(new int[] {1, 1568}));
        assertEquals("linear expects 784 inputs, gets 1568", e.getMessage());
    }
}
