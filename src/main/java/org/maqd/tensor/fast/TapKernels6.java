package org.maqd.tensor.fast;

import static org.maqd.tensor.fast.MicroKernels.L;
import static org.maqd.tensor.fast.MicroKernels.S;

import jdk.incubator.vector.FloatVector;

/**
 * Table-driven tap kernels for vectors narrower than 512 bits (16 vector registers): 6 rows × 2 vectors, 12
 * accumulators + 2 B vectors + 1 broadcast, over A packed by {@link TapGemm#packRows6} (step q reads the six
 * floats {@code a[ai + 6·q + r]}). A 4-row × 4-vector block's 16 accumulators do not fit in 16 registers
 * with its B vectors and spill; on an AVX2 EPYC (Zen 2) the 6 × 2 tile ran at 62–66 against 38–47 GFLOPS
 * (32×838×288) and 41–44 against 28–29 (64×222×576), one thread. Each element is the FMA chain over
 * q = 0…kq−1 from +0, as in every other tap kernel. Each kernel keeps its vectors in locals of one method, has
 * more bytecode than C2's FreqInlineSize (so it is always its own compile root, whatever its callers and the compile
 * order) and calls nothing but the Vector API ({@code TapGemmTest} checks this with javap).
 */
final class TapKernels6 {
    private TapKernels6() {}

    /** Rows of A per block in the layout of {@link TapGemm#packRows6}. */
    static final int MR6 = 6;

    /** 6 rows × 2 vectors: C[6, 2L] at ci (row stride ldc) = Σ_q A[6, q] · B[q, 2L], from +0. */
    static void k6x2p(float[] a, int ai, float[] b, int bi, int[] bRel, int kq, float[] c, int ci, int ldc) {
        FloatVector x00 = FloatVector.zero(S), x01 = x00, x10 = x00, x11 = x00, x20 = x00, x21 = x00;
        FloatVector x30 = x00, x31 = x00, x40 = x00, x41 = x00, x50 = x00, x51 = x00;
        for (int q = 0; q < kq; q++) {
            final int ap = ai + MR6 * q, bp = bi + bRel[q];
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector a0 = FloatVector.broadcast(S, a[ap]);
            x00 = a0.fma(b0, x00); x01 = a0.fma(b1, x01);
            FloatVector a1 = FloatVector.broadcast(S, a[ap + 1]);
            x10 = a1.fma(b0, x10); x11 = a1.fma(b1, x11);
            FloatVector a2 = FloatVector.broadcast(S, a[ap + 2]);
            x20 = a2.fma(b0, x20); x21 = a2.fma(b1, x21);
            FloatVector a3 = FloatVector.broadcast(S, a[ap + 3]);
            x30 = a3.fma(b0, x30); x31 = a3.fma(b1, x31);
            FloatVector a4 = FloatVector.broadcast(S, a[ap + 4]);
            x40 = a4.fma(b0, x40); x41 = a4.fma(b1, x41);
            FloatVector a5 = FloatVector.broadcast(S, a[ap + 5]);
            x50 = a5.fma(b0, x50); x51 = a5.fma(b1, x51);
        }
        int cr = ci;
        x00.intoArray(c, cr); x01.intoArray(c, cr + L); cr += ldc;
        x10.intoArray(c, cr); x11.intoArray(c, cr + L); cr += ldc;
        x20.intoArray(c, cr); x21.intoArray(c, cr + L); cr += ldc;
        x30.intoArray(c, cr); x31.intoArray(c, cr + L); cr += ldc;
        x40.intoArray(c, cr); x41.intoArray(c, cr + L); cr += ldc;
        x50.intoArray(c, cr); x51.intoArray(c, cr + L);
    }

