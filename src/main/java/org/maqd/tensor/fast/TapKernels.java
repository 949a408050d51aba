package org.maqd.tensor.fast;

import static org.maqd.tensor.fast.MicroKernels.L;
import static org.maqd.tensor.fast.MicroKernels.S;

import jdk.incubator.vector.FloatVector;

/**
 * Tap kernels for 512-bit vectors (32 vector registers; {@link TapKernels6} is the counterpart for narrower ones):
 * step q reads A packed in blocks of 8 rows ({@link TapGemm#packRows8}) and B at {@code bi + bRel[q]}; and the
 * three-tap weight-gradient kernels of {@link ShiftedConv}. A stride-1 convolution ({@link ShiftedConv}) lists its (tap, channel) steps
 * in these tables, so all kh·kw shifted GEMMs run as one accumulation in registers. (One flat loop over a
 * table: a nested tap loop made the JDK 17 compiler box the vector accumulators.) Same per-lane FMA order as
 * {@link MicroKernels}: q = 0, 1, ..., kq−1.
 */
final class TapKernels {
    private TapKernels() {}

    /** Rows of A per block in the layout of {@link TapGemm#packRows8}. */
    static final int MR8 = 8;

    /**
     * 8 rows × 3 vectors over A packed by {@link TapGemm#packRows8} (step q reads the eight floats
     * {@code a[ai + 8·q + r]}, one stream): each shifted B vector loaded serves 8 rows (half the B loads per FMA
     * of a 4-row × 4-vector block), 24 of the 32 vector registers hold accumulators. Same FMA chain per element.
     */
    static void k8x3p(float[] a, int ai, float[] b, int bi, int[] bRel, int kq, float[] s, int si, int lds, float[] c, int ci, int ldc) {
        FloatVector x00, x01, x02, x10, x11, x12, x20, x21, x22, x30, x31, x32, x40, x41, x42, x50, x51, x52, x60, x61, x62, x70, x71, x72;
        int sr = si;
        x00 = FloatVector.fromArray(S, s, sr); x01 = FloatVector.fromArray(S, s, sr + 1 * L); x02 = FloatVector.fromArray(S, s, sr + 2 * L); sr += lds;
        x10 = FloatVector.fromArray(S, s, sr); x11 = FloatVector.fromArray(S, s, sr + 1 * L); x12 = FloatVector.fromArray(S, s, sr + 2 * L); sr += lds;
        x20 = FloatVector.fromArray(S, s, sr); x21 = FloatVector.fromArray(S, s, sr + 1 * L); x22 = FloatVector.fromArray(S, s, sr + 2 * L); sr += lds;
        x30 = FloatVector.fromArray(S, s, sr); x31 = FloatVector.fromArray(S, s, sr + 1 * L); x32 = FloatVector.fromArray(S, s, sr + 2 * L); sr += lds;
        x40 = FloatVector.fromArray(S, s, sr); x41 = FloatVector.fromArray(S, s, sr + 1 * L); x42 = FloatVector.fromArray(S, s, sr + 2 * L); sr += lds;
        x50 = FloatVector.fromArray(S, s, sr); x51 = FloatVector.fromArray(S, s, sr + 1 * L); x52 = FloatVector.fromArray(S, s, sr + 2 * L); sr += lds;
        x60 = FloatVector.fromArray(S, s, sr); x61 = FloatVector.fromArray(S, s, sr + 1 * L); x62 = FloatVector.fromArray(S, s, sr + 2 * L); sr += lds;
        x70 = FloatVector.fromArray(S, s, sr); x71 = FloatVector.fromArray(S, s, sr + 1 * L); x72 = FloatVector.fromArray(S, s, sr + 2 * L);
        for (int q = 0; q < kq; q++) {
            final int ap = ai + MR8 * q, bp = bi + bRel[q];
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + 1 * L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector a0 = FloatVector.broadcast(S, a[ap]);
            x00 = a0.fma(b0, x00); x01 = a0.fma(b1, x01); x02 = a0.fma(b2, x02);
            FloatVector a1 = FloatVector.broadcast(S, a[ap + 1]);
            x10 = a1.fma(b0, x10); x11 = a1.fma(b1, x11); x12 = a1.fma(b2, x12);
            FloatVector a2 = FloatVector.broadcast(S, a[ap + 2]);
            x20 = a2.fma(b0, x20); x21 = a2.fma(b1, x21); x22 = a2.fma(b2, x22);
            FloatVector a3 = FloatVector.broadcast(S, a[ap + 3]);
            x30 = a3.fma(b0, x30); x31 = a3.fma(b1, x31); x32 = a3.fma(b2, x32);
            FloatVector a4 = FloatVector.broadcast(S, a[ap + 4]);
            x40 = a4.fma(b0, x40); x41 = a4.fma(b1, x41); x42 = a4.fma(b2, x42);
            FloatVector a5 = FloatVector.broadcast(S, a[ap + 5]);
            x50 = a5.fma(b0, x50); x51 = a5.fma(b1, x51); x52 = a5.fma(b2, x52);
            FloatVector a6 = FloatVector.broadcast(S, a[ap + 6]);
            x60 = a6.fma(b0, x60); x61 = a6.fma(b1, x61); x62 = a6.fma(b2, x62);
            FloatVector a7 = FloatVector.broadcast(S, a[ap + 7]);
            x70 = a7.fma(b0, x70); x71 = a7.fma(b1, x71); x72 = a7.fma(b2, x72);
        }
        int cr = ci;
        x00.intoArray(c, cr); x01.intoArray(c, cr + 1 * L); x02.intoArray(c, cr + 2 * L); cr += ldc;
        x10.intoArray(c, cr); x11.intoArray(c, cr + 1 * L); x12.intoArray(c, cr + 2 * L); cr += ldc;
        x20.intoArray(c, cr); x21.intoArray(c, cr + 1 * L); x22.intoArray(c, cr + 2 * L); cr += ldc;
        x30.intoArray(c, cr); x31.intoArray(c, cr + 1 * L); x32.intoArray(c, cr + 2 * L); cr += ldc;
        x40.intoArray(c, cr); x41.intoArray(c, cr + 1 * L); x42.intoArray(c, cr + 2 * L); cr += ldc;
        x50.intoArray(c, cr); x51.intoArray(c, cr + 1 * L); x52.intoArray(c, cr + 2 * L); cr += ldc;
        x60.intoArray(c, cr); x61.intoArray(c, cr + 1 * L); x62.intoArray(c, cr + 2 * L); cr += ldc;
        x70.intoArray(c, cr); x71.intoArray(c, cr + 1 * L); x72.intoArray(c, cr + 2 * L);
    }

