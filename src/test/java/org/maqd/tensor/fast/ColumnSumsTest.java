package org.maqd.tensor.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The vector column sums give the plain loops' bits for every column, on column ranges around the vector size. */
class ColumnSumsTest {
    @Test
    void vectorColumnSumsEqualThePlainLoopsBitForBit() {
        Random r = new Random(11);
        int[][] shapes = {{1, 1}, {4, 10}, {3, 16}, {64, 17}, {5, 31}, {256, 256}, {7, 33}, {2, 100}};
        for (int[] s : shapes) {
            int rows = s[0], cols = s[1];
            float[] a = new float[rows * cols], b = new float[rows * cols];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(9) - 4));
                b[i] = (float) r.nextGaussian();
            }
            double[] mean = new double[cols];
            for (int c = 0; c < cols; c++) mean[c] = r.nextGaussian() * 1e-3;
            for (int[] range : new int[][] {{0, cols}, {Math.min(1, cols), cols}, {0, cols / 2}, {cols / 3, cols}}) {
                int c0 = range[0], c1 = range[1];
                String at = rows + "x" + cols + " columns " + c0 + ".." + c1;
                double[] want = new double[cols], got = new double[cols], want2 = new double[cols], got2 = new double[cols];
                ColumnSums.sumPlain(a, rows, cols, c0, c1, want);
                ColumnSums.sum(a, rows, cols, c0, c1, got);
                assertArrayEquals(want, got, 0.0, "sum " + at);
                ColumnSums.sumSqPlain(a, rows, cols, c0, c1, mean, want);
                ColumnSums.sumSq(a, rows, cols, c0, c1, mean, got);
                assertArrayEquals(want, got, 0.0, "sumSq " + at);
                ColumnSums.sumAndDotPlain(a, b, rows, cols, c0, c1, want, want2);
                ColumnSums.sumAndDot(a, b, new float[cols], ones(cols), rows, cols, c0, c1, got, got2);
                assertArrayEquals(want, got, 0.0, "sumAndDot (sum) " + at);
                assertArrayEquals(want2, got2, 0.0, "sumAndDot (dot) " + at);
                // over x̂ recomputed from x: the bits of the sums over x̂ as the norm's forward stores it
                float[] mf = new float[cols], inv = new float[cols], xhat = new float[rows * cols];
                for (int c = 0; c < cols; c++) {
                    mf[c] = (float) (r.nextGaussian() * 0.1);
                    inv[c] = (float) (1 / (0.5 + r.nextDouble()));
                }
                PlaneAffine.normalizePlain(b, mf, inv, ones(cols), new float[cols], xhat, new float[rows * cols],
                        0, rows * cols, 1, cols);
                ColumnSums.sumAndDotPlain(a, xhat, rows, cols, c0, c1, want, want2);
                ColumnSums.sumAndDot(a, b, mf, inv, rows, cols, c0, c1, got, got2);
                assertArrayEquals(want, got, 0.0, "sumAndDot of x̂ (sum) " + at);
                assertArrayEquals(want2, got2, 0.0, "sumAndDot of x̂ (dot) " + at);
            }
        }
    }

    private static float[] ones(int n) {
        float[] o = new float[n];
        java.util.Arrays.fill(o, 1f);
        return o;
    }

    /** See {@link KernelBytecode}: own compile roots, no calls but the Vector API, no vector parameters. */
    @Test
    void kernelsAreTheirOwnCompileRootsAndCallNothing() {
        KernelBytecode.assertOwnRootsCallingOnlyTheVectorApi(ColumnSums.class, "sums", "sumAndDot");
    }
}
