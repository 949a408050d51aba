package org.maqd.tensor.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The transposing pack (16 × 16 register blocks where the vectors allow) writes the bytes of its definition,
 * packed[q·NR·k + p·NR + jj] = B[q·NR + jj][p], and leaves everything outside the packed rows as it was.
 */
class PackedPanelsTest {
    @Test
    void transposingPackEqualsThePlainLoop() {
        Random r = new Random(4);
        int[] ns = {10, 16, 64, 70, 200, 256};
        int[] ks = {1, 15, 16, 33, 100, 784};
        for (int n : ns) for (int k : ks) {
            int bOff = 3;
            float[] b = new float[bOff + n * k];
            for (int i = 0; i < b.length; i++) b[i] = r.nextFloat();
            int size = PackedPanels.size(n, k);
            for (int[] rows : new int[][] {{0, k}, {Math.min(5, k), Math.min(37, k)}, {k / 2, k}}) {
                float[] got = new float[size + 7], want = new float[size + 7];
                for (int q = 0; q < PackedPanels.panels(n); q++) {
                    int j0 = q * PackedPanels.NR, w = Math.min(PackedPanels.NR, n - j0);
                    PackedPanels.packRows(true, n, k, b, bOff, got, 7, q, rows[0], rows[1]);
                    for (int p = rows[0]; p < rows[1]; p++) {
                        for (int jj = 0; jj < w; jj++) {
                            want[7 + q * PackedPanels.NR * k + p * PackedPanels.NR + jj] = b[bOff + (j0 + jj) * k + p];
                        }
                    }
                }
                assertArrayEquals(want, got, "n=" + n + " k=" + k + " rows " + rows[0] + ".." + rows[1]);
            }
        }
    }
}
