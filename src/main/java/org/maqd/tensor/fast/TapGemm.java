package org.maqd.tensor.fast;

import static org.maqd.tensor.fast.MicroKernels.L;
import static org.maqd.tensor.fast.MicroKernels.MR;
import static org.maqd.tensor.fast.MicroKernels.NR;

/**
 * Serial GEMM with table-driven k-steps ({@link TapKernels}): C[m, n] (row stride ldc) (+)= Σ_q A_q ⊗ B_q, where
 * step q takes column {@code aOff + aRel[q]} of A (rows {@code ars} apart) and row {@code bOff + bRel[q]} of a
 * plain row-major B, read in place (B needs {@link MicroKernels#L} floats of read slack past its last element).
 * No k-blocking: the tables are short (taps × channels). The tile needs {@link PackedGemm#TILE} floats.
 */
public final class TapGemm {
    private TapGemm() {}

    public static void multiply(int m, int n, float[] a, int aOff, int ars, int[] aRel,
                                float[] b, int bOff, int[] bRel, int kq, float[] c, int cOff, int ldc,
                                boolean accumulate, float[] tile, int t0) {
        multiply(m, n, a, aOff, ars, MR * ars, aRel, b, bOff, bRel, kq, c, cOff, ldc, accumulate, tile, t0);
    }

    /**
     * As above with A in blocks of {@link MicroKernels#MR} rows: row i starts at
     * {@code aOff + (i / MR)·blockStride + (i % MR)·ars}. With ars = 1, blockStride = MR·kq and
     * {@code aRel[q] = MR·q} this reads A packed by {@link #packRows} (four contiguous floats per step).
     */
    public static void multiply(int m, int n, float[] a, int aOff, int ars, int blockStride, int[] aRel,
                                float[] b, int bOff, int[] bRel, int kq, float[] c, int cOff, int ldc,
                                boolean accumulate, float[] tile, int t0) {
        int panels = PackedPanels.panels(n);
        boolean packedA = packedSteps(ars, blockStride, aRel, kq);
        for (int q = 0; q < panels; q++) {
            int j0 = q * NR, w = Math.min(NR, n - j0), pb = bOff + j0;
            int i = 0;
            for (; i + MR <= m; i += MR) {
                int ai = aOff + (i / MR) * blockStride + (i % MR) * ars, ci = cOff + i * ldc + j0;
                if (w == NR) {
                    float[] s = accumulate ? c : PackedGemm.ZEROS;
                    int si = accumulate ? ci : 0, lds = accumulate ? ldc : NR;
                    if (packedA) TapKernels.k4x4p(a, ai, b, pb, bRel, kq, s, si, lds, c, ci, ldc);
                    else TapKernels.k4x4(a, ai, ars, aRel, b, pb, bRel, kq, s, si, lds, c, ci, ldc);
                    continue;
                }
                tail4(a, ai, ars, aRel, b, pb, bRel, kq, c, ci, ldc, accumulate, w, tile, t0);
            }
            for (; i < m; i++) {
                int ai = aOff + (i / MR) * blockStride + (i % MR) * ars, ci = cOff + i * ldc + j0;
                if (w == NR) {
                    TapKernels.k1x4(a, ai, aRel, b, pb, bRel, kq, accumulate ? c : PackedGemm.ZEROS, accumulate ? ci : 0, c, ci);
                    continue;
                }
                int v = 0;
                for (; (v + 1) * L <= w; v++) {
                    TapKernels.k1x1(a, ai, aRel, b, pb + v * L, bRel, kq,
                            accumulate ? c : PackedGemm.ZEROS, accumulate ? ci + v * L : 0, c, ci + v * L);
                }
                int rem = w - v * L;
                if (rem > 0) {
                    if (accumulate) System.arraycopy(c, ci + v * L, tile, t0, rem);
                    TapKernels.k1x1(a, ai, aRel, b, pb + v * L, bRel, kq, accumulate ? tile : PackedGemm.ZEROS, accumulate ? t0 : 0, tile, t0);
                    System.arraycopy(tile, t0, c, ci + v * L, rem);
                }
            }
        }
    }

    /** Columns [0, w) of a partial panel for 4 rows; same pairing as {@link PackedGemm}'s tail. */
    private static void tail4(float[] a, int ai, int ars, int[] aRel, float[] b, int pb, int[] bRel, int kq,
                              float[] c, int ci, int ldc, boolean load, int w, float[] tile, int t) {
        int full = w / L, rem = w - full * L, v = 0;
        for (; full - v >= 2; v += 2) {
            int cv = ci + v * L;
            TapKernels.k4x2(a, ai, ars, aRel, b, pb + v * L, bRel, kq, load ? c : PackedGemm.ZEROS, load ? cv : 0, load ? ldc : NR, c, cv, ldc);
        }
        int cv = ci + v * L, cols = w - v * L;
        if (full - v == 1 && rem == 0) {
            TapKernels.k4x1(a, ai, ars, aRel, b, pb + v * L, bRel, kq, load ? c : PackedGemm.ZEROS, load ? cv : 0, load ? ldc : NR, c, cv, ldc);
        } else if (cols > 0) {
            int width = full - v == 1 ? 2 * L : L;
            if (load) for (int r = 0; r < MR; r++) System.arraycopy(c, cv + r * ldc, tile, t + r * width, cols);
            float[] s = load ? tile : PackedGemm.ZEROS;
            int si = load ? t : 0, lds = load ? width : NR;
            if (width == 2 * L) {
                TapKernels.k4x2(a, ai, ars, aRel, b, pb + v * L, bRel, kq, s, si, lds, tile, t, width);
            } else {
                TapKernels.k4x1(a, ai, ars, aRel, b, pb + v * L, bRel, kq, s, si, lds, tile, t, width);
            }
            for (int r = 0; r < MR; r++) System.arraycopy(tile, t + r * width, c, cv + r * ldc, cols);
        }
    }


    /** True when A is packed by {@link #packRows}: unit row stride and steps MR·q (the main kernel's fast loop). */
    static boolean packedSteps(int ars, int blockStride, int[] aRel, int kq) {
        if (ars != 1 || blockStride != MR * kq) return false;
        for (int q = 0; q < kq; q++) if (aRel[q] != MR * q) return false;
        return true;
    }

    /** Floats of {@link #packRows} output for m rows and kq steps. */
    public static int packedRowsSize(int m, int kq) { return (m + MR - 1) / MR * MR * kq; }

    /**
     * Packs op(A) for {@link #multiply} with blockStride: dst[(i/MR)·MR·kq + MR·q + i%MR] = a[aOff + i·ars + aRel[q]]
     * (rows past m in the last block are zero).
     */
    public static void packRows(int m, int kq, float[] a, int aOff, int ars, int[] aRel, float[] dst) {
        int blocks = (m + MR - 1) / MR;
        for (int bl = 0; bl < blocks; bl++) {
            int base = bl * MR * kq;
            for (int r = 0; r < MR; r++) {
                int i = bl * MR + r;
                if (i >= m) {
                    for (int q = 0; q < kq; q++) dst[base + MR * q + r] = 0f;
                    continue;
                }
                int row = aOff + i * ars;
                for (int q = 0; q < kq; q++) dst[base + MR * q + r] = a[row + aRel[q]];
            }
        }
    }
}
