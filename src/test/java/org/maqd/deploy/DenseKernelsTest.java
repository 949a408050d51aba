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
}
