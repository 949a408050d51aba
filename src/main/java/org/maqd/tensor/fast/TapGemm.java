package org.maqd.tensor.fast;

import static org.maqd.tensor.fast.MicroKernels.L;
import static org.maqd.tensor.fast.MicroKernels.MR;
import static org.maqd.tensor.fast.MicroKernels.NR;

/**
 * Serial GEMM with table-driven k-steps ({@link TapKernels}): C[m, n] (row stride ldc) (+)= Σ_q A_q ⊗ B_q, where
 * step q takes column {@code aOff + aRel[q]} of A (rows {@code ars} apart) and row {@code bOff + bRel[q]} of a
 * plain row-major B, read in place (B needs {@link MicroKernels#L} floats of read slack past its last element).
 * The steps run in near-equal blocks of at most {@link #KB} per panel, every row block of the panel taking one
 * block before the next: the B rows of one block (KB·NR floats) stay in the L1 cache while all row blocks use
 * them. C is stored and reloaded between blocks, so each element is still one FMA chain over q = 0…kq−1.
 * The tile needs {@link PackedGemm#TILE} floats.
 */
public final class TapGemm {
    private TapGemm() {}

    /** Most k-steps per block: 96 steps of an NR-wide B panel are 24 KiB with 16 lanes. */
    public static final int KB = 96;

    public static void multiply(int m, int n, float[] a, int aOff, int ars, int[] aRel,
                                float[] b, int bOff, int[] bRel, int kq, float[] c, int cOff, int ldc,
                                boolean accumulate, float[] tile, int t0) {
        int panels = PackedPanels.panels(n);
        int blocks = Math.max(1, (kq + KB - 1) / KB), kb = (kq + blocks - 1) / blocks;
        for (int q = 0; q < panels; q++) {
            int j0 = q * NR, w = Math.min(NR, n - j0), pb = bOff + j0;
            for (int k0 = 0; k0 < kq; k0 += kb) {
                int k1 = Math.min(kq, k0 + kb);
                boolean load = accumulate || k0 > 0;
                int i = 0;
                for (; i + MR <= m; i += MR) {
                    int ai = aOff + i * ars, ci = cOff + i * ldc + j0;
                    if (w == NR) {
                        TapKernels.k4x4(a, ai, ars, aRel, b, pb, bRel, k0, k1, c, ci, ldc, load);
                        continue;
                    }
                    tail4(a, ai, ars, aRel, b, pb, bRel, k0, k1, c, ci, ldc, load, w, tile, t0);
                }
                for (; i < m; i++) {
                    int ai = aOff + i * ars, ci = cOff + i * ldc + j0;
                    if (w == NR) {
                        TapKernels.k1x4(a, ai, aRel, b, pb, bRel, k0, k1, c, ci, load);
                        continue;
                    }
                    int v = 0;
                    for (; (v + 1) * L <= w; v++) TapKernels.k1x1(a, ai, aRel, b, pb + v * L, bRel, k0, k1, c, ci + v * L, load);
                    int rem = w - v * L;
                    if (rem > 0) {
                        if (load) System.arraycopy(c, ci + v * L, tile, t0, rem);
                        TapKernels.k1x1(a, ai, aRel, b, pb + v * L, bRel, k0, k1, tile, t0, load);
                        System.arraycopy(tile, t0, c, ci + v * L, rem);
                    }
                }
            }
        }
    }

    /** Columns [0, w) of a partial panel for 4 rows; same pairing as {@link PackedGemm}'s tail. */
    private static void tail4(float[] a, int ai, int ars, int[] aRel, float[] b, int pb, int[] bRel, int q0, int q1,
                              float[] c, int ci, int ldc, boolean load, int w, float[] tile, int t) {
        int full = w / L, rem = w - full * L, v = 0;
        for (; full - v >= 2; v += 2) TapKernels.k4x2(a, ai, ars, aRel, b, pb + v * L, bRel, q0, q1, c, ci + v * L, ldc, load);
        int cv = ci + v * L, cols = w - v * L;
        if (full - v == 1 && rem == 0) {
            TapKernels.k4x1(a, ai, ars, aRel, b, pb + v * L, bRel, q0, q1, c, cv, ldc, load);
        } else if (cols > 0) {
            int width = full - v == 1 ? 2 * L : L;
            if (load) for (int r = 0; r < MR; r++) System.arraycopy(c, cv + r * ldc, tile, t + r * width, cols);
            if (width == 2 * L) {
                TapKernels.k4x2(a, ai, ars, aRel, b, pb + v * L, bRel, q0, q1, tile, t, width, load);
            } else {
                TapKernels.k4x1(a, ai, ars, aRel, b, pb + v * L, bRel, q0, q1, tile, t, width, load);
            }
            for (int r = 0; r < MR; r++) System.arraycopy(tile, t + r * width, c, cv + r * ldc, cols);
        }
    }
}
