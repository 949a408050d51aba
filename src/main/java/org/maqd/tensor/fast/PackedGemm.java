package org.maqd.tensor.fast;

import static org.maqd.tensor.fast.MicroKernels.L;
import static org.maqd.tensor.fast.MicroKernels.MR;
import static org.maqd.tensor.fast.MicroKernels.NR;

/**
 * Serial blocked GEMM over a packed B: {@code C[i0:i1, panels q0:q1] (+)= op(A) · op(B)}.
 * <p>
 * The k dimension is cut into near-equal blocks of at most {@link #KC} (boundaries depend on k only); for each block and panel the
 * rows are swept in register blocks of {@link MicroKernels#MR}. Every output element therefore sees the same
 * sequence of FMAs — initial value (C, or 0 for the first block without accumulate), then p = 0, 1, ..., k−1 —
 * whatever region, thread or kernel computes it.
 */
public final class PackedGemm {
    private PackedGemm() {}

    /** k-block length: a KC × NR slice of a panel stays in L1 while the rows sweep over it. */
    public static final int KC = 256;
    /** Scratch floats one caller needs for edge tiles. */
    public static final int TILE = MR * L;

    /**
     * @param ars,acs strides of A between rows and between k-steps: (k, 1) for A [m, k], (1, m) for Aᵀ stored [k, m]
     * @param tile scratch of {@link #TILE} floats at {@code tileOff}, private to this caller
     */
    public static void region(int n, int k, float[] a, int aOff, int ars, int acs,
                              float[] bp, int bpOff, float[] c, int cOff, int ldc, boolean accumulate,
                              int i0, int i1, int q0, int q1, float[] tile, int tileOff) {
        if (k == 0) {
            if (!accumulate) for (int i = i0; i < i1; i++) {
                java.util.Arrays.fill(c, cOff + i * ldc + q0 * NR, cOff + i * ldc + Math.min(n, q1 * NR), 0f);
            }
            return;
        }
        int kStep = kStep(k);
        for (int kb = 0; kb < k; kb += kStep) {
            int kc = Math.min(kStep, k - kb);
            boolean load = accumulate || kb > 0;
            for (int q = q0; q < q1; q++) {
                int j0 = q * NR;
                int w = Math.min(NR, n - j0);
                int pb = bpOff + q * NR * k + kb * NR;
                int i = i0;
                for (; i + MR <= i1; i += MR) {
                    int ai = aOff + i * ars + kb * acs;
                    int ci = cOff + i * ldc + j0;
                    if (w == NR) {
                        MicroKernels.k4x4(a, ai, ars, acs, bp, pb, kc, c, ci, ldc, load);
                    } else {
                        int v = 0;
                        for (; (v + 1) * L <= w; v++) {
                            MicroKernels.k4x1(a, ai, ars, acs, bp, pb + v * L, kc, c, ci + v * L, ldc, load);
                        }
                        int rem = w - v * L;
                        if (rem > 0) edge4(a, ai, ars, acs, bp, pb + v * L, kc, c, ci + v * L, ldc, load, rem, tile, tileOff);
                    }
                }
                for (; i < i1; i++) {
                    int ai = aOff + i * ars + kb * acs;
                    int ci = cOff + i * ldc + j0;
                    if (w == NR) {
                        MicroKernels.k1x4(a, ai, acs, bp, pb, kc, c, ci, load);
                    } else {
                        int v = 0;
                        for (; (v + 1) * L <= w; v++) MicroKernels.k1x1(a, ai, acs, bp, pb + v * L, kc, c, ci + v * L, load);
                        int rem = w - v * L;
                        if (rem > 0) {
                            if (load) System.arraycopy(c, ci + v * L, tile, tileOff, rem);
                            MicroKernels.k1x1(a, ai, acs, bp, pb + v * L, kc, tile, tileOff, load);
                            System.arraycopy(tile, tileOff, c, ci + v * L, rem);
                        }
                    }
                }
            }
        }
    }

    /** k-block length for a given k: at most {@link #KC}, blocks of near-equal size (no short tail block). */
    static int kStep(int k) {
        int blocks = (k + KC - 1) / KC;
        return (k + blocks - 1) / blocks;
    }

    /** A partial vector of {@code rem < L} columns for 4 rows, computed in the tile and copied back. */
    private static void edge4(float[] a, int ai, int ars, int acs, float[] bp, int pb, int kc,
                              float[] c, int ci, int ldc, boolean load, int rem, float[] tile, int t) {
        if (load) for (int r = 0; r < MR; r++) System.arraycopy(c, ci + r * ldc, tile, t + r * L, rem);
        MicroKernels.k4x1(a, ai, ars, acs, bp, pb, kc, tile, t, L, load);
        for (int r = 0; r < MR; r++) System.arraycopy(tile, t + r * L, c, ci + r * ldc, rem);
    }

    /** The whole product serially: C[m, n] (+)= op(A) · packed op(B). */
    public static void multiply(int m, int n, int k, float[] a, int aOff, boolean transA,
                                float[] bp, int bpOff, float[] c, int cOff, boolean accumulate,
                                float[] tile, int tileOff) {
        int ars = transA ? 1 : k, acs = transA ? m : 1;
        region(n, k, a, aOff, ars, acs, bp, bpOff, c, cOff, n, accumulate, 0, m, 0, PackedPanels.panels(n), tile, tileOff);
    }
}
