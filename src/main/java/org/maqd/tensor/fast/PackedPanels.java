package org.maqd.tensor.fast;

/**
 * The packed layout of the right-hand GEMM operand op(B) [k, n]: columns are cut into panels of
 * {@link MicroKernels#NR} columns; panel q holds {@code k} rows of NR floats, contiguous:
 * <pre>  packed[base + q·NR·k + p·NR + jj] = op(B)[p, q·NR + jj]</pre>
 * Lanes past {@code n} in the last panel are never read into a result (edge tiles copy back only valid lanes),
 * so they need no zeroing. Producers other than {@link #pack} (im2col) write this same layout.
 */
public final class PackedPanels {
    private PackedPanels() {}

    public static final int NR = MicroKernels.NR;
    /** k-rows per block of a transposing pack (block × NR floats fit in L1). */
    static final int TRANSPOSE_BLOCK = 64;

    /** Number of panels for n columns. */
    public static int panels(int n) { return (n + NR - 1) / NR; }

    /** Floats needed to pack a [k, n] operand. */
    public static int size(int n, int k) { return panels(n) * NR * k; }

    /** Index of element (p, j) of op(B) in a packed buffer starting at {@code base}. */
    public static int index(int base, int k, int p, int j) {
        return base + (j / NR) * NR * k + p * NR + (j % NR);
    }

    /**
     * Packs panels {@code [q0, q1)} of op(B) [k, n]; B is stored [k, n], or [n, k] when {@code transB}.
     */
    public static void pack(boolean transB, int n, int k, float[] b, int bOff, float[] dst, int dstOff,
                            int q0, int q1) {
        for (int q = q0; q < q1; q++) packRows(transB, n, k, b, bOff, dst, dstOff, q, 0, k);
    }

    /** Rows {@code [r0, r1)} of panel {@code q} (so one panel's packing can be split between threads). */
    public static void packRows(boolean transB, int n, int k, float[] b, int bOff, float[] dst, int dstOff,
                                int q, int r0, int r1) {
        int j0 = q * NR, w = Math.min(NR, n - j0);
        int panel = dstOff + q * NR * k;
        if (!transB) {
            // B [k, n]: each row p contributes one contiguous run of w floats.
            for (int p = r0; p < r1; p++) System.arraycopy(b, bOff + p * n + j0, dst, panel + p * NR, w);
            return;
        }
        // B stored [n, k]: column jj of the panel is row (j0 + jj) of the stored matrix. With 16-lane vectors,
        // whole 16 × 16 blocks are transposed in registers; the rest (or everything) by the scalar loops below.
        int jv = 0;
        if (TransposePack.ENABLED) {
            int pv = r0 + (r1 - r0) / TransposePack.B * TransposePack.B;
            for (; jv + TransposePack.B <= w; jv += TransposePack.B) {
                int src = bOff + (j0 + jv) * k;
                for (int p = r0; p < pv; p += TransposePack.B) TransposePack.block(b, src + p, k, dst, panel + p * NR + jv);
                for (int jj = jv; jj < jv + TransposePack.B; jj++) {
                    for (int p = pv, s0 = bOff + (j0 + jj) * k; p < r1; p++) dst[panel + p * NR + jj] = b[s0 + p];
                }
            }
        }
        transposeRows(n, k, b, bOff, dst, panel, j0, jv, w, r0, r1);
    }

    /** Scalar transposing pack of columns [jFrom, w) and rows [r0, r1) of the panel at {@code panel}. */
    static void transposeRows(int n, int k, float[] b, int bOff, float[] dst, int panel, int j0, int jFrom, int w,
                              int r0, int r1) {
        // Blocked over p so the NR-strided writes of one block stay in L1.
        for (int p0 = r0; p0 < r1; p0 += TRANSPOSE_BLOCK) {
            int p1 = Math.min(r1, p0 + TRANSPOSE_BLOCK);
            int jj = jFrom;
            for (; jj + 4 <= w; jj += 4) {   // four source rows at a time: adjacent writes
                int s0 = bOff + (j0 + jj) * k, s1 = s0 + k, s2 = s1 + k, s3 = s2 + k;
                int d = panel + p0 * NR + jj;
                for (int p = p0; p < p1; p++, d += NR) {
                    dst[d] = b[s0 + p];
                    dst[d + 1] = b[s1 + p];
                    dst[d + 2] = b[s2 + p];
                    dst[d + 3] = b[s3 + p];
                }
            }
            for (; jj < w; jj++) {
                int src = bOff + (j0 + jj) * k;
                int d = panel + p0 * NR + jj;
                for (int p = p0; p < p1; p++, d += NR) dst[d] = b[src + p];
            }
        }
    }
}
