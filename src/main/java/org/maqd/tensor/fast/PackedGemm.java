package org.maqd.tensor.fast;

import static org.maqd.tensor.fast.MicroKernels.L;
import static org.maqd.tensor.fast.MicroKernels.MR;
import static org.maqd.tensor.fast.MicroKernels.MR6;
import static org.maqd.tensor.fast.MicroKernels.NR;

/**
 * Serial blocked GEMM driver: {@code C[i0:i1, panels q0:q1] (+)= op(A) · op(B)}.
 * <p>
 * B is addressed by panels of {@link MicroKernels#NR} columns: element (p, q·NR + jj) at
 * {@code bOff + q·bPanel + p·bRow + jj}. A packed B ({@link PackedPanels}) has bRow = NR, bPanel = NR·k; a plain
 * row-major B [k, ldb] has bRow = ldb, bPanel = NR (its buffer then needs {@link MicroKernels#L} floats of slack
 * after the last row, since edge vectors read whole vectors). A is read in place through strides.
 * <p>
 * Rows are taken {@link #MC} at a time; within them the k dimension is cut into near-equal blocks of at most
 * {@link #KC} (boundaries depend on k only), and for each block and panel the rows are swept in register
 * blocks of {@link MicroKernels#MR6} rows on full panels (with 512-bit vectors), then {@link MicroKernels#MR}
 * (2·MR for two-vector panels; 2·MR rows of one vector for panels one vector wide or less), then single rows. Every output element
 * therefore sees the same sequence of FMAs — initial value (C, or 0 for the first block without accumulate),
 * then p = 0, 1, ..., k−1 — whatever region, thread or kernel computes it.
 */
public final class PackedGemm {
    private PackedGemm() {}

    /**
     * Longest k-block: a block × NR slice of a panel (256 KiB at most) stays in L2 while the rows sweep over it.
     * Longer blocks reload C less often; 1024 measured faster than 256 or 400 on 2 threads for k = 784 (and than
     * 256 and 512 for k = 1024).
     */
    public static final int KC = 1024;
    /**
     * Longest k-block when A is read transposed (the weight gradient dyᵀ·x, k = batch): 128 measured 5–12%
     * faster than {@link #KC} for k = 256 on a 256×784 output (one thread, B read in place).
     */
    public static final int KC_TRANSPOSED_A = 128;
    /** Rows swept per k-block pass: an MC × KC slice of A stays in L2 while the panels go by. */
    public static final int MC = 128;
    /**
     * Rows swept per k-block pass with half-panel kernels: a multiple of their 6 rows (128 = 20·6 + 8 left 8
     * rows of each pass to the 4-row kernel, which spills on AVX2).
     */
    static final int MC_HALF = 132;
    /**
     * Whether a GEMM driver should cut rows at multiples of 6 ({@link #sixAlignedStart}): with half-panel
     * kernels, where the 4-row kernel that takes a tile's leftover rows spills.
     */
    public static boolean sixAlignedTiles() { return HalfPanelKernels.ENABLED; }

    /**
     * Start of row tile {@code t} of {@code tiles} near-equal tiles over {@code m} rows, at a multiple of 6
     * (the last tile ends at m and takes the rows beyond the last multiple of 6); depends on m and tiles only.
     */
    public static int sixAlignedStart(int t, int tiles, int m) {
        return t >= tiles ? m : 6 * (int) ((long) t * (m / 6) / tiles);
    }
    /** Scratch floats one caller needs for edge tiles. */
    public static final int TILE = MR * 2 * L;

    /**
     * @param ars,acs strides of A between rows and between k-steps: (k, 1) for A [m, k], (1, m) for Aᵀ stored [k, m]
     * @param bRow,bPanel strides of B between k-steps and between panels (see class comment)
     * @param tile scratch of {@link #TILE} floats at {@code tileOff}, private to this caller
     */
    public static void region(int n, int k, float[] a, int aOff, int ars, int acs,
                              float[] b, int bOff, int bRow, int bPanel, float[] c, int cOff, int ldc,
                              boolean accumulate, int i0, int i1, int q0, int q1, float[] tile, int tileOff) {
        region(n, k, a, aOff, ars, acs, b, bOff, bRow, bPanel, c, cOff, ldc, accumulate, i0, i1, q0, q1, tile, tileOff, KC);
    }

