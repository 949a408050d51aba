package org.maqd.tensor.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast paths of {@link ShiftedConv} give the bits of its per-tap products. */
class ShiftedConvTest {
    /** The three-tap weight-gradient kernel (32 outputs, 3-wide kernel) against one product per tap, over two samples. */
    @Test
    void tapTriplesGiveThePerTapBits() {
        Random r = new Random(3);
        int o = 2 * MicroKernels.L;
        int[][] shapes = {{4, 5, 5, 1}, {5, 6, 9, 1}, {32, 28, 28, 1}, {33, 7, 4, 0}, {8, 14, 14, 2}, {1, 3, 3, 1}};
        for (int[] sh : shapes) {
            ConvGeometry g = new ConvGeometry(sh[0], sh[1], sh[2], 3, 3, 1, sh[3]);
            ShiftedConv sc = new ShiftedConv(g, o);
            float[] x = randn(r, 2 * sh[0] * sh[1] * sh[2]), dy = randn(r, 2 * o * g.p);
            // exact zeros and signed zeros in dy, as after a clipped activation's backward
            for (int i = 0; i < dy.length; i += 3) dy[i] = (i % 2 == 0) ? 0f : -0f;
            float[] xpad = new float[sc.paddedInputSize()], packed = new float[sc.packedGradSize()];
            float[] fast = new float[sc.weightGradSize() + 3], ref = new float[sc.weightGradSize() + 3];
            float[] tile = new float[PackedGemm.TILE];
            for (int s = 0; s < 2; s++) {
                sc.padInput(x, s * sh[0] * sh[1] * sh[2], xpad);
                sc.backwardWeight(xpad, dy, s * o * g.p, fast, 3, s > 0, packed, tile);
                sc.backwardWeightPerTap(xpad, dy, s * o * g.p, ref, 3, s > 0, packed, tile);
            }
            for (int i = 0; i < ref.length; i++) {
                int k = i;
                assertEquals(Float.floatToRawIntBits(ref[i]), Float.floatToRawIntBits(fast[i]),
                        () -> java.util.Arrays.toString(sh) + " at " + k + ": " + ref[k] + " vs " + fast[k]);
            }
        }
        for (float z : PackedGemm.ZEROS) assertEquals(0f, z, "the shared zero tile was written");
    }

    /** The weight gradient's 6-row blocks (vectors under 512 bits, whole panels) against the plain per-tap products. */
    @Test
    void sixRowWeightGradientGivesThePerTapBits() {
        Random r = new Random(4);
        int[][] shapes = {{32, 28, 28, 1, 32}, {32, 14, 14, 1, 64}, {64, 14, 14, 1, 64}, {7, 9, 6, 0, 32}, {1, 28, 28, 1, 32},
                {13, 5, 5, 2, 2 * MicroKernels.NR}, {6, 4, 11, 1, MicroKernels.NR}, {12, 8, 8, 1, 40}};
        for (int[] sh : shapes) {
            ConvGeometry g = new ConvGeometry(sh[0], sh[1], sh[2], 3, 3, 1, sh[3]);
            int o = sh[4];
            ShiftedConv sc = new ShiftedConv(g, o);
            float[] x = randn(r, 3 * sh[0] * sh[1] * sh[2]), dy = randn(r, 3 * o * g.p);
            for (int i = 0; i < dy.length; i += 3) dy[i] = (i % 2 == 0) ? 0f : -0f;
            float[] xpad = new float[sc.paddedInputSize()], packed = new float[sc.packedGradSize()];
            float[] fast = new float[sc.weightGradSize() + 3], ref = new float[sc.weightGradSize() + 3];
            float[] tile = new float[PackedGemm.TILE];
            for (int s = 0; s < 3; s++) {
                sc.padInput(x, s * sh[0] * sh[1] * sh[2], xpad);
                sc.backwardWeight(xpad, dy, s * o * g.p, fast, 3, s > 0, packed, tile);
                sc.backwardWeightPerTap(xpad, dy, s * o * g.p, ref, 3, s > 0, packed, tile);
            }
            for (int i = 0; i < ref.length; i++) {
                int k = i;
                assertEquals(Float.floatToRawIntBits(ref[i]), Float.floatToRawIntBits(fast[i]),
                        () -> java.util.Arrays.toString(sh) + " at " + k + ": " + ref[k] + " vs " + fast[k]);
            }
        }
        for (float z : PackedGemm.ZEROS) assertEquals(0f, z, "the shared zero tile was written");
    }

    /** The row-order pack of dy_wideᵀ writes exactly what the reference column-order pack writes. */
    @Test
    void rowOrderDyPackMatchesTheReference() {
        Random r = new Random(8);
        int[][] shapes = {{32, 28, 28, 1, 32}, {64, 14, 14, 1, 64}, {3, 5, 7, 0, MicroKernels.NR}, {2, 9, 4, 2, 2 * MicroKernels.NR},
                {8, 28, 28, 1, 2 * MicroKernels.NR}, {4, 3, 40, 1, MicroKernels.NR}};
        int tested = 0;
        for (int[] sh : shapes) {
            if (sh[4] % PackedPanels.NR != 0) continue;    // whole panels only, as backwardWeightPerTap calls it
            tested++;                                      // (32 channels are half a panel with 512-bit vectors)
            ConvGeometry g = new ConvGeometry(sh[0], sh[1], sh[2], 3, 3, 1, sh[3]);
            ShiftedConv sc = new ShiftedConv(g, sh[4]);
            float[] dy = randn(r, 2 * sh[4] * g.p);
            for (int i = 0; i < dy.length; i += 5) dy[i] = -0f;
            float[] a = randn(r, sc.packedGradSize()), b = a.clone();
            float[] c = a.clone();
            sc.packDy(dy, sh[4] * g.p, a);
            sc.packDyRows(dy, sh[4] * g.p, b);
            sc.packDyRowByRow(dy, sh[4] * g.p, c);
            for (int i = 0; i < a.length; i++) {
                int k = i;
                assertEquals(Float.floatToRawIntBits(a[i]), Float.floatToRawIntBits(b[i]), () -> java.util.Arrays.toString(sh) + " at " + k);
                assertEquals(Float.floatToRawIntBits(a[i]), Float.floatToRawIntBits(c[i]), () -> "row by row " + java.util.Arrays.toString(sh) + " at " + k);
            }
        }
        assertTrue(tested >= 3, "shapes of whole panels tested: " + tested);
    }

    private static float[] randn(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) r.nextGaussian();
        return v;
    }
}
