package org.maqd.tensor.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link TransposePack#transpose}: register blocks where whole 16 × 16 blocks fit, scalar tiles elsewhere; the
 * reference is the definition dst[c·ldd + r] = src[r·lds + c], element by element, with everything outside the
 * range left as it was.
 */
class TransposePackTest {
    @Test
    void transposesAnyRangeWithStridesAndOffsets() {
        Random rnd = new Random(5);
        // {rows, cols, lds pad, ldd pad, r0, r1, c0, c1}: whole blocks, ragged edges, sub-ranges, one row, no block
        int[][] cases = {{64, 256, 0, 0, 0, 64, 0, 256}, {256, 64, 0, 0, 0, 256, 16, 48}, {37, 19, 0, 0, 0, 37, 0, 19},
                {50, 70, 3, 5, 2, 49, 7, 69}, {16, 16, 0, 0, 0, 16, 0, 16}, {1, 40, 0, 0, 0, 1, 0, 40},
                {15, 15, 1, 1, 0, 15, 0, 15}, {64, 784, 0, 0, 0, 64, 0, 784}};
        for (int[] t : cases) {
            int rows = t[0], cols = t[1], lds = cols + t[2], ldd = rows + t[3], sOff = 3, dOff = 7;
            float[] src = new float[sOff + rows * lds];
            for (int i = 0; i < src.length; i++) src[i] = rnd.nextFloat();
            float[] dst = new float[dOff + cols * ldd], ref = new float[dst.length];
            for (int i = 0; i < dst.length; i++) dst[i] = ref[i] = -1 - i;
            for (int r = t[4]; r < t[5]; r++) {
                for (int c = t[6]; c < t[7]; c++) ref[dOff + c * ldd + r] = src[sOff + r * lds + c];
            }
            TransposePack.transpose(src, sOff, lds, dst, dOff, ldd, t[4], t[5], t[6], t[7]);
            assertArrayEquals(ref, dst, java.util.Arrays.toString(t));
            float[] plain = new float[dst.length];
            for (int i = 0; i < plain.length; i++) plain[i] = -1 - i;
            TransposePack.scalar(src, sOff, lds, plain, dOff, ldd, t[4], t[5], t[6], t[7]);
            assertArrayEquals(ref, plain, "scalar " + java.util.Arrays.toString(t));
        }
    }
}
