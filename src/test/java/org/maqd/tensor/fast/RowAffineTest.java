package org.maqd.tensor.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The vector row passes give the plain loops' bits, for column counts around the vector size and row ranges. */
class RowAffineTest {
    @Test
    void vectorRowPassesEqualThePlainLoopsBitForBit() {
        Random r = new Random(5);
        int[][] shapes = {{1, 1}, {4, 10}, {3, 16}, {64, 17}, {5, 31}, {256, 256}, {7, 33}, {2, 100}};
        for (int[] s : shapes) {
            int rows = s[0], cols = s[1], n = rows * cols;
            float[] x = gauss(r, n), d = gauss(r, n), m = gauss(r, cols), inv = gauss(r, cols), g = gauss(r, cols),
                    b = gauss(r, cols), k = gauss(r, cols);
            for (int[] range : new int[][] {{0, rows}, {rows / 2, rows}, {0, (rows + 1) / 2}}) {
                int r0 = range[0], r1 = range[1];
                String at = rows + "x" + cols + " rows " + r0 + ".." + r1;
                float[] h1 = new float[n], y1 = new float[n], h2 = new float[n], y2 = new float[n];
                RowAffine.normalizePlain(x, m, inv, g, b, h1, y1, r0, r1, cols);
                RowAffine.normalize(x, m, inv, g, b, h2, y2, r0, r1, cols);
                assertArrayEquals(h1, h2, 0f, "normalize x̂ " + at);
                assertArrayEquals(y1, y2, 0f, "normalize y " + at);
                float[] o1 = new float[n], o2 = new float[n];
                RowAffine.gradientPlain(g, b, k, d, x, o1, r0, r1, cols);
                RowAffine.gradient(g, b, k, d, x, o2, r0, r1, cols);
                assertArrayEquals(o1, o2, 0f, "gradient " + at);
            }
        }
    }

    private static float[] gauss(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(7) - 3));
        return a;
    }
}