    /**
     * {@link #region} with k cut into blocks of at most {@code kcMax} (the value of every element is the same
     * for any block length: C carries the chain from one block to the next).
     */
    public static void region(int n, int k, float[] a, int aOff, int ars, int acs,
                              float[] b, int bOff, int bRow, int bPanel, float[] c, int cOff, int ldc,
                              boolean accumulate, int i0, int i1, int q0, int q1, float[] tile, int tileOff, int kcMax) {
        if (k == 0) {
            if (!accumulate) for (int i = i0; i < i1; i++) {
                java.util.Arrays.fill(c, cOff + i * ldc + q0 * NR, cOff + i * ldc + Math.min(n, q1 * NR), 0f);
            }
            return;
        }
        int kStep = kStep(k, kcMax);
        final int mc = HalfPanelKernels.ENABLED ? MC_HALF : MC;
        for (int ib = i0; ib < i1; ib += mc) {
            final int ie = Math.min(i1, ib + mc);
            for (int kb = 0; kb < k; kb += kStep) {
                int kc = Math.min(kStep, k - kb);
                boolean load = accumulate || kb > 0;
                for (int q = q0; q < q1; q++) {
                    int j0 = q * NR;
                    int w = Math.min(NR, n - j0);
                    int pb = bOff + q * bPanel + kb * bRow;
                    int i = ib;
                    if (w < NR && w >= 2 * L) {
                        // narrow panel: 8-row blocks keep 16 accumulators busy on the first two vectors
                        for (; i + 2 * MR <= ie; i += 2 * MR) {
                            int ai = aOff + i * ars + kb * acs;
                            int ci = cOff + i * ldc + j0;
                            MicroKernels.k8x2(a, ai, ars, acs, b, pb, bRow, kc,
                                    load ? c : ZEROS, load ? ci : 0, load ? ldc : NR, c, ci, ldc);
                            for (int h = 0; h < 2; h++) {
                                int ah = ai + h * MR * ars, ch = ci + h * MR * ldc;
                                tail4(a, ah, ars, acs, b, pb, bRow, kc, c, ch, ldc, load, 2, w, tile, tileOff);
                            }
                        }
                    }
                    if (w == NR) {
                        // 6-row blocks: 6 rows × 4 vectors with 512-bit vectors (SIX_ROWS), else, with few vector
                        // registers, 6 rows × 2 vectors on each half of the panel (HalfPanelKernels)
                        for (int e6 = i + sixRowBlocks(ie - i) * MR6; i < e6; i += MR6) {
                            int ai = aOff + i * ars + kb * acs;
                            int ci = cOff + i * ldc + j0;
                            float[] s = load ? c : ZEROS;
                            int si = load ? ci : 0, lds = load ? ldc : NR;
                            if (MicroKernels.SIX_ROWS) {
                                if (acs == 1) MicroKernels.k6x4u(a, ai, ars, b, pb, bRow, kc, s, si, lds, c, ci, ldc);
                                else MicroKernels.k6x4(a, ai, ars, acs, b, pb, bRow, kc, s, si, lds, c, ci, ldc);
                                continue;
                            }
                            for (int h = 0; h < NR; h += 2 * L) {
                                if (acs == 1) HalfPanelKernels.k6x2u(a, ai, ars, b, pb + h, bRow, kc, s, si + h, lds, c, ci + h, ldc);
                                else HalfPanelKernels.k6x2(a, ai, ars, acs, b, pb + h, bRow, kc, s, si + h, lds, c, ci + h, ldc);
                            }
                        }
                    }
                    if (w <= L) {
                        // one vector or less: 8-row blocks (eight FMA chains), partial vectors through the tile
                        for (; i + 2 * MR <= ie; i += 2 * MR) {
                            int ai = aOff + i * ars + kb * acs;
                            int ci = cOff + i * ldc + j0;
                            if (w == L) {
                                MicroKernels.k8x1(a, ai, ars, acs, b, pb, bRow, kc, load ? c : ZEROS, load ? ci : 0, load ? ldc : NR, c, ci, ldc);
                                continue;
                            }
                            if (load) for (int r = 0; r < 2 * MR; r++) System.arraycopy(c, ci + r * ldc, tile, tileOff + r * L, w);
                            MicroKernels.k8x1(a, ai, ars, acs, b, pb, bRow, kc, load ? tile : ZEROS, load ? tileOff : 0, load ? L : NR, tile, tileOff, L);
                            for (int r = 0; r < 2 * MR; r++) System.arraycopy(tile, tileOff + r * L, c, ci + r * ldc, w);
                        }
                    }
                    for (; i + MR <= ie; i += MR) {
                        int ai = aOff + i * ars + kb * acs;
                        int ci = cOff + i * ldc + j0;
                        if (w == NR) {
                            float[] s = load ? c : ZEROS;
                            int si = load ? ci : 0, lds = load ? ldc : NR;
                            if (acs == 1) MicroKernels.k4x4u(a, ai, ars, b, pb, bRow, kc, s, si, lds, c, ci, ldc);
                            else MicroKernels.k4x4(a, ai, ars, acs, b, pb, bRow, kc, s, si, lds, c, ci, ldc);
                            continue;
                        }
                        tail4(a, ai, ars, acs, b, pb, bRow, kc, c, ci, ldc, load, 0, w, tile, tileOff);
                    }
                    for (; i < ie; i++) {
                        int ai = aOff + i * ars + kb * acs;
                        int ci = cOff + i * ldc + j0;
                        if (w == NR) {
                            MicroKernels.k1x4(a, ai, acs, b, pb, bRow, kc, load ? c : ZEROS, load ? ci : 0, c, ci);
                            continue;
                        }
                        int v = 0;
                        for (; (v + 1) * L <= w; v++) {
                            MicroKernels.k1x1(a, ai, acs, b, pb + v * L, bRow, kc, load ? c : ZEROS, load ? ci + v * L : 0, c, ci + v * L);
                        }
                        int rem = w - v * L;
                        if (rem > 0) {
                            if (load) System.arraycopy(c, ci + v * L, tile, tileOff, rem);
                            MicroKernels.k1x1(a, ai, acs, b, pb + v * L, bRow, kc, load ? tile : ZEROS, load ? tileOff : 0, tile, tileOff);
                            System.arraycopy(tile, tileOff, c, ci + v * L, rem);
                        }
                    }
                }
            }
        }
    }