    /**
     * Weight-gradient block, 6 rows × 2 vectors over row-major A read in place (row r at {@code ai + r·ars}, step p
     * at +p) and B rows {@code ldb} apart: C[6, 2L] at ci (row stride ldc) = S[6, 2L] at si (row stride lds, 0 to
     * start every row from the same zeros) + Σ_p A[6, p] · B[p, 2L], one FMA chain per element in p order.
     */
    static void dw6x2u(float[] a, int ai, int ars, float[] b, int bi, int ldb, int kc,
                       float[] s, int si, int lds, float[] c, int ci, int ldc) {
        int sr = si;
        FloatVector x00 = FloatVector.fromArray(S, s, sr), x01 = FloatVector.fromArray(S, s, sr + L); sr += lds;
        FloatVector x10 = FloatVector.fromArray(S, s, sr), x11 = FloatVector.fromArray(S, s, sr + L); sr += lds;
        FloatVector x20 = FloatVector.fromArray(S, s, sr), x21 = FloatVector.fromArray(S, s, sr + L); sr += lds;
        FloatVector x30 = FloatVector.fromArray(S, s, sr), x31 = FloatVector.fromArray(S, s, sr + L); sr += lds;
        FloatVector x40 = FloatVector.fromArray(S, s, sr), x41 = FloatVector.fromArray(S, s, sr + L); sr += lds;
        FloatVector x50 = FloatVector.fromArray(S, s, sr), x51 = FloatVector.fromArray(S, s, sr + L);
        final int r1 = ars, r2 = 2 * ars, r3 = 3 * ars, r4 = 4 * ars, r5 = 5 * ars;
        for (int p = 0; p < kc; p++) {
            final int ap = ai + p, bp = bi + p * ldb;
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
            FloatVector a4 = FloatVector.broadcast(S, a[ap + r4]);
            x40 = a4.fma(b0, x40); x41 = a4.fma(b1, x41);
            FloatVector a5 = FloatVector.broadcast(S, a[ap + r5]);
            x50 = a5.fma(b0, x50); x51 = a5.fma(b1, x51);
        }
        int cr = ci;
        x00.intoArray(c, cr); x01.intoArray(c, cr + L); cr += ldc;
        x10.intoArray(c, cr); x11.intoArray(c, cr + L); cr += ldc;
        x20.intoArray(c, cr); x21.intoArray(c, cr + L); cr += ldc;
        x30.intoArray(c, cr); x31.intoArray(c, cr + L); cr += ldc;
        x40.intoArray(c, cr); x41.intoArray(c, cr + L); cr += ldc;
        x50.intoArray(c, cr); x51.intoArray(c, cr + L);
    }
    /**
     * The first two rows of a 6-row packed block × 4 vectors (8 accumulators): the last rows of an m that is not a
     * multiple of 6, without computing the block's zero rows. As {@link #k6x2p}.
     */
    static void k2x4p(float[] a, int ai, float[] b, int bi, int[] bRel, int kq, float[] c, int ci, int ldc) {
        FloatVector x00 = FloatVector.zero(S), x01 = x00, x02 = x00, x03 = x00, x10 = x00, x11 = x00, x12 = x00, x13 = x00;
        for (int q = 0; q < kq; q++) {
            final int ap = ai + MR6 * q, bp = bi + bRel[q];
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bp + 3 * L);
            FloatVector a0 = FloatVector.broadcast(S, a[ap]);
            x00 = a0.fma(b0, x00); x01 = a0.fma(b1, x01); x02 = a0.fma(b2, x02); x03 = a0.fma(b3, x03);
            FloatVector a1 = FloatVector.broadcast(S, a[ap + 1]);
            x10 = a1.fma(b0, x10); x11 = a1.fma(b1, x11); x12 = a1.fma(b2, x12); x13 = a1.fma(b3, x13);
        }
        x00.intoArray(c, ci); x01.intoArray(c, ci + L); x02.intoArray(c, ci + 2 * L); x03.intoArray(c, ci + 3 * L);
        int c1 = ci + ldc;
        x10.intoArray(c, c1); x11.intoArray(c, c1 + L); x12.intoArray(c, c1 + 2 * L); x13.intoArray(c, c1 + 3 * L);
    }

    /** Weight-gradient block of 2 rows × 4 vectors (the rows after the 6-row blocks): as {@link #dw6x2u}. */
    static void dw2x4u(float[] a, int ai, int ars, float[] b, int bi, int ldb, int kc,
                       float[] s, int si, int lds, float[] c, int ci, int ldc) {
        int s1 = si + lds;
        FloatVector x00 = FloatVector.fromArray(S, s, si), x01 = FloatVector.fromArray(S, s, si + L);
        FloatVector x02 = FloatVector.fromArray(S, s, si + 2 * L), x03 = FloatVector.fromArray(S, s, si + 3 * L);
        FloatVector x10 = FloatVector.fromArray(S, s, s1), x11 = FloatVector.fromArray(S, s, s1 + L);
        FloatVector x12 = FloatVector.fromArray(S, s, s1 + 2 * L), x13 = FloatVector.fromArray(S, s, s1 + 3 * L);
        for (int p = 0; p < kc; p++) {
            final int ap = ai + p, bp = bi + p * ldb;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bp + 3 * L);
            FloatVector a0 = FloatVector.broadcast(S, a[ap]);
            x00 = a0.fma(b0, x00); x01 = a0.fma(b1, x01); x02 = a0.fma(b2, x02); x03 = a0.fma(b3, x03);
            FloatVector a1 = FloatVector.broadcast(S, a[ap + ars]);
            x10 = a1.fma(b0, x10); x11 = a1.fma(b1, x11); x12 = a1.fma(b2, x12); x13 = a1.fma(b3, x13);
        }
        x00.intoArray(c, ci); x01.intoArray(c, ci + L); x02.intoArray(c, ci + 2 * L); x03.intoArray(c, ci + 3 * L);
        int c1 = ci + ldc;
        x10.intoArray(c, c1); x11.intoArray(c, c1 + L); x12.intoArray(c, c1 + 2 * L); x13.intoArray(c, c1 + 3 * L);
    }
}
