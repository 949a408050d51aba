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
        // B stored [n, k]: column jj of the panel is row (j0 + jj) of the stored matrix, so the panel's rows
        // [r0, r1) are that matrix's columns, transposed (16 × 16 register blocks where the vectors allow).
        TransposePack.transpose(b, bOff + j0 * k, k, dst, panel, NR, 0, w, r0, r1);
    }
}
