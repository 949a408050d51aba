package org.maqd.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maqd.nn.Param;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;

/** The vectorized optimizer updates give the same bits as the plain loops. */
class UpdateKernelsTest {
    static float[] randn(Rng rng, int n, double scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) (scale * rng.nextGaussian());
        return a;
    }

    @Test
    void adamMatchesPlainLoopBitForBit() {
        Rng rng = new Rng(11);
        for (int n : new int[] {1, 7, 15, 16, 17, 33, 1000}) {
            float[] w = randn(rng, n, 0.1), g = randn(rng, n, 1e-3), m = randn(rng, n, 1e-3), v = new float[n];
            for (int i = 0; i < n; i++) v[i] = Math.abs(randn(rng, 1, 1e-6)[0]);
            v[0] = 0;                                    // √0 + eps
            float[] w2 = w.clone(), m2 = m.clone(), v2 = v.clone();
            for (int rep = 0; rep < 3; rep++) {
                UpdateKernels.adamAndClear(w, g.clone(), m, v, 0, n, 0.9f, 0.999f, 1e-4f, 0.99999f, 1e-3f, 31.6f, 1e-8f);
                UpdateKernels.adamPlain(w2, g, m2, v2, 0, n, 0.9f, 0.999f, 1e-4f, 0.99999f, 1e-3f, 31.6f, 1e-8f);
            }
            assertArrayEquals(w2, w, "w n=" + n);
            assertArrayEquals(m2, m, "m n=" + n);
            assertArrayEquals(v2, v, "v n=" + n);
        }
    }

    @Test
    void adamAndClearMatchesPlainLoopBitForBitAndClearsTheGradient() {
        Rng rng = new Rng(14);
        for (int n : new int[] {1, 7, 16, 17, 33, 1000}) {
            float[] w = randn(rng, n, 0.1), g = randn(rng, n, 1e-3), m = randn(rng, n, 1e-3), v = new float[n];
            float[] w2 = w.clone(), g2 = g.clone(), m2 = m.clone(), v2 = v.clone();
            int from = n / 4;                            // a sub-range: the rest is left alone
            UpdateKernels.adamAndClear(w, g, m, v, from, n, 0.9f, 0.999f, 1e-4f, 0.99999f, 1e-3f, 31.6f, 1e-8f);
            UpdateKernels.adamPlain(w2, g2, m2, v2, from, n, 0.9f, 0.999f, 1e-4f, 0.99999f, 1e-3f, 31.6f, 1e-8f);
            assertArrayEquals(w2, w, "w n=" + n);
            assertArrayEquals(m2, m, "m n=" + n);
            assertArrayEquals(v2, v, "v n=" + n);
            for (int i = 0; i < n; i++) assertEquals(i < from ? g2[i] : 0f, g[i], "g[" + i + "] n=" + n);
        }
    }

    @Test
    void adamOverSeveralParametersMatchesThePlainLoopPerParameterForOneOrTwoThreads() {
        int[] sizes = {5, 40_000, 17, 100_000, 3};   // chunks span parameter boundaries
        for (int t = 1; t <= 2; t++) {
            List<Param> ps = new ArrayList<>();
            float[][] w = new float[sizes.length][], g = new float[sizes.length][];
            Rng r = new Rng(16);
            for (int i = 0; i < sizes.length; i++) {
                w[i] = randn(r, sizes[i], 0.1);
                g[i] = randn(r, sizes[i], 1e-2);
                Param p = new Param("p" + i, Tensor.of(w[i].clone(), sizes[i]), i % 2 == 0);
                System.arraycopy(g[i], 0, p.grad.data, 0, sizes[i]);
                ps.add(p);
            }
            try (Parallel par = new Parallel(t)) {
                new Adam(ps, 0.9, 0.999, 1e-2, false, par).step(1e-3);
            }
            for (int i = 0; i < sizes.length; i++) {
                int n = sizes[i];
                float[] m = new float[n], v = new float[n];
                float wd = i % 2 == 0 ? 1e-2f : 0f;
                UpdateKernels.adamPlain(w[i], g[i], m, v, 0, n, 0.9f, 0.999f, wd, 1f, (float) (1e-3 / (1 - 0.9)),
                        (float) (1 / Math.sqrt(1 - 0.999)), 1e-8f);
                assertArrayEquals(w[i], ps.get(i).value.data, "parameter " + i + ", threads " + t);
                assertArrayEquals(new float[n], ps.get(i).grad.data, "gradient cleared, parameter " + i);
            }
        }
    }

    @Test
    void zeroGradAfterAnAdamStepLeavesZeroAndLaterGradientsAreClearedAgain() {
        Param p = new Param("w", Tensor.of(new float[] {1f, 2f}, 2), true);
        Adam adam = new Adam(List.of(p), 0.9, 0.999, 0, false, Parallel.serial());
        p.grad.data[0] = 0.5f;
        adam.step(0.01);
        p.zeroGrad();                                    // free: the step cleared it
        assertArrayEquals(new float[2], p.grad.data);
        p.grad.data[1] = 3f;                             // a backward pass adds into it
        p.zeroGrad();                                    // this one must clear
        assertArrayEquals(new float[2], p.grad.data);
    }

    @Test
    void sgdMatchesPlainLoopBitForBit() {
        Rng rng = new Rng(12);
        for (int n : new int[] {1, 15, 16, 17, 1000}) {
            float[] w = randn(rng, n, 0.1), g = randn(rng, n, 1e-2), v = randn(rng, n, 1e-2);
            float[] w2 = w.clone(), v2 = v.clone();
            // a sub-range: the kernels leave the rest alone
            UpdateKernels.sgd(w, g, v, n / 3, n, 0.9f, 5e-4f, 0.05f);
            UpdateKernels.sgdPlain(w2, g, v2, n / 3, n, 0.9f, 5e-4f, 0.05f);
            assertArrayEquals(w2, w, "w n=" + n);
            assertArrayEquals(v2, v, "v n=" + n);
        }
    }

    @Test
    void adamIdenticalForOneOrTwoThreads() {
        Rng rng = new Rng(13);
        int n = 70_000;                                  // several chunks of the optimizer's grain
        float[] w0 = randn(rng, n, 0.1), g0 = randn(rng, n, 1e-2);
        float[][] out = new float[2][];
        for (int t = 1; t <= 2; t++) {
            try (Parallel par = new Parallel(t)) {
                Param p = new Param("weight", Tensor.of(w0.clone(), n), true);
                System.arraycopy(g0, 0, p.grad.data, 0, n);
                Adam adam = new Adam(List.of(p), 0.9, 0.999, 1e-2, true, par);
                adam.step(1e-3);
                adam.step(1e-3);
                out[t - 1] = p.value.data;
            }
        }
        assertArrayEquals(out[0], out[1]);
    }
}