    /**
     * How many 6-row blocks to sweep over {@code rows} rows of a full panel: as many as fit, less one when
     * that leaves 8 or 9 rows for 4-row blocks instead of 2 or 3 single rows.
     */
    static int sixRowBlocks(int rows) {
        int six = rows / MR6, rem = rows - six * MR6;
        return (rem == 2 || rem == 3) && six > 0 ? six - 1 : six;
    }

    /** k-block length for a given k: at most {@link #KC}, blocks of near-equal size (no short tail block). */
    static int kStep(int k) { return kStep(k, KC); }

    /** k-block length for a given k and longest block. */
    static int kStep(int k, int kcMax) {
        int blocks = (k + kcMax - 1) / kcMax;
        return (k + blocks - 1) / blocks;
    }

    /**
     * Columns [v·L, w) of a partial panel for 4 rows. Vectors go in pairs through the 2-vector kernel (8
     * accumulators keep the FMA pipes full; 1-vector calls wait on FMA latency); a last full vector pairs with
     * the partial one inside the tile; a partial vector alone goes through the tile with the 1-vector kernel.
     */
    private static void tail4(float[] a, int ai, int ars, int acs, float[] b, int pb, int bRow, int kc,
                              float[] c, int ci, int ldc, boolean load, int v, int w, float[] tile, int t) {
        int full = w / L, rem = w - full * L;
        for (; full - v >= 2; v += 2) {
            int cv = ci + v * L;
            MicroKernels.k4x2(a, ai, ars, acs, b, pb + v * L, bRow, kc, load ? c : ZEROS, load ? cv : 0, load ? ldc : NR, c, cv, ldc);
        }
        int cv = ci + v * L, cols = w - v * L;
        if (full - v == 1 && rem == 0) {
            MicroKernels.k4x1(a, ai, ars, acs, b, pb + v * L, bRow, kc, load ? c : ZEROS, load ? cv : 0, load ? ldc : NR, c, cv, ldc);
        } else if (cols > 0) {
            int width = full - v == 1 ? 2 * L : L;
            if (load) for (int r = 0; r < MR; r++) System.arraycopy(c, cv + r * ldc, tile, t + r * width, cols);
            float[] s = load ? tile : ZEROS;
            int si = load ? t : 0, lds = load ? width : NR;
            if (width == 2 * L) {
                MicroKernels.k4x2(a, ai, ars, acs, b, pb + v * L, bRow, kc, s, si, lds, tile, t, width);
            } else {
                MicroKernels.k4x1(a, ai, ars, acs, b, pb + v * L, bRow, kc, s, si, lds, tile, t, width);
            }
            for (int r = 0; r < MR; r++) System.arraycopy(tile, t + r * width, c, cv + r * ldc, cols);
        }
    }


    /**
     * Read-only zeros, the starting tile of a first k-block (up to 2·MR rows of NR floats, row stride NR). The
     * kernels always start from a source tile, C itself or this: a zero-or-load branch inside them cost the JDK
     * 17 compiler about 6% of the kernel's speed, and zeroing C first cost a store and a reload per element,
     * which showed in GEMMs with short k (the weight gradient at batch 64).
     */
    static final float[] ZEROS = new float[2 * MR * NR];

    /** The whole product serially: C[m, n] (+)= op(A) · packed op(B). */
    public static void multiply(int m, int n, int k, float[] a, int aOff, boolean transA,
                                float[] bp, int bpOff, float[] c, int cOff, boolean accumulate,
                                float[] tile, int tileOff) {
        int ars = transA ? 1 : k, acs = transA ? m : 1;
        region(n, k, a, aOff, ars, acs, bp, bpOff, NR, NR * k, c, cOff, n, accumulate,
                0, m, 0, PackedPanels.panels(n), tile, tileOff);
    }
}
