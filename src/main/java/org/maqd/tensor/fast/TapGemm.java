package org.maqd.tensor.fast;

import static org.maqd.tensor.fast.MicroKernels.L;

/**
 * Serial GEMM with table-driven k-steps ({@link TapKernels}, {@link TapKernels6}): C[m, n] (row stride ldc) =
 * Σ_q A_q ⊗ B_q, where step q takes column q of A packed in blocks of 8 rows ({@link #multiply8}, 512-bit vectors)
 * or 6 rows ({@link #multiply6}) and row {@code bOff + bRel[q]} of a plain row-major B, read in place (B needs
 * {@link MicroKernels#L} floats of read slack past its last element). No k-blocking: the tables are short
 * (taps × channels). Every element is the FMA chain over q = 0…kq−1 from +0.
 */
public final class TapGemm {
    private TapGemm() {}

    /** Rows per block of {@link #packRows8}. */
    public static final int MR8 = TapKernels.MR8;
    /** Columns of the main block of {@link #multiply8}: three vectors. */
    public static final int NR3 = 3 * L;
    /** Whether {@link #multiply8} pays: 512-bit vectors (32 registers for its 24 accumulators). */
    public static final boolean EIGHT_ROWS = MicroKernels.SIX_ROWS;

    /** {@code x} rounded up to a multiple of {@code step}. */
    public static int roundUp(int x, int step) { return (x + step - 1) / step * step; }

    /**
     * C[i, j] = Σ_q A[i, q] · B[q, j] (overwrites) for all i < roundUp(m, 8) and j < roundUp(n, L), with A packed
     * by {@link #packRows8} and B read in place (step q: row {@code bOff + bRel[q]}).
     * Whole blocks only: C must have room for roundUp(m, 8) rows of ldc ≥ roundUp(n, L) floats (rows past m and
     * columns past n hold values the caller ignores; B needs read slack for them). 8 rows × 3 vectors
     * ({@link TapKernels#k8x3p}) sweep each 48-column slab of B; the last one or two vectors take k8x2p/k8x1p.
     * Every element is the FMA chain over q = 0…kq−1 from +0.
     */
    public static void multiply8(int m, int n, float[] a8, float[] b, int bOff, int[] bRel, int kq, float[] c, int cOff, int ldc) {
        int rows = roundUp(m, MR8), cols = roundUp(n, L);
        if (ldc < cols) throw new IllegalArgumentException("multiply8 needs ldc >= " + cols + ", has " + ldc);
        int j0 = 0;
        for (; j0 + NR3 <= cols; j0 += NR3) {
            for (int i = 0; i < rows; i += MR8) {
                int ci = cOff + i * ldc + j0;
                TapKernels.k8x3p(a8, i * kq, b, bOff + j0, bRel, kq, PackedGemm.ZEROS, 0, 0, c, ci, ldc);
            }
        }
        if (cols - j0 == 2 * L) {
            for (int i = 0; i < rows; i += MR8) {
                TapKernels.k8x2p(a8, i * kq, b, bOff + j0, bRel, kq, PackedGemm.ZEROS, 0, 0, c, cOff + i * ldc + j0, ldc);
            }
        } else if (cols - j0 == L) {
            for (int i = 0; i < rows; i += MR8) {
                TapKernels.k8x1p(a8, i * kq, b, bOff + j0, bRel, kq, PackedGemm.ZEROS, 0, 0, c, cOff + i * ldc + j0, ldc);
            }
        }
    }

    /** Rows per block of {@link #packRows6}. */
    public static final int MR6 = TapKernels6.MR6;
    /** Whether the convolutions run {@link #multiply6}: vectors narrower than 512 bits (16 registers). */
    public static final boolean SIX_ROWS = !EIGHT_ROWS;

    /**
     * {@link #multiply8} with 6-row blocks of 2 vectors ({@link TapKernels6#k6x2p}; a last block with only 1–2 real
     * rows runs {@link TapKernels6#k2x4p} on whole 4-vector groups), A packed by {@link #packRows6}: C[i, j] for all
     * i < roundUp(m, 6) and j < roundUp(n, 2L) (overwrites; C needs room for whole blocks of two vectors, B read slack
     * for them; rows past m are junk or unwritten). Each element is the FMA chain over q = 0…kq−1 from +0. No
     * 1-vector kernel: it would be small enough for C2 to inline into callers (see {@link TapKernels6}).
     */
    public static void multiply6(int m, int n, float[] a6, float[] b, int bOff, int[] bRel, int kq, float[] c, int cOff, int ldc) {
        int rows = roundUp(m, MR6), cols = roundUp(n, 2 * L);
        if (ldc < cols) throw new IllegalArgumentException("multiply6 needs ldc >= " + cols + ", has " + ldc);
        // m = 6·b + 1 or 2 (e.g. 32): the last block's real rows run 2 × 4 vectors (no zero rows computed)
        int last = rows - MR6, pairs = m - last <= 2 ? cols / (4 * L) : 0, full = pairs > 0 ? last : rows;
        for (int j = 0; j < pairs; j++) {
            int j0 = j * 4 * L;
            TapKernels6.k2x4p(a6, last * kq, b, bOff + j0, bRel, kq, c, cOff + last * ldc + j0, ldc);
        }
        for (int j0 = 0; j0 < cols; j0 += 2 * L) {
            int r = j0 < pairs * 4 * L ? full : rows;
            for (int i = 0; i < r; i += MR6) TapKernels6.k6x2p(a6, i * kq, b, bOff + j0, bRel, kq, c, cOff + i * ldc + j0, ldc);
        }
    }

    /** Floats of {@link #packRows6} output for m rows and kq steps. */
    public static int packedRows6Size(int m, int kq) { return roundUp(m, MR6) * kq; }

    /** {@link #packRows8} with 6-row blocks: dst[(i/6)·6·kq + 6·q + i%6] = a[aOff + i·ars + aRel[q]]. */
    public static void packRows6(int m, int kq, float[] a, int aOff, int ars, int[] aRel, float[] dst) {
        packBlocks(MR6, m, kq, a, aOff, ars, aRel, dst);
    }

    /** Floats of {@link #packRows8} output for m rows and kq steps. */
    public static int packedRows8Size(int m, int kq) { return roundUp(m, MR8) * kq; }

    /**
     * Packs op(A) for {@link #multiply8}: dst[(i/8)·8·kq + 8·q + i%8] = a[aOff + i·ars + aRel[q]] (rows past m in
     * the last block are zero).
     */
    public static void packRows8(int m, int kq, float[] a, int aOff, int ars, int[] aRel, float[] dst) {
        packBlocks(MR8, m, kq, a, aOff, ars, aRel, dst);
    }

    private static void packBlocks(int mr, int m, int kq, float[] a, int aOff, int ars, int[] aRel, float[] dst) {
        int rows = roundUp(m, mr);
        for (int i = 0; i < rows; i++) {
            int base = (i / mr) * mr * kq + i % mr;
            if (i >= m) {
                for (int q = 0; q < kq; q++) dst[base + mr * q] = 0f;
                continue;
            }
            int row = aOff + i * ars;
            for (int q = 0; q < kq; q++) dst[base + mr * q] = a[row + aRel[q]];
        }
    }


}
