package org.maqd.tensor.fast;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked FMA micro-kernels over a packed B panel (see {@link PackedPanels}).
 * <p>
 * Each kernel computes a small tile {@code C[r, v] = S[r, v] + Σ_p A[r, p] · Bp[p, v]} with one FMA per element
 * and step p, in increasing p, where the starting tile S is read at {@code (s, si, lds)}: C itself to accumulate,
 * or {@link PackedGemm#ZEROS} for a first k-block (no branch inside the kernel, no zeroing pass over C). A is
 * read in place through strides ({@code ars} between rows, {@code acs} between k-steps), so A, and Aᵀ with
 * swapped strides, need no packing. B is read from a packed panel whose rows are {@code ldb} floats apart
 * ({@link PackedPanels#NR} in a packed panel, the row length for a row-major B). Every kernel computes each
 * output lane with the same operation order, so which kernel handles an element (interior, edge, tile) never
 * changes its value.
 */
public final class MicroKernels {
    private MicroKernels() {}

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Lanes per vector. */
    public static final int L = S.length();
    /** Rows of the basic register block (edge tiles, tap kernels, packed A); full panels also use {@link #MR6}. */
    public static final int MR = 4;
    /** Rows of the main register block on full panels. */
    public static final int MR6 = 6;
    /**
     * Whether full panels use the 6-row kernels: with 512-bit vectors (32 vector registers on x86) their 24
     * accumulators fit; with 256-bit AVX2 (16 registers) they spill and measured slower than the 4-row kernels.
     */
    static final boolean SIX_ROWS = S.vectorBitSize() >= 512;
    /** Columns of the main register block (and the packed panel width): four vectors. */
    public static final int NR = 4 * L;

    /** 4 rows × 4 vectors: C[4, NR] at {@code ci} (row stride ldc) (+)= A[4, kc] · Bp[kc, NR]. */
    static void k4x4(float[] a, int ai, int ars, int acs, float[] b, int bi, int ldb, int kc,
                     float[] s, int si, int lds, float[] c, int ci, int ldc) {
        final int c1 = ci + ldc, c2 = c1 + ldc, c3 = c2 + ldc, s1 = si + lds, s2 = s1 + lds, s3 = s2 + lds;
        FloatVector x00, x01, x02, x03, x10, x11, x12, x13, x20, x21, x22, x23, x30, x31, x32, x33;
        x00 = FloatVector.fromArray(S, s, si); x01 = FloatVector.fromArray(S, s, si + L);
        x02 = FloatVector.fromArray(S, s, si + 2 * L); x03 = FloatVector.fromArray(S, s, si + 3 * L);
        x10 = FloatVector.fromArray(S, s, s1); x11 = FloatVector.fromArray(S, s, s1 + L);
        x12 = FloatVector.fromArray(S, s, s1 + 2 * L); x13 = FloatVector.fromArray(S, s, s1 + 3 * L);
        x20 = FloatVector.fromArray(S, s, s2); x21 = FloatVector.fromArray(S, s, s2 + L);
        x22 = FloatVector.fromArray(S, s, s2 + 2 * L); x23 = FloatVector.fromArray(S, s, s2 + 3 * L);
        x30 = FloatVector.fromArray(S, s, s3); x31 = FloatVector.fromArray(S, s, s3 + L);
        x32 = FloatVector.fromArray(S, s, s3 + 2 * L); x33 = FloatVector.fromArray(S, s, s3 + 3 * L);
        final int r1 = ars, r2 = 2 * ars, r3 = 3 * ars;
        for (int p = 0; p < kc; p++) {
            final int ap = ai + p * acs, bp = bi + p * ldb;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bp + 3 * L);
            FloatVector a0 = FloatVector.broadcast(S, a[ap]);
            x00 = a0.fma(b0, x00); x01 = a0.fma(b1, x01); x02 = a0.fma(b2, x02); x03 = a0.fma(b3, x03);
            FloatVector a1 = FloatVector.broadcast(S, a[ap + r1]);
            x10 = a1.fma(b0, x10); x11 = a1.fma(b1, x11); x12 = a1.fma(b2, x12); x13 = a1.fma(b3, x13);
            FloatVector a2 = FloatVector.broadcast(S, a[ap + r2]);
            x20 = a2.fma(b0, x20); x21 = a2.fma(b1, x21); x22 = a2.fma(b2, x22); x23 = a2.fma(b3, x23);
            FloatVector a3 = FloatVector.broadcast(S, a[ap + r3]);
            x30 = a3.fma(b0, x30); x31 = a3.fma(b1, x31); x32 = a3.fma(b2, x32); x33 = a3.fma(b3, x33);
        }
        x00.intoArray(c, ci); x01.intoArray(c, ci + L); x02.intoArray(c, ci + 2 * L); x03.intoArray(c, ci + 3 * L);
        x10.intoArray(c, c1); x11.intoArray(c, c1 + L); x12.intoArray(c, c1 + 2 * L); x13.intoArray(c, c1 + 3 * L);
        x20.intoArray(c, c2); x21.intoArray(c, c2 + L); x22.intoArray(c, c2 + 2 * L); x23.intoArray(c, c2 + 3 * L);
        x30.intoArray(c, c3); x31.intoArray(c, c3 + L); x32.intoArray(c, c3 + 2 * L); x33.intoArray(c, c3 + 3 * L);
    }

    /**
     * {@link #k4x4} for row-major A (k-stride 1): a unit stride the compiler can see is about 8% faster. A
     * separate method, not a branch: one hot loop per method keeps C2 on its fast path.
     */
    static void k4x4u(float[] a, int ai, int ars, float[] b, int bi, int ldb, int kc,
                      float[] s, int si, int lds, float[] c, int ci, int ldc) {
        final int c1 = ci + ldc, c2 = c1 + ldc, c3 = c2 + ldc, s1 = si + lds, s2 = s1 + lds, s3 = s2 + lds;
        FloatVector x00, x01, x02, x03, x10, x11, x12, x13, x20, x21, x22, x23, x30, x31, x32, x33;
        x00 = FloatVector.fromArray(S, s, si); x01 = FloatVector.fromArray(S, s, si + L);
        x02 = FloatVector.fromArray(S, s, si + 2 * L); x03 = FloatVector.fromArray(S, s, si + 3 * L);
        x10 = FloatVector.fromArray(S, s, s1); x11 = FloatVector.fromArray(S, s, s1 + L);
        x12 = FloatVector.fromArray(S, s, s1 + 2 * L); x13 = FloatVector.fromArray(S, s, s1 + 3 * L);
        x20 = FloatVector.fromArray(S, s, s2); x21 = FloatVector.fromArray(S, s, s2 + L);
        x22 = FloatVector.fromArray(S, s, s2 + 2 * L); x23 = FloatVector.fromArray(S, s, s2 + 3 * L);
        x30 = FloatVector.fromArray(S, s, s3); x31 = FloatVector.fromArray(S, s, s3 + L);
        x32 = FloatVector.fromArray(S, s, s3 + 2 * L); x33 = FloatVector.fromArray(S, s, s3 + 3 * L);
        final int r1 = ars, r2 = 2 * ars, r3 = 3 * ars;
        for (int p = 0; p < kc; p++) {
            final int ap = ai + p, bp = bi + p * ldb;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bp + 3 * L);
            FloatVector a0 = FloatVector.broadcast(S, a[ap]);
            x00 = a0.fma(b0, x00); x01 = a0.fma(b1, x01); x02 = a0.fma(b2, x02); x03 = a0.fma(b3, x03);
            FloatVector a1 = FloatVector.broadcast(S, a[ap + r1]);
            x10 = a1.fma(b0, x10); x11 = a1.fma(b1, x11); x12 = a1.fma(b2, x12); x13 = a1.fma(b3, x13);
            FloatVector a2 = FloatVector.broadcast(S, a[ap + r2]);
            x20 = a2.fma(b0, x20); x21 = a2.fma(b1, x21); x22 = a2.fma(b2, x22); x23 = a2.fma(b3, x23);
            FloatVector a3 = FloatVector.broadcast(S, a[ap + r3]);
            x30 = a3.fma(b0, x30); x31 = a3.fma(b1, x31); x32 = a3.fma(b2, x32); x33 = a3.fma(b3, x33);
        }
        x00.intoArray(c, ci); x01.intoArray(c, ci + L); x02.intoArray(c, ci + 2 * L); x03.intoArray(c, ci + 3 * L);
        x10.intoArray(c, c1); x11.intoArray(c, c1 + L); x12.intoArray(c, c1 + 2 * L); x13.intoArray(c, c1 + 3 * L);
        x20.intoArray(c, c2); x21.intoArray(c, c2 + L); x22.intoArray(c, c2 + 2 * L); x23.intoArray(c, c2 + 3 * L);
        x30.intoArray(c, c3); x31.intoArray(c, c3 + L); x32.intoArray(c, c3 + 2 * L); x33.intoArray(c, c3 + 3 * L);
    }

    /**
     * 6 rows × 4 vectors, the main block with 512-bit vectors ({@link #SIX_ROWS}): 24 accumulators (of 32
     * vector registers) share each B load over six rows instead of four, which measured 5–10% faster than
     * {@link #k4x4} on full panels.
     */
    static void k6x4(float[] a, int ai, int ars, int acs, float[] b, int bi, int ldb, int kc,
                      float[] s, int si, int lds, float[] c, int ci, int ldc) {
        final int c0 = ci, s0 = si, a0 = ai, c1 = ci + ldc, s1 = si + lds, a1 = ai + ars;
        final int c2 = ci + 2 * ldc, s2 = si + 2 * lds, a2 = ai + 2 * ars, c3 = ci + 3 * ldc, s3 = si + 3 * lds, a3 = ai + 3 * ars;
        final int c4 = ci + 4 * ldc, s4 = si + 4 * lds, a4 = ai + 4 * ars, c5 = ci + 5 * ldc, s5 = si + 5 * lds, a5 = ai + 5 * ars;
        FloatVector x00, x01, x02, x03, x10, x11, x12, x13, x20, x21, x22, x23, x30, x31, x32, x33, x40, x41, x42, x43, x50, x51, x52, x53;
        x00 = FloatVector.fromArray(S, s, s0); x01 = FloatVector.fromArray(S, s, s0 + L); x02 = FloatVector.fromArray(S, s, s0 + 2 * L); x03 = FloatVector.fromArray(S, s, s0 + 3 * L);
        x10 = FloatVector.fromArray(S, s, s1); x11 = FloatVector.fromArray(S, s, s1 + L); x12 = FloatVector.fromArray(S, s, s1 + 2 * L); x13 = FloatVector.fromArray(S, s, s1 + 3 * L);
        x20 = FloatVector.fromArray(S, s, s2); x21 = FloatVector.fromArray(S, s, s2 + L); x22 = FloatVector.fromArray(S, s, s2 + 2 * L); x23 = FloatVector.fromArray(S, s, s2 + 3 * L);
        x30 = FloatVector.fromArray(S, s, s3); x31 = FloatVector.fromArray(S, s, s3 + L); x32 = FloatVector.fromArray(S, s, s3 + 2 * L); x33 = FloatVector.fromArray(S, s, s3 + 3 * L);
        x40 = FloatVector.fromArray(S, s, s4); x41 = FloatVector.fromArray(S, s, s4 + L); x42 = FloatVector.fromArray(S, s, s4 + 2 * L); x43 = FloatVector.fromArray(S, s, s4 + 3 * L);
        x50 = FloatVector.fromArray(S, s, s5); x51 = FloatVector.fromArray(S, s, s5 + L); x52 = FloatVector.fromArray(S, s, s5 + 2 * L); x53 = FloatVector.fromArray(S, s, s5 + 3 * L);
        for (int p = 0; p < kc; p++) {
            final int bp = bi + p * ldb, ap = p * acs;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bp + 3 * L);
            FloatVector y0 = FloatVector.broadcast(S, a[a0 + ap]);
            x00 = y0.fma(b0, x00); x01 = y0.fma(b1, x01); x02 = y0.fma(b2, x02); x03 = y0.fma(b3, x03);
            FloatVector y1 = FloatVector.broadcast(S, a[a1 + ap]);
            x10 = y1.fma(b0, x10); x11 = y1.fma(b1, x11); x12 = y1.fma(b2, x12); x13 = y1.fma(b3, x13);
            FloatVector y2 = FloatVector.broadcast(S, a[a2 + ap]);
            x20 = y2.fma(b0, x20); x21 = y2.fma(b1, x21); x22 = y2.fma(b2, x22); x23 = y2.fma(b3, x23);
            FloatVector y3 = FloatVector.broadcast(S, a[a3 + ap]);
            x30 = y3.fma(b0, x30); x31 = y3.fma(b1, x31); x32 = y3.fma(b2, x32); x33 = y3.fma(b3, x33);
            FloatVector y4 = FloatVector.broadcast(S, a[a4 + ap]);
            x40 = y4.fma(b0, x40); x41 = y4.fma(b1, x41); x42 = y4.fma(b2, x42); x43 = y4.fma(b3, x43);
            FloatVector y5 = FloatVector.broadcast(S, a[a5 + ap]);
            x50 = y5.fma(b0, x50); x51 = y5.fma(b1, x51); x52 = y5.fma(b2, x52); x53 = y5.fma(b3, x53);
        }
        x00.intoArray(c, c0); x01.intoArray(c, c0 + L); x02.intoArray(c, c0 + 2 * L); x03.intoArray(c, c0 + 3 * L);
        x10.intoArray(c, c1); x11.intoArray(c, c1 + L); x12.intoArray(c, c1 + 2 * L); x13.intoArray(c, c1 + 3 * L);
        x20.intoArray(c, c2); x21.intoArray(c, c2 + L); x22.intoArray(c, c2 + 2 * L); x23.intoArray(c, c2 + 3 * L);
        x30.intoArray(c, c3); x31.intoArray(c, c3 + L); x32.intoArray(c, c3 + 2 * L); x33.intoArray(c, c3 + 3 * L);
        x40.intoArray(c, c4); x41.intoArray(c, c4 + L); x42.intoArray(c, c4 + 2 * L); x43.intoArray(c, c4 + 3 * L);
        x50.intoArray(c, c5); x51.intoArray(c, c5 + L); x52.intoArray(c, c5 + 2 * L); x53.intoArray(c, c5 + 3 * L);
    }

    /** {@link #k6x4} for row-major A (k-stride 1), as {@link #k4x4u} is to {@link #k4x4}. */
    static void k6x4u(float[] a, int ai, int ars, float[] b, int bi, int ldb, int kc,
                      float[] s, int si, int lds, float[] c, int ci, int ldc) {
        final int c0 = ci, s0 = si, a0 = ai, c1 = ci + ldc, s1 = si + lds, a1 = ai + ars;
        final int c2 = ci + 2 * ldc, s2 = si + 2 * lds, a2 = ai + 2 * ars, c3 = ci + 3 * ldc, s3 = si + 3 * lds, a3 = ai + 3 * ars;
        final int c4 = ci + 4 * ldc, s4 = si + 4 * lds, a4 = ai + 4 * ars, c5 = ci + 5 * ldc, s5 = si + 5 * lds, a5 = ai + 5 * ars;
        FloatVector x00, x01, x02, x03, x10, x11, x12, x13, x20, x21, x22, x23, x30, x31, x32, x33, x40, x41, x42, x43, x50, x51, x52, x53;
        x00 = FloatVector.fromArray(S, s, s0); x01 = FloatVector.fromArray(S, s, s0 + L); x02 = FloatVector.fromArray(S, s, s0 + 2 * L); x03 = FloatVector.fromArray(S, s, s0 + 3 * L);
        x10 = FloatVector.fromArray(S, s, s1); x11 = FloatVector.fromArray(S, s, s1 + L); x12 = FloatVector.fromArray(S, s, s1 + 2 * L); x13 = FloatVector.fromArray(S, s, s1 + 3 * L);
        x20 = FloatVector.fromArray(S, s, s2); x21 = FloatVector.fromArray(S, s, s2 + L); x22 = FloatVector.fromArray(S, s, s2 + 2 * L); x23 = FloatVector.fromArray(S, s, s2 + 3 * L);
        x30 = FloatVector.fromArray(S, s, s3); x31 = FloatVector.fromArray(S, s, s3 + L); x32 = FloatVector.fromArray(S, s, s3 + 2 * L); x33 = FloatVector.fromArray(S, s, s3 + 3 * L);
        x40 = FloatVector.fromArray(S, s, s4); x41 = FloatVector.fromArray(S, s, s4 + L); x42 = FloatVector.fromArray(S, s, s4 + 2 * L); x43 = FloatVector.fromArray(S, s, s4 + 3 * L);
        x50 = FloatVector.fromArray(S, s, s5); x51 = FloatVector.fromArray(S, s, s5 + L); x52 = FloatVector.fromArray(S, s, s5 + 2 * L); x53 = FloatVector.fromArray(S, s, s5 + 3 * L);
        for (int p = 0; p < kc; p++) {
            final int bp = bi + p * ldb;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bp + 3 * L);
            FloatVector y0 = FloatVector.broadcast(S, a[a0 + p]);
            x00 = y0.fma(b0, x00); x01 = y0.fma(b1, x01); x02 = y0.fma(b2, x02); x03 = y0.fma(b3, x03);
            FloatVector y1 = FloatVector.broadcast(S, a[a1 + p]);
            x10 = y1.fma(b0, x10); x11 = y1.fma(b1, x11); x12 = y1.fma(b2, x12); x13 = y1.fma(b3, x13);
            FloatVector y2 = FloatVector.broadcast(S, a[a2 + p]);
            x20 = y2.fma(b0, x20); x21 = y2.fma(b1, x21); x22 = y2.fma(b2, x22); x23 = y2.fma(b3, x23);
            FloatVector y3 = FloatVector.broadcast(S, a[a3 + p]);
            x30 = y3.fma(b0, x30); x31 = y3.fma(b1, x31); x32 = y3.fma(b2, x32); x33 = y3.fma(b3, x33);
            FloatVector y4 = FloatVector.broadcast(S, a[a4 + p]);
            x40 = y4.fma(b0, x40); x41 = y4.fma(b1, x41); x42 = y4.fma(b2, x42); x43 = y4.fma(b3, x43);
            FloatVector y5 = FloatVector.broadcast(S, a[a5 + p]);
            x50 = y5.fma(b0, x50); x51 = y5.fma(b1, x51); x52 = y5.fma(b2, x52); x53 = y5.fma(b3, x53);
        }
        x00.intoArray(c, c0); x01.intoArray(c, c0 + L); x02.intoArray(c, c0 + 2 * L); x03.intoArray(c, c0 + 3 * L);
        x10.intoArray(c, c1); x11.intoArray(c, c1 + L); x12.intoArray(c, c1 + 2 * L); x13.intoArray(c, c1 + 3 * L);
        x20.intoArray(c, c2); x21.intoArray(c, c2 + L); x22.intoArray(c, c2 + 2 * L); x23.intoArray(c, c2 + 3 * L);
        x30.intoArray(c, c3); x31.intoArray(c, c3 + L); x32.intoArray(c, c3 + 2 * L); x33.intoArray(c, c3 + 3 * L);
        x40.intoArray(c, c4); x41.intoArray(c, c4 + L); x42.intoArray(c, c4 + 2 * L); x43.intoArray(c, c4 + 3 * L);
        x50.intoArray(c, c5); x51.intoArray(c, c5 + L); x52.intoArray(c, c5 + 2 * L); x53.intoArray(c, c5 + 3 * L);
    }

    /**
     * 8 rows × 1 vector: panels one vector wide or narrower (a 10-class output layer, the last 16 columns of
     * 784). Eight accumulators keep both FMA pipes busy, where {@link #k4x1}'s four wait on the FMA latency.
     */
    static void k8x1(float[] a, int ai, int ars, int acs, float[] b, int bi, int ldb, int kc,
                     float[] s, int si, int lds, float[] c, int ci, int ldc) {
        FloatVector x0, x1, x2, x3, x4, x5, x6, x7;
        x0 = FloatVector.fromArray(S, s, si); x1 = FloatVector.fromArray(S, s, si + lds);
        x2 = FloatVector.fromArray(S, s, si + 2 * lds); x3 = FloatVector.fromArray(S, s, si + 3 * lds);
        x4 = FloatVector.fromArray(S, s, si + 4 * lds); x5 = FloatVector.fromArray(S, s, si + 5 * lds);
        x6 = FloatVector.fromArray(S, s, si + 6 * lds); x7 = FloatVector.fromArray(S, s, si + 7 * lds);
        for (int p = 0; p < kc; p++) {
            final int ap = ai + p * acs;
            FloatVector b0 = FloatVector.fromArray(S, b, bi + p * ldb);
            x0 = FloatVector.broadcast(S, a[ap]).fma(b0, x0);
            x1 = FloatVector.broadcast(S, a[ap + ars]).fma(b0, x1);
            x2 = FloatVector.broadcast(S, a[ap + 2 * ars]).fma(b0, x2);
            x3 = FloatVector.broadcast(S, a[ap + 3 * ars]).fma(b0, x3);
            x4 = FloatVector.broadcast(S, a[ap + 4 * ars]).fma(b0, x4);
            x5 = FloatVector.broadcast(S, a[ap + 5 * ars]).fma(b0, x5);
            x6 = FloatVector.broadcast(S, a[ap + 6 * ars]).fma(b0, x6);
            x7 = FloatVector.broadcast(S, a[ap + 7 * ars]).fma(b0, x7);
        }
        x0.intoArray(c, ci); x1.intoArray(c, ci + ldc); x2.intoArray(c, ci + 2 * ldc); x3.intoArray(c, ci + 3 * ldc);
        x4.intoArray(c, ci + 4 * ldc); x5.intoArray(c, ci + 5 * ldc); x6.intoArray(c, ci + 6 * ldc); x7.intoArray(c, ci + 7 * ldc);
    }

    /** 4 rows × 1 vector (column edges of a panel). */
    static void k4x1(float[] a, int ai, int ars, int acs, float[] b, int bi, int ldb, int kc,
                     float[] s, int si, int lds, float[] c, int ci, int ldc) {
        final int c1 = ci + ldc, c2 = c1 + ldc, c3 = c2 + ldc, s1 = si + lds, s2 = s1 + lds, s3 = s2 + lds;
        FloatVector x0, x1, x2, x3;
        x0 = FloatVector.fromArray(S, s, si); x1 = FloatVector.fromArray(S, s, s1);
        x2 = FloatVector.fromArray(S, s, s2); x3 = FloatVector.fromArray(S, s, s3);
        final int r1 = ars, r2 = 2 * ars, r3 = 3 * ars;
        for (int p = 0; p < kc; p++) {
            final int ap = ai + p * acs, bp = bi + p * ldb;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            x0 = FloatVector.broadcast(S, a[ap]).fma(b0, x0);
            x1 = FloatVector.broadcast(S, a[ap + r1]).fma(b0, x1);
            x2 = FloatVector.broadcast(S, a[ap + r2]).fma(b0, x2);
            x3 = FloatVector.broadcast(S, a[ap + r3]).fma(b0, x3);
        }
        x0.intoArray(c, ci); x1.intoArray(c, c1); x2.intoArray(c, c2); x3.intoArray(c, c3);
    }

    /** 4 rows × 2 vectors (narrow panels, e.g. 32 output channels). */
    static void k4x2(float[] a, int ai, int ars, int acs, float[] b, int bi, int ldb, int kc,
                     float[] s, int si, int lds, float[] c, int ci, int ldc) {
        final int c1 = ci + ldc, c2 = c1 + ldc, c3 = c2 + ldc, s1 = si + lds, s2 = s1 + lds, s3 = s2 + lds;
        FloatVector x00, x01, x10, x11, x20, x21, x30, x31;
        x00 = FloatVector.fromArray(S, s, si); x01 = FloatVector.fromArray(S, s, si + L);
        x10 = FloatVector.fromArray(S, s, s1); x11 = FloatVector.fromArray(S, s, s1 + L);
        x20 = FloatVector.fromArray(S, s, s2); x21 = FloatVector.fromArray(S, s, s2 + L);
        x30 = FloatVector.fromArray(S, s, s3); x31 = FloatVector.fromArray(S, s, s3 + L);
        final int r1 = ars, r2 = 2 * ars, r3 = 3 * ars;
        for (int p = 0; p < kc; p++) {
            final int ap = ai + p * acs, bp = bi + p * ldb;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector a0 = FloatVector.broadcast(S, a[ap]);
            x00 = a0.fma(b0, x00); x01 = a0.fma(b1, x01);
            FloatVector a1 = FloatVector.broadcast(S, a[ap + r1]);
            x10 = a1.fma(b0, x10); x11 = a1.fma(b1, x11);
            FloatVector a2 = FloatVector.broadcast(S, a[ap + r2]);
            x20 = a2.fma(b0, x20); x21 = a2.fma(b1, x21);
            FloatVector a3 = FloatVector.broadcast(S, a[ap + r3]);
            x30 = a3.fma(b0, x30); x31 = a3.fma(b1, x31);
        }
        x00.intoArray(c, ci); x01.intoArray(c, ci + L);
        x10.intoArray(c, c1); x11.intoArray(c, c1 + L);
        x20.intoArray(c, c2); x21.intoArray(c, c2 + L);
        x30.intoArray(c, c3); x31.intoArray(c, c3 + L);
    }

    /** 8 rows × 2 vectors: 16 accumulators for panels only two vectors wide (e.g. 32 output channels). */
    static void k8x2(float[] a, int ai, int ars, int acs, float[] b, int bi, int ldb, int kc,
                     float[] s, int si, int lds, float[] c, int ci, int ldc) {
        FloatVector x00, x01, x10, x11, x20, x21, x30, x31, x40, x41, x50, x51, x60, x61, x70, x71;
        x00 = FloatVector.fromArray(S, s, si + 0 * lds); x01 = FloatVector.fromArray(S, s, si + 0 * lds + L);
        x10 = FloatVector.fromArray(S, s, si + 1 * lds); x11 = FloatVector.fromArray(S, s, si + 1 * lds + L);
        x20 = FloatVector.fromArray(S, s, si + 2 * lds); x21 = FloatVector.fromArray(S, s, si + 2 * lds + L);
        x30 = FloatVector.fromArray(S, s, si + 3 * lds); x31 = FloatVector.fromArray(S, s, si + 3 * lds + L);
        x40 = FloatVector.fromArray(S, s, si + 4 * lds); x41 = FloatVector.fromArray(S, s, si + 4 * lds + L);
        x50 = FloatVector.fromArray(S, s, si + 5 * lds); x51 = FloatVector.fromArray(S, s, si + 5 * lds + L);
        x60 = FloatVector.fromArray(S, s, si + 6 * lds); x61 = FloatVector.fromArray(S, s, si + 6 * lds + L);
        x70 = FloatVector.fromArray(S, s, si + 7 * lds); x71 = FloatVector.fromArray(S, s, si + 7 * lds + L);
        for (int p = 0; p < kc; p++) {
            final int ap = ai + p * acs, bp = bi + p * ldb;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector a0 = FloatVector.broadcast(S, a[ap + 0 * ars]);
            x00 = a0.fma(b0, x00); x01 = a0.fma(b1, x01);
            FloatVector a1 = FloatVector.broadcast(S, a[ap + 1 * ars]);
            x10 = a1.fma(b0, x10); x11 = a1.fma(b1, x11);
            FloatVector a2 = FloatVector.broadcast(S, a[ap + 2 * ars]);
            x20 = a2.fma(b0, x20); x21 = a2.fma(b1, x21);
            FloatVector a3 = FloatVector.broadcast(S, a[ap + 3 * ars]);
            x30 = a3.fma(b0, x30); x31 = a3.fma(b1, x31);
            FloatVector a4 = FloatVector.broadcast(S, a[ap + 4 * ars]);
            x40 = a4.fma(b0, x40); x41 = a4.fma(b1, x41);
            FloatVector a5 = FloatVector.broadcast(S, a[ap + 5 * ars]);
            x50 = a5.fma(b0, x50); x51 = a5.fma(b1, x51);
            FloatVector a6 = FloatVector.broadcast(S, a[ap + 6 * ars]);
            x60 = a6.fma(b0, x60); x61 = a6.fma(b1, x61);
            FloatVector a7 = FloatVector.broadcast(S, a[ap + 7 * ars]);
            x70 = a7.fma(b0, x70); x71 = a7.fma(b1, x71);
        }
        x00.intoArray(c, ci + 0 * ldc); x01.intoArray(c, ci + 0 * ldc + L);
        x10.intoArray(c, ci + 1 * ldc); x11.intoArray(c, ci + 1 * ldc + L);
        x20.intoArray(c, ci + 2 * ldc); x21.intoArray(c, ci + 2 * ldc + L);
        x30.intoArray(c, ci + 3 * ldc); x31.intoArray(c, ci + 3 * ldc + L);
        x40.intoArray(c, ci + 4 * ldc); x41.intoArray(c, ci + 4 * ldc + L);
        x50.intoArray(c, ci + 5 * ldc); x51.intoArray(c, ci + 5 * ldc + L);
        x60.intoArray(c, ci + 6 * ldc); x61.intoArray(c, ci + 6 * ldc + L);
        x70.intoArray(c, ci + 7 * ldc); x71.intoArray(c, ci + 7 * ldc + L);
    }

    /** 1 row × 4 vectors (row edges). */
    static void k1x4(float[] a, int ai, int acs, float[] b, int bi, int ldb, int kc, float[] s, int si, float[] c, int ci) {
        FloatVector x0, x1, x2, x3;
        x0 = FloatVector.fromArray(S, s, si); x1 = FloatVector.fromArray(S, s, si + L);
        x2 = FloatVector.fromArray(S, s, si + 2 * L); x3 = FloatVector.fromArray(S, s, si + 3 * L);
        for (int p = 0; p < kc; p++) {
            final int ap = ai + p * acs, bp = bi + p * ldb;
            FloatVector a0 = FloatVector.broadcast(S, a[ap]);
            x0 = a0.fma(FloatVector.fromArray(S, b, bp), x0);
            x1 = a0.fma(FloatVector.fromArray(S, b, bp + L), x1);
            x2 = a0.fma(FloatVector.fromArray(S, b, bp + 2 * L), x2);
            x3 = a0.fma(FloatVector.fromArray(S, b, bp + 3 * L), x3);
        }
        x0.intoArray(c, ci); x1.intoArray(c, ci + L); x2.intoArray(c, ci + 2 * L); x3.intoArray(c, ci + 3 * L);
    }

    /** 1 row × 1 vector (corner edges). */
    static void k1x1(float[] a, int ai, int acs, float[] b, int bi, int ldb, int kc, float[] s, int si, float[] c, int ci) {
        FloatVector x0 = FloatVector.fromArray(S, s, si);
        for (int p = 0; p < kc; p++) {
            final int ap = ai + p * acs, bp = bi + p * ldb;
            x0 = FloatVector.broadcast(S, a[ap]).fma(FloatVector.fromArray(S, b, bp), x0);
        }
        x0.intoArray(c, ci);
    }
}
