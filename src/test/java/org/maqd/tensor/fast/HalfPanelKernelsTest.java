package org.maqd.tensor.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The half-panel kernels give each element exactly the FMA chain over the steps in order from the starting tile,
 * on any host (they are called directly here; {@link PackedGemm} uses them where vectors are
 * narrower than 512 bits, and their own tests then cover them too).
 */
class HalfPanelKernelsTest {
    private static final int L = MicroKernels.L;

    @Test
    void sixRowsTwoVectorsGiveTheFmaChainForStridedAndUnitStrideA() {
        Random r = new Random(3);
        for (int kc : new int[] {1, 7, 128, 301}) {
            for (boolean unit : new boolean[] {false, true}) {
                int ars = unit ? kc + 3 : 1, acs = unit ? 1 : 6 + 2, ldb = 4 * L + 5, lds = 2 * L + 3, ldc = 2 * L + 7;
                float[] a = randn(r, 4 + 6 * Math.max(ars, 1) + kc * acs), b = randn(r, 2 + kc * ldb + 2 * L);
                float[] s = randn(r, 1 + 6 * lds), c = new float[5 + 6 * ldc], expected = c.clone();
                for (int i = 0; i < 6; i++) {
                    for (int j = 0; j < 2 * L; j++) {
                        float acc = s[1 + i * lds + j];
                        for (int p = 0; p < kc; p++) acc = Math.fma(a[4 + i * ars + p * acs], b[2 + p * ldb + j], acc);
                        expected[5 + i * ldc + j] = acc;
                    }
                }
                if (unit) HalfPanelKernels.k6x2u(a, 4, ars, b, 2, ldb, kc, s, 1, lds, c, 5, ldc);
                else HalfPanelKernels.k6x2(a, 4, ars, acs, b, 2, ldb, kc, s, 1, lds, c, 5, ldc);
                assertSameBits(expected, c, "k6x2 kc=" + kc + " unit=" + unit);
            }
        }
    }

    private static void assertSameBits(float[] expected, float[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            int k = i;
            assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]),
                    () -> what + " at " + k + ": " + expected[k] + " vs " + actual[k]);
        }
    }

    private static float[] randn(Random r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) r.nextGaussian();
        return x;
    }
}
