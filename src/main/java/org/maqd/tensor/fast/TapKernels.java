package org.maqd.tensor.fast;

import static org.maqd.tensor.fast.MicroKernels.L;
import static org.maqd.tensor.fast.MicroKernels.S;

import jdk.incubator.vector.FloatVector;

/**
 * The {@link MicroKernels} with table-driven k-steps: step q reads A at {@code ai + aRel[q]} (+ row strides)
 * and B at {@code bi + bRel[q]}. A stride-1 convolution ({@link ShiftedConv}) lists its (tap, channel) steps
 * in these tables, so all kh·kw shifted GEMMs run as one accumulation in registers. (One flat loop over a
 * table: a nested tap loop made the JDK 17 compiler box the vector accumulators.) Same per-lane FMA order as
 * {@link MicroKernels}: q = 0, 1, ..., kq−1.
 */
final class TapKernels {
    private TapKernels() {}

    /** 4 rows × 4 vectors: C[4, 4L] at {@code ci} (row stride ldc) (+)= Σ_q A[4, q] · B[q, 4L]. */
    static void k4x4(float[] a, int ai, int ars, int[] aRel, float[] b, int bi, int[] bRel, int kq,
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
        for (int q = 0; q < kq; q++) {
            final int ap = ai + aRel[q], bp = bi + bRel[q];
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
     * {@link #k4x4} over A packed by {@link TapGemm#packRows} (step q reads {@code a[ai + MR·q + r]}): about 10%
     * faster than the table lookup. A separate method, not a branch: one hot loop per method.
     */
    static void k4x4p(float[] a, int ai, float[] b, int bi, int[] bRel, int kq, float[] s, int si, int lds, float[] c, int ci, int ldc) {
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
        for (int q = 0; q < kq; q++) {
            final int ap = ai + MicroKernels.MR * q, bp = bi + bRel[q];
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bp + 3 * L);
            FloatVector a0 = FloatVector.broadcast(S, a[ap]);
            x00 = a0.fma(b0, x00); x01 = a0.fma(b1, x01); x02 = a0.fma(b2, x02); x03 = a0.fma(b3, x03);
            FloatVector a1 = FloatVector.broadcast(S, a[ap + 1]);
            x10 = a1.fma(b0, x10); x11 = a1.fma(b1, x11); x12 = a1.fma(b2, x12); x13 = a1.fma(b3, x13);
            FloatVector a2 = FloatVector.broadcast(S, a[ap + 2]);
            x20 = a2.fma(b0, x20); x21 = a2.fma(b1, x21); x22 = a2.fma(b2, x22); x23 = a2.fma(b3, x23);
            FloatVector a3 = FloatVector.broadcast(S, a[ap + 3]);
            x30 = a3.fma(b0, x30); x31 = a3.fma(b1, x31); x32 = a3.fma(b2, x32); x33 = a3.fma(b3, x33);
        }
        x00.intoArray(c, ci); x01.intoArray(c, ci + L); x02.intoArray(c, ci + 2 * L); x03.intoArray(c, ci + 3 * L);
        x10.intoArray(c, c1); x11.intoArray(c, c1 + L); x12.intoArray(c, c1 + 2 * L); x13.intoArray(c, c1 + 3 * L);
        x20.intoArray(c, c2); x21.intoArray(c, c2 + L); x22.intoArray(c, c2 + 2 * L); x23.intoArray(c, c2 + 3 * L);
        x30.intoArray(c, c3); x31.intoArray(c, c3 + L); x32.intoArray(c, c3 + 2 * L); x33.intoArray(c, c3 + 3 * L);
    }

    /** 4 rows × 1 vector (column edges of a panel). */
    static void k4x1(float[] a, int ai, int ars, int[] aRel, float[] b, int bi, int[] bRel, int kq,
                     float[] s, int si, int lds, float[] c, int ci, int ldc) {
        final int c1 = ci + ldc, c2 = c1 + ldc, c3 = c2 + ldc, s1 = si + lds, s2 = s1 + lds, s3 = s2 + lds;
        FloatVector x0, x1, x2, x3;
        x0 = FloatVector.fromArray(S, s, si); x1 = FloatVector.fromArray(S, s, s1);
        x2 = FloatVector.fromArray(S, s, s2); x3 = FloatVector.fromArray(S, s, s3);
        final int r1 = ars, r2 = 2 * ars, r3 = 3 * ars;
        for (int q = 0; q < kq; q++) {
            final int ap = ai + aRel[q], bp = bi + bRel[q];
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            x0 = FloatVector.broadcast(S, a[ap]).fma(b0, x0);
            x1 = FloatVector.broadcast(S, a[ap + r1]).fma(b0, x1);
            x2 = FloatVector.broadcast(S, a[ap + r2]).fma(b0, x2);
            x3 = FloatVector.broadcast(S, a[ap + r3]).fma(b0, x3);
        }
        x0.intoArray(c, ci); x1.intoArray(c, c1); x2.intoArray(c, c2); x3.intoArray(c, c3);
    }

    /** 4 rows × 2 vectors (narrow panels, e.g. 32 output channels). */
    static void k4x2(float[] a, int ai, int ars, int[] aRel, float[] b, int bi, int[] bRel, int kq,
                     float[] s, int si, int lds, float[] c, int ci, int ldc) {
        final int c1 = ci + ldc, c2 = c1 + ldc, c3 = c2 + ldc, s1 = si + lds, s2 = s1 + lds, s3 = s2 + lds;
        FloatVector x00, x01, x10, x11, x20, x21, x30, x31;
        x00 = FloatVector.fromArray(S, s, si); x01 = FloatVector.fromArray(S, s, si + L);
        x10 = FloatVector.fromArray(S, s, s1); x11 = FloatVector.fromArray(S, s, s1 + L);
        x20 = FloatVector.fromArray(S, s, s2); x21 = FloatVector.fromArray(S, s, s2 + L);
        x30 = FloatVector.fromArray(S, s, s3); x31 = FloatVector.fromArray(S, s, s3 + L);
        final int r1 = ars, r2 = 2 * ars, r3 = 3 * ars;
        for (int q = 0; q < kq; q++) {
            final int ap = ai + aRel[q], bp = bi + bRel[q];
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

    /** 1 row × 4 vectors (row edges). */
    static void k1x4(float[] a, int ai, int[] aRel, float[] b, int bi, int[] bRel, int kq, float[] s, int si, float[] c, int ci) {
        FloatVector x0, x1, x2, x3;
        x0 = FloatVector.fromArray(S, s, si); x1 = FloatVector.fromArray(S, s, si + L);
        x2 = FloatVector.fromArray(S, s, si + 2 * L); x3 = FloatVector.fromArray(S, s, si + 3 * L);
        for (int q = 0; q < kq; q++) {
            final int ap = ai + aRel[q], bp = bi + bRel[q];
            FloatVector a0 = FloatVector.broadcast(S, a[ap]);
            x0 = a0.fma(FloatVector.fromArray(S, b, bp), x0);
            x1 = a0.fma(FloatVector.fromArray(S, b, bp + L), x1);
            x2 = a0.fma(FloatVector.fromArray(S, b, bp + 2 * L), x2);
            x3 = a0.fma(FloatVector.fromArray(S, b, bp + 3 * L), x3);
        }
        x0.intoArray(c, ci); x1.intoArray(c, ci + L); x2.intoArray(c, ci + 2 * L); x3.intoArray(c, ci + 3 * L);
    }

    /** 1 row × 1 vector (corner edges). */
    static void k1x1(float[] a, int ai, int[] aRel, float[] b, int bi, int[] bRel, int kq, float[] s, int si, float[] c, int ci) {
        FloatVector x0 = FloatVector.fromArray(S, s, si);
        for (int q = 0; q < kq; q++) {
            final int ap = ai + aRel[q], bp = bi + bRel[q];
            x0 = FloatVector.broadcast(S, a[ap]).fma(FloatVector.fromArray(S, b, bp), x0);
        }
        x0.intoArray(c, ci);
    }
}
