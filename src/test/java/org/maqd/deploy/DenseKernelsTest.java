package org.maqd.deploy;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.maqd.tensor.Rng;

/** The vector inner loops against the plain reference loops, every length 0…40 and offsets, c = 1 and c > 1. */
class DenseKernelsTest {
    @Test
    void vectorLoopsEqualPlainLoops() {
        Rng rng = new Rng(3);
        short[] w16 = new short[200];
        byte[] w8 = new byte[200];
        for (int i = 0; i < 200; i++) {
            w16[i] = (short) (rng.nextInt(511) - 255);
            w8[i] = (byte) (rng.nextInt(255) - 127);
        }
        for (int n = 0; n <= 40; n++) {
            for (int base : new int[] {0, 3, 17}) {
                for (int c : new int[] {1, 2, 255}) {
                    int[] a = new int[n], b = new int[n], x = new int[n], y = new int[n];
                    for (int i = 0; i < n; i++) a[i] = b[i] = x[i] = y[i] = rng.nextInt(1000) - 500;
                    DenseKernels.addScaled(a, w16, base, c, n);
                    DenseKernels.addScaledPlain(b, w16, base, c, n);
                    DenseKernels.addScaled(x, w8, base, c, n);
                    DenseKernels.addScaledPlain(y, w8, base, c, n);
                    assertArrayEquals(b, a, "int16 n=" + n + " base=" + base + " c=" + c);
                    assertArrayEquals(y, x, "int8 n=" + n + " base=" + base + " c=" + c);
                }
            }
        }
    }

    @Test
    void registerBlockedAccumulationEqualsPlainSums() {
        Rng rng = new Rng(4);
        for (int n : new int[] {1, 10, 15, 16, 17, 63, 64, 65, 256, 300}) {
            int k = 50;
            int[] w = new int[k * n];
            for (int i = 0; i < w.length; i++) w[i] = rng.nextInt(511) - 255;
            int[] index = new int[k], code = new int[k];
            int nnz = 0;
            for (int j = 0; j < k; j++) {
                int c = rng.nextInt(3) == 0 ? 0 : 1 + rng.nextInt(255);
                if (c == 0) continue;
                index[nnz] = j * n;
                code[nnz++] = c;
            }
            int[] acc = new int[n], ref = new int[n];
            java.util.Arrays.fill(acc, 12345);                     // overwritten, not added to
            DenseKernels.accumulate(acc, w, n, index, code, nnz);
            for (int t = 0; t < nnz; t++) DenseKernels.addScaledPlain(ref, w, index[t], code[t], n);
            assertArrayEquals(ref, acc, "n=" + n);
        }
    }
}