    /** 8 rows × 2 vectors (column edges of {@link #k8x3p}). */
    static void k8x2p(float[] a, int ai, float[] b, int bi, int[] bRel, int kq, float[] s, int si, int lds, float[] c, int ci, int ldc) {
        FloatVector x00, x01, x10, x11, x20, x21, x30, x31, x40, x41, x50, x51, x60, x61, x70, x71;
        int sr = si;
        x00 = FloatVector.fromArray(S, s, sr); x01 = FloatVector.fromArray(S, s, sr + 1 * L); sr += lds;
        x10 = FloatVector.fromArray(S, s, sr); x11 = FloatVector.fromArray(S, s, sr + 1 * L); sr += lds;
        x20 = FloatVector.fromArray(S, s, sr); x21 = FloatVector.fromArray(S, s, sr + 1 * L); sr += lds;
        x30 = FloatVector.fromArray(S, s, sr); x31 = FloatVector.fromArray(S, s, sr + 1 * L); sr += lds;
        x40 = FloatVector.fromArray(S, s, sr); x41 = FloatVector.fromArray(S, s, sr + 1 * L); sr += lds;
        x50 = FloatVector.fromArray(S, s, sr); x51 = FloatVector.fromArray(S, s, sr + 1 * L); sr += lds;
        x60 = FloatVector.fromArray(S, s, sr); x61 = FloatVector.fromArray(S, s, sr + 1 * L); sr += lds;
        x70 = FloatVector.fromArray(S, s, sr); x71 = FloatVector.fromArray(S, s, sr + 1 * L);
        for (int q = 0; q < kq; q++) {
            final int ap = ai + MR8 * q, bp = bi + bRel[q];
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + 1 * L);
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
            FloatVector a6 = FloatVector.broadcast(S, a[ap + 6]);
            x60 = a6.fma(b0, x60); x61 = a6.fma(b1, x61);
            FloatVector a7 = FloatVector.broadcast(S, a[ap + 7]);
            x70 = a7.fma(b0, x70); x71 = a7.fma(b1, x71);
        }
        int cr = ci;
        x00.intoArray(c, cr); x01.intoArray(c, cr + 1 * L); cr += ldc;
        x10.intoArray(c, cr); x11.intoArray(c, cr + 1 * L); cr += ldc;
        x20.intoArray(c, cr); x21.intoArray(c, cr + 1 * L); cr += ldc;
        x30.intoArray(c, cr); x31.intoArray(c, cr + 1 * L); cr += ldc;
        x40.intoArray(c, cr); x41.intoArray(c, cr + 1 * L); cr += ldc;
        x50.intoArray(c, cr); x51.intoArray(c, cr + 1 * L); cr += ldc;
        x60.intoArray(c, cr); x61.intoArray(c, cr + 1 * L); cr += ldc;
        x70.intoArray(c, cr); x71.intoArray(c, cr + 1 * L);
    }

    /** 8 rows × 1 vector (column edges of {@link #k8x3p}). */
    static void k8x1p(float[] a, int ai, float[] b, int bi, int[] bRel, int kq, float[] s, int si, int lds, float[] c, int ci, int ldc) {
        FloatVector x00, x10, x20, x30, x40, x50, x60, x70;
        int sr = si;
        x00 = FloatVector.fromArray(S, s, sr); sr += lds;
        x10 = FloatVector.fromArray(S, s, sr); sr += lds;
        x20 = FloatVector.fromArray(S, s, sr); sr += lds;
        x30 = FloatVector.fromArray(S, s, sr); sr += lds;
        x40 = FloatVector.fromArray(S, s, sr); sr += lds;
        x50 = FloatVector.fromArray(S, s, sr); sr += lds;
        x60 = FloatVector.fromArray(S, s, sr); sr += lds;
        x70 = FloatVector.fromArray(S, s, sr);
        for (int q = 0; q < kq; q++) {
            final int ap = ai + MR8 * q, bp = bi + bRel[q];
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector a0 = FloatVector.broadcast(S, a[ap]);
            x00 = a0.fma(b0, x00);
            FloatVector a1 = FloatVector.broadcast(S, a[ap + 1]);
            x10 = a1.fma(b0, x10);
            FloatVector a2 = FloatVector.broadcast(S, a[ap + 2]);
            x20 = a2.fma(b0, x20);
            FloatVector a3 = FloatVector.broadcast(S, a[ap + 3]);
            x30 = a3.fma(b0, x30);
            FloatVector a4 = FloatVector.broadcast(S, a[ap + 4]);
            x40 = a4.fma(b0, x40);
            FloatVector a5 = FloatVector.broadcast(S, a[ap + 5]);
            x50 = a5.fma(b0, x50);
            FloatVector a6 = FloatVector.broadcast(S, a[ap + 6]);
            x60 = a6.fma(b0, x60);
            FloatVector a7 = FloatVector.broadcast(S, a[ap + 7]);
            x70 = a7.fma(b0, x70);
        }
        int cr = ci;
        x00.intoArray(c, cr); cr += ldc;
        x10.intoArray(c, cr); cr += ldc;
        x20.intoArray(c, cr); cr += ldc;
        x30.intoArray(c, cr); cr += ldc;
        x40.intoArray(c, cr); cr += ldc;
        x50.intoArray(c, cr); cr += ldc;
        x60.intoArray(c, cr); cr += ldc;
        x70.intoArray(c, cr);
    }

    /**
     * Weight gradient of three taps (ky, kx = 0, 1, 2) of a 3-wide kernel for 4 input channels and 32 output
     * channels (2 vectors per tap, 24 accumulators): for step p = 0…steps−1, channel row i reads
     * {@code x[xi + i·plane + p]} and tap kx reads output-gradient row p − kx of {@code d} (rows of 2·L floats,
     * row r at {@code (r + 2)·2L}, zero rows at −2, −1 and past the end). Tap kx's element is thus the chain over
     * r = p − kx in increasing order with zero terms added around it, exact no-ops on a sum that starts at +0 or
     * continues one (it never becomes −0) for finite x. Starting values at {@code s[si + kx·sT + i·sR + v·L]},
     * results at {@code c[ci + kx·cT + i·cR + v·L]}.
     */
    static void dw4x6(float[] x, int xi, int plane, float[] d, int steps, float[] s, int si, int sT, int sR, float[] c, int ci, int cT, int cR) {
        FloatVector x000, x001, x010, x011, x020, x021, x100, x101, x110, x111, x120, x121, x200, x201, x210, x211, x220, x221, x300, x301, x310, x311, x320, x321;
        x000 = FloatVector.fromArray(S, s, si + 0 * sT + 0 * sR); x001 = FloatVector.fromArray(S, s, si + 0 * sT + 0 * sR + L);
        x010 = FloatVector.fromArray(S, s, si + 1 * sT + 0 * sR); x011 = FloatVector.fromArray(S, s, si + 1 * sT + 0 * sR + L);
        x020 = FloatVector.fromArray(S, s, si + 2 * sT + 0 * sR); x021 = FloatVector.fromArray(S, s, si + 2 * sT + 0 * sR + L);
        x100 = FloatVector.fromArray(S, s, si + 0 * sT + 1 * sR); x101 = FloatVector.fromArray(S, s, si + 0 * sT + 1 * sR + L);
        x110 = FloatVector.fromArray(S, s, si + 1 * sT + 1 * sR); x111 = FloatVector.fromArray(S, s, si + 1 * sT + 1 * sR + L);
        x120 = FloatVector.fromArray(S, s, si + 2 * sT + 1 * sR); x121 = FloatVector.fromArray(S, s, si + 2 * sT + 1 * sR + L);
        x200 = FloatVector.fromArray(S, s, si + 0 * sT + 2 * sR); x201 = FloatVector.fromArray(S, s, si + 0 * sT + 2 * sR + L);
        x210 = FloatVector.fromArray(S, s, si + 1 * sT + 2 * sR); x211 = FloatVector.fromArray(S, s, si + 1 * sT + 2 * sR + L);
        x220 = FloatVector.fromArray(S, s, si + 2 * sT + 2 * sR); x221 = FloatVector.fromArray(S, s, si + 2 * sT + 2 * sR + L);
        x300 = FloatVector.fromArray(S, s, si + 0 * sT + 3 * sR); x301 = FloatVector.fromArray(S, s, si + 0 * sT + 3 * sR + L);
        x310 = FloatVector.fromArray(S, s, si + 1 * sT + 3 * sR); x311 = FloatVector.fromArray(S, s, si + 1 * sT + 3 * sR + L);
        x320 = FloatVector.fromArray(S, s, si + 2 * sT + 3 * sR); x321 = FloatVector.fromArray(S, s, si + 2 * sT + 3 * sR + L);
        for (int p = 0; p < steps; p++) {
            final int dp = (p + 2) * 2 * L;
            FloatVector b00 = FloatVector.fromArray(S, d, dp), b01 = FloatVector.fromArray(S, d, dp + L);
            FloatVector b10 = FloatVector.fromArray(S, d, dp - 2 * L), b11 = FloatVector.fromArray(S, d, dp - L);
            FloatVector b20 = FloatVector.fromArray(S, d, dp - 4 * L), b21 = FloatVector.fromArray(S, d, dp - 3 * L);
            FloatVector a0 = FloatVector.broadcast(S, x[xi + p]);
            x000 = a0.fma(b00, x000); x001 = a0.fma(b01, x001); x010 = a0.fma(b10, x010); x011 = a0.fma(b11, x011); x020 = a0.fma(b20, x020); x021 = a0.fma(b21, x021);
            FloatVector a1 = FloatVector.broadcast(S, x[xi + 1 * plane + p]);
            x100 = a1.fma(b00, x100); x101 = a1.fma(b01, x101); x110 = a1.fma(b10, x110); x111 = a1.fma(b11, x111); x120 = a1.fma(b20, x120); x121 = a1.fma(b21, x121);
            FloatVector a2 = FloatVector.broadcast(S, x[xi + 2 * plane + p]);
            x200 = a2.fma(b00, x200); x201 = a2.fma(b01, x201); x210 = a2.fma(b10, x210); x211 = a2.fma(b11, x211); x220 = a2.fma(b20, x220); x221 = a2.fma(b21, x221);
            FloatVector a3 = FloatVector.broadcast(S, x[xi + 3 * plane + p]);
            x300 = a3.fma(b00, x300); x301 = a3.fma(b01, x301); x310 = a3.fma(b10, x310); x311 = a3.fma(b11, x311); x320 = a3.fma(b20, x320); x321 = a3.fma(b21, x321);
        }
        x000.intoArray(c, ci + 0 * cT + 0 * cR); x001.intoArray(c, ci + 0 * cT + 0 * cR + L);
        x010.intoArray(c, ci + 1 * cT + 0 * cR); x011.intoArray(c, ci + 1 * cT + 0 * cR + L);
        x020.intoArray(c, ci + 2 * cT + 0 * cR); x021.intoArray(c, ci + 2 * cT + 0 * cR + L);
        x100.intoArray(c, ci + 0 * cT + 1 * cR); x101.intoArray(c, ci + 0 * cT + 1 * cR + L);
        x110.intoArray(c, ci + 1 * cT + 1 * cR); x111.intoArray(c, ci + 1 * cT + 1 * cR + L);
        x120.intoArray(c, ci + 2 * cT + 1 * cR); x121.intoArray(c, ci + 2 * cT + 1 * cR + L);
        x200.intoArray(c, ci + 0 * cT + 2 * cR); x201.intoArray(c, ci + 0 * cT + 2 * cR + L);
        x210.intoArray(c, ci + 1 * cT + 2 * cR); x211.intoArray(c, ci + 1 * cT + 2 * cR + L);
        x220.intoArray(c, ci + 2 * cT + 2 * cR); x221.intoArray(c, ci + 2 * cT + 2 * cR + L);
        x300.intoArray(c, ci + 0 * cT + 3 * cR); x301.intoArray(c, ci + 0 * cT + 3 * cR + L);
        x310.intoArray(c, ci + 1 * cT + 3 * cR); x311.intoArray(c, ci + 1 * cT + 3 * cR + L);
        x320.intoArray(c, ci + 2 * cT + 3 * cR); x321.intoArray(c, ci + 2 * cT + 3 * cR + L);
    }

    /** {@link #dw4x6} for one channel row. */
    static void dw1x6(float[] x, int xi, int plane, float[] d, int steps, float[] s, int si, int sT, int sR, float[] c, int ci, int cT, int cR) {
        FloatVector x000, x001, x010, x011, x020, x021;
        x000 = FloatVector.fromArray(S, s, si + 0 * sT + 0 * sR); x001 = FloatVector.fromArray(S, s, si + 0 * sT + 0 * sR + L);
        x010 = FloatVector.fromArray(S, s, si + 1 * sT + 0 * sR); x011 = FloatVector.fromArray(S, s, si + 1 * sT + 0 * sR + L);
        x020 = FloatVector.fromArray(S, s, si + 2 * sT + 0 * sR); x021 = FloatVector.fromArray(S, s, si + 2 * sT + 0 * sR + L);
        for (int p = 0; p < steps; p++) {
            final int dp = (p + 2) * 2 * L;
            FloatVector b00 = FloatVector.fromArray(S, d, dp), b01 = FloatVector.fromArray(S, d, dp + L);
            FloatVector b10 = FloatVector.fromArray(S, d, dp - 2 * L), b11 = FloatVector.fromArray(S, d, dp - L);
            FloatVector b20 = FloatVector.fromArray(S, d, dp - 4 * L), b21 = FloatVector.fromArray(S, d, dp - 3 * L);
            FloatVector a0 = FloatVector.broadcast(S, x[xi + p]);
            x000 = a0.fma(b00, x000); x001 = a0.fma(b01, x001); x010 = a0.fma(b10, x010); x011 = a0.fma(b11, x011); x020 = a0.fma(b20, x020); x021 = a0.fma(b21, x021);
        }
        x000.intoArray(c, ci + 0 * cT + 0 * cR); x001.intoArray(c, ci + 0 * cT + 0 * cR + L);
        x010.intoArray(c, ci + 1 * cT + 0 * cR); x011.intoArray(c, ci + 1 * cT + 0 * cR + L);
        x020.intoArray(c, ci + 2 * cT + 0 * cR); x021.intoArray(c, ci + 2 * cT + 0 * cR + L);
    }

}
