package org.maqd.tensor.fast;

import static org.maqd.tensor.fast.MicroKernels.L;
import static org.maqd.tensor.fast.MicroKernels.S;

import jdk.incubator.vector.FloatVector;

/**
 * The main register block of {@link PackedGemm} where vector registers are few (16 on x86 with AVX2): 6 rows ×
 * 2 vectors, run on each half of a full panel ({@link TapKernels6} is the convolutions' counterpart). {@link MicroKernels#k4x4}'s 16 accumulators, 4 B vectors and a broadcast need 21
 * registers, so on such hosts C2 spills inside the k loop; here 12 accumulators, 2 B vectors and a broadcast
 * fit, and each B load still serves six rows. The operation order per output lane is that of every other kernel
 * (one FMA per step p, in increasing p, from the starting tile), so the results are the same bits.
 */
final class HalfPanelKernels {
    private HalfPanelKernels() {}

    /** Whether full panels go through these kernels: vectors narrower than 512 bits (see {@link MicroKernels#SIX_ROWS}). */
    static final boolean ENABLED = !MicroKernels.SIX_ROWS;
    /** Rows of the block. */
    static final int ROWS = 6;

    /** 6 rows × 2 vectors: C[6, 2L] at {@code ci} (row stride ldc) (+)= A[6, kc] · B[kc, 2L] (B rows {@code ldb} apart). */
    static void k6x2(float[] a, int ai, int ars, int acs, float[] b, int bi, int ldb, int kc,
                     float[] s, int si, int lds, float[] c, int ci, int ldc) {
        final int a1 = ai + ars, a2 = ai + 2 * ars, a3 = ai + 3 * ars, a4 = ai + 4 * ars, a5 = ai + 5 * ars;
        FloatVector x00 = FloatVector.fromArray(S, s, si), x01 = FloatVector.fromArray(S, s, si + L);
        FloatVector x10 = FloatVector.fromArray(S, s, si + lds), x11 = FloatVector.fromArray(S, s, si + lds + L);
        FloatVector x20 = FloatVector.fromArray(S, s, si + 2 * lds), x21 = FloatVector.fromArray(S, s, si + 2 * lds + L);
        FloatVector x30 = FloatVector.fromArray(S, s, si + 3 * lds), x31 = FloatVector.fromArray(S, s, si + 3 * lds + L);
        FloatVector x40 = FloatVector.fromArray(S, s, si + 4 * lds), x41 = FloatVector.fromArray(S, s, si + 4 * lds + L);
        FloatVector x50 = FloatVector.fromArray(S, s, si + 5 * lds), x51 = FloatVector.fromArray(S, s, si + 5 * lds + L);
        for (int p = 0; p < kc; p++) {
            final int bp = bi + p * ldb, ap = p * acs;
            FloatVector b0 = FloatVector.fromArray(S, b, bp), b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector y = FloatVector.broadcast(S, a[ai + ap]);
            x00 = y.fma(b0, x00); x01 = y.fma(b1, x01);
            y = FloatVector.broadcast(S, a[a1 + ap]);
            x10 = y.fma(b0, x10); x11 = y.fma(b1, x11);
            y = FloatVector.broadcast(S, a[a2 + ap]);
            x20 = y.fma(b0, x20); x21 = y.fma(b1, x21);
            y = FloatVector.broadcast(S, a[a3 + ap]);
            x30 = y.fma(b0, x30); x31 = y.fma(b1, x31);
            y = FloatVector.broadcast(S, a[a4 + ap]);
            x40 = y.fma(b0, x40); x41 = y.fma(b1, x41);
            y = FloatVector.broadcast(S, a[a5 + ap]);
            x50 = y.fma(b0, x50); x51 = y.fma(b1, x51);
        }
        x00.intoArray(c, ci); x01.intoArray(c, ci + L);
        x10.intoArray(c, ci + ldc); x11.intoArray(c, ci + ldc + L);
        x20.intoArray(c, ci + 2 * ldc); x21.intoArray(c, ci + 2 * ldc + L);
        x30.intoArray(c, ci + 3 * ldc); x31.intoArray(c, ci + 3 * ldc + L);
        x40.intoArray(c, ci + 4 * ldc); x41.intoArray(c, ci + 4 * ldc + L);
        x50.intoArray(c, ci + 5 * ldc); x51.intoArray(c, ci + 5 * ldc + L);
    }

    /** {@link #k6x2} for row-major A (k-stride 1): a unit stride the compiler can see, as {@link MicroKernels#k4x4u}. */
    static void k6x2u(float[] a, int ai, int ars, float[] b, int bi, int ldb, int kc,
                      float[] s, int si, int lds, float[] c, int ci, int ldc) {
        final int a1 = ai + ars, a2 = ai + 2 * ars, a3 = ai + 3 * ars, a4 = ai + 4 * ars, a5 = ai + 5 * ars;
        FloatVector x00 = FloatVector.fromArray(S, s, si), x01 = FloatVector.fromArray(S, s, si + L);
        FloatVector x10 = FloatVector.fromArray(S, s, si + lds), x11 = FloatVector.fromArray(S, s, si + lds + L);
        FloatVector x20 = FloatVector.fromArray(S, s, si + 2 * lds), x21 = FloatVector.fromArray(S, s, si + 2 * lds + L);
        FloatVector x30 = FloatVector.fromArray(S, s, si + 3 * lds), x31 = FloatVector.fromArray(S, s, si + 3 * lds + L);
        FloatVector x40 = FloatVector.fromArray(S, s, si + 4 * lds), x41 = FloatVector.fromArray(S, s, si + 4 * lds + L);
        FloatVector x50 = FloatVector.fromArray(S, s, si + 5 * lds), x51 = FloatVector.fromArray(S, s, si + 5 * lds + L);
        for (int p = 0; p < kc; p++) {
            final int bp = bi + p * ldb;
            FloatVector b0 = FloatVector.fromArray(S, b, bp), b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector y = FloatVector.broadcast(S, a[ai + p]);
            x00 = y.fma(b0, x00); x01 = y.fma(b1, x01);
            y = FloatVector.broadcast(S, a[a1 + p]);
            x10 = y.fma(b0, x10); x11 = y.fma(b1, x11);
            y = FloatVector.broadcast(S, a[a2 + p]);
            x20 = y.fma(b0, x20); x21 = y.fma(b1, x21);
            y = FloatVector.broadcast(S, a[a3 + p]);
            x30 = y.fma(b0, x30); x31 = y.fma(b1, x31);
            y = FloatVector.broadcast(S, a[a4 + p]);
            x40 = y.fma(b0, x40); x41 = y.fma(b1, x41);
            y = FloatVector.broadcast(S, a[a5 + p]);
            x50 = y.fma(b0, x50); x51 = y.fma(b1, x51);
        }
        x00.intoArray(c, ci); x01.intoArray(c, ci + L);
        x10.intoArray(c, ci + ldc); x11.intoArray(c, ci + ldc + L);
        x20.intoArray(c, ci + 2 * ldc); x21.intoArray(c, ci + 2 * ldc + L);
        x30.intoArray(c, ci + 3 * ldc); x31.intoArray(c, ci + 3 * ldc + L);
        x40.intoArray(c, ci + 4 * ldc); x41.intoArray(c, ci + 4 * ldc + L);
        x50.intoArray(c, ci + 5 * ldc); x51.intoArray(c, ci + 5 * ldc + L);
    }
}
