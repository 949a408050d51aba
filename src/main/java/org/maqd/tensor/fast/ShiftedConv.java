package org.maqd.tensor.fast;

import java.util.Arrays;

/**
 * Stride-1 convolution of one sample as kh·kw GEMMs over shifted views of a zero-padded input, with no
 * im2col matrix. With the input padded to [C, Hp, Wp] (Hp = H + 2·pad), output position (oy, ox) read at
 * r = oy·Wp + ox of a "wide" grid, tap t = (ky, kx) is the plain row-major view x_pad[c, r + ky·Wp + kx]:
 * <pre>
 *   forward   wide[O, r]     = Σ_t  W_t[O, C] · x_pad[C, r + shift_t]          then y = valid columns of wide
 *   input     dxw[C, r']     = Σ_t  W_tᵀ[C, O] · dy_pad[O, r' + flipShift_t]   (dy padded by kernel−1−pad)
 *   weight    dW_tᵀ[C, O]   += x_pad[C, r + shift_t] · dy_wideᵀ[r, O]            (dy_wide: dy on the wide grid, 0 elsewhere)
 * </pre>
 * The forward and input-gradient sums run as one table-driven GEMM over all (tap, channel) steps
 * ({@link TapGemm}), accumulating in registers. Only O·P-sized copies remain (padding, compaction, one
 * transposed pack of dy per sample) instead of the K·P-sized im2col traffic. Sums run over taps in order,
 * channels inside: fixed, thread-independent. One instance per (geometry, output channels) holds the step
 * tables. Read slack: the padded buffers carry {@link PackedPanels#NR} extra floats because edge vectors read
 * whole vectors past the last valid column (those lanes are discarded).
 * Applies when stride is 1 and padding < kernel (so the gradient's padding kernel−1−pad is not negative).
 */
public final class ShiftedConv {
    private static final int NR = PackedPanels.NR;
    /** Forward and input gradient run {@link TapGemm#multiply8} (512-bit vectors), else {@link TapGemm#multiply6}. */
    private static final boolean EIGHT = TapGemm.EIGHT_ROWS;
    /** Rows per packed block of the forward and input-gradient weights. */
    private static final int ROWS = EIGHT ? TapGemm.MR8 : TapGemm.MR6;

    private final ConvGeometry g;
    private final int outC;
    /** Forward steps q = (t, c): A = W at c·taps + t, B = x_pad at c·plane + shift_t. */
    private final int[] fwdA, fwdB;
    /** Input-gradient steps q = (t, o): A = Wᵀ at o·K + t, B = dy_pad at o·plane + flipped shift_t. */
    private final int[] gradA, gradB;

    public ShiftedConv(ConvGeometry g, int outC) {
        if (!applies(g)) throw new IllegalArgumentException("shifted convolution needs stride 1 and padding < kernel");
        this.g = g;
        this.outC = outC;
        int taps = g.kh * g.kw, wp = wp(g), pp = hp(g) * wp, wq = wq(g), pq = hq(g) * wq;
        fwdA = new int[taps * g.c];
        fwdB = new int[taps * g.c];
        gradA = new int[taps * outC];
        gradB = new int[taps * outC];
        for (int t = 0; t < taps; t++) {
            int ky = t / g.kw, kx = t % g.kw;
            for (int c = 0; c < g.c; c++) {
                fwdA[t * g.c + c] = c * taps + t;
                fwdB[t * g.c + c] = c * pp + ky * wp + kx;
            }
            for (int o = 0; o < outC; o++) {
                gradA[t * outC + o] = o * g.k + t;
                gradB[t * outC + o] = o * pq + (g.kh - 1 - ky) * wq + (g.kw - 1 - kx);
            }
        }
    }

    public ConvGeometry geometry() { return g; }
    public int outChannels() { return outC; }

    public static boolean applies(ConvGeometry g) {
        return g.stride == 1 && g.pad < g.kh && g.pad < g.kw;
    }

    private static int hp(ConvGeometry g) { return g.h + 2 * g.pad; }
    private static int wp(ConvGeometry g) { return g.w + 2 * g.pad; }
    /** Wide-grid length of the forward output / weight-gradient k dimension. */
    private static int nOut(ConvGeometry g) { return (g.oh - 1) * wp(g) + g.ow; }
    /** Gradient padding grid. */
    private static int hq(ConvGeometry g) { return g.h + g.kh - 1; }
    private static int wq(ConvGeometry g) { return g.w + g.kw - 1; }
    private static int nIn(ConvGeometry g) { return (g.h - 1) * wq(g) + g.w; }

    /** Floats for the padded input (with read slack). */
    public int paddedInputSize() { return g.c * hp(g) * wp(g) + NR; }
    /** Floats for the padded output gradient (with read slack). */
    public int paddedGradSize() { return outC * hq(g) * wq(g) + NR; }
    /** Floats for the wide result grid of forward or input gradient. */
    public int wideSize() {
        return Math.max(TapGemm.roundUp(outC, ROWS) * ldw(nOut(g)), TapGemm.roundUp(g.c, ROWS) * ldw(nIn(g)));
    }

    /** Row stride of the wide grid: {@link TapGemm#multiply8} writes whole vectors, {@link TapGemm#multiply6} pairs. */
    private static int ldw(int n) { return TapGemm.roundUp(n, EIGHT ? MicroKernels.L : 2 * MicroKernels.L); }
    /** Floats for the packed dy_wideᵀ operand. */
    public int packedGradSize() { return Math.max(PackedPanels.size(outC, nOut(g)), (nOut(g) + 4) * 2 * MicroKernels.L); }

    /** Whether {@link #backwardWeight} runs three taps per kernel ({@link TapKernels#dw4x6}): 32 outputs, 3-wide kernel. */
    private boolean tapTriples() { return EIGHT && outC == 2 * MicroKernels.L && g.kw == 3; }
    /** Floats of one sample's weight gradient in tap-major layout [kh·kw][C][O]. */
    public int weightGradSize() { return g.kh * g.kw * g.c * outC; }

    /** Zero-pads x [C, H, W] at xOff into xpad [C, Hp, Wp]. */
    public void padInput(float[] x, int xOff, float[] xpad) {
        padInput(x, xOff, xpad, 0);
    }

    /** {@link #padInput} into xpad at {@code padOff} (the read slack past the grid is not written). */
    public void padInput(float[] x, int xOff, float[] xpad, int padOff) {
        pad(x, xOff, g.c, g.h, g.w, g.pad, g.pad, xpad, padOff);
    }

    private static void pad(float[] src, int off, int planes, int h, int w, int py, int px, float[] dst) {
        pad(src, off, planes, h, w, py, px, dst, 0);
    }

    private static void pad(float[] src, int off, int planes, int h, int w, int py, int px, float[] dst, int dstOff) {
        int hp = h + 2 * py, wp = w + 2 * px;
        for (int c = 0; c < planes; c++) {
            int plane = dstOff + c * hp * wp;
            // zero only the border; the interior is overwritten by the copy
            Arrays.fill(dst, plane, plane + py * wp + px, 0f);
            for (int y = 0; y < h; y++) {
                int row = plane + (y + py) * wp + px;
                System.arraycopy(src, off + (c * h + y) * w, dst, row, w);
                Arrays.fill(dst, row + w, row + w + 2 * px, 0f);   // right border, then the next row's left
            }
            Arrays.fill(dst, plane + (h + py) * wp, plane + hp * wp, 0f);   // bottom rows
        }
    }

    /** Floats of the forward weight packed by {@link #packWeights}. */
    public int packedWeightSize() {
        return EIGHT ? TapGemm.packedRows8Size(outC, fwdA.length) : TapGemm.packedRows6Size(outC, fwdA.length);
    }

    /**
     * Packs the weight W [O, C, kh, kw] for {@link #forward}: per block of eight (512-bit vectors) or six output
     * channels, the weights of each (tap, channel) step side by side, so a step reads one contiguous group instead of four
     * rows K floats apart. Once per forward pass (shared by all samples); {@code dst} has
     * {@link #packedWeightSize} floats.
     */
    public void packWeights(float[] w, float[] dst) {
        if (EIGHT) TapGemm.packRows8(outC, fwdA.length, w, 0, g.k, fwdA, dst);
        else TapGemm.packRows6(outC, fwdA.length, w, 0, g.k, fwdA, dst);
    }

    /** Floats of the input-gradient weight packed by {@link #packGradWeights}. */
    public int packedGradWeightSize() {
        return EIGHT ? TapGemm.packedRows8Size(g.c, gradA.length) : TapGemm.packedRows6Size(g.c, gradA.length);
    }

    /**
     * Packs Wᵀ for {@link #backwardInput}: per block of eight or six input channels, the weights of each (tap,
     * output channel) step side by side. Once per backward pass; {@code dst} has {@link #packedGradWeightSize}
     * floats.
     */
    public void packGradWeights(float[] w, float[] dst) {
        if (EIGHT) TapGemm.packRows8(g.c, gradA.length, w, 0, g.kh * g.kw, gradA, dst);
        else TapGemm.packRows6(g.c, gradA.length, w, 0, g.kh * g.kw, gradA, dst);
    }

    /**
     * y [O, OH, OW] at yOff = conv(x) (+ bias), from xpad already filled by {@link #padInput} and the weight
     * packed by {@link #packWeights}.
     */
    public void forward(float[] xpad, float[] wPacked, float[] bias, float[] y, int yOff, float[] wide, float[] tile) {
        forward(xpad, 0, wPacked, bias, y, yOff, wide, tile);
    }

    /** {@link #forward} with the padded input at {@code xpadOff}. */
    public void forward(float[] xpad, int xpadOff, float[] wPacked, float[] bias, float[] y, int yOff, float[] wide, float[] tile) {
        int wp = wp(g), n = nOut(g), kq = fwdA.length, ld = ldw(n);
        // wide[O, n] = Σ_(t, c) W[o, c, t] · x_pad[c, r + shift_t]   (row stride ld)
        if (EIGHT) TapGemm.multiply8(outC, n, wPacked, xpad, xpadOff, fwdB, kq, wide, 0, ld);
        else TapGemm.multiply6(outC, n, wPacked, xpad, xpadOff, fwdB, kq, wide, 0, ld);
        for (int o = 0; o < outC; o++) {
            float b = bias == null ? 0f : bias[o];
            for (int oy = 0; oy < g.oh; oy++) {
                int src = o * ld + oy * wp, dst = yOff + o * g.p + oy * g.ow;
                if (bias == null) {
                    System.arraycopy(wide, src, y, dst, g.ow);
                } else {
                    for (int ox = 0; ox < g.ow; ox++) y[dst + ox] = wide[src + ox] + b;
                }
            }
        }
    }

    /**
     * dx [C, H, W] at dxOff = input gradient of dy [O, OH, OW] at dyOff (overwrites), with the weight packed by
     * {@link #packGradWeights}.
     */
    public void backwardInput(float[] dy, int dyOff, float[] wgPacked, float[] dx, int dxOff,
                              float[] dypad, float[] wide, float[] tile) {
        int qy = g.kh - 1 - g.pad, qx = g.kw - 1 - g.pad;
        pad(dy, dyOff, outC, g.oh, g.ow, qy, qx, dypad);
        int wq = wq(g), n = nIn(g), ld = ldw(n);
        // dxw[C, n] = Σ_(t, o) W[o, c, t] · dy_pad[o, r' + flipped shift_t]   (row stride ld)
        int kq = gradA.length;
        if (EIGHT) TapGemm.multiply8(g.c, n, wgPacked, dypad, 0, gradB, kq, wide, 0, ld);
        else TapGemm.multiply6(g.c, n, wgPacked, dypad, 0, gradB, kq, wide, 0, ld);
        for (int c = 0; c < g.c; c++) {
            for (int iy = 0; iy < g.h; iy++) {
                System.arraycopy(wide, c * ld + iy * wq, dx, dxOff + (c * g.h + iy) * g.w, g.w);
            }
        }
    }

    /**
     * {@link #backwardWeight} for 32 output channels and a 3-wide kernel: dy_wide is packed as rows of 32 floats
     * with two zero rows on each side, and each kernel call computes the three taps of one kernel row for four
     * input channels ({@link TapKernels#dw4x6}). Each element is the same FMA chain over r as the per-tap
     * product (zero terms only added around it).
     */
    private void backwardWeightTriples(float[] xpad, int xpadOff, float[] dy, int dyOff, float[] dwt, int dwtOff, boolean accumulate, float[] d) {
        final int w2 = 2 * MicroKernels.L, wp = wp(g), plane = hp(g) * wp, n = nOut(g), cT = g.c * outC;
        Arrays.fill(d, 0, 2 * w2, 0f);
        Arrays.fill(d, (n + 2) * w2, (n + 4) * w2, 0f);
        for (int o = 0; o < outC; o++) {
            int src = dyOff + o * g.p;
            for (int oy = 0; oy < g.oh; oy++) {
                int r0 = oy * wp, end = Math.min(wp, n - r0), base = (r0 + 2) * w2 + o;
                for (int ox = 0; ox < end; ox++) d[base + ox * w2] = ox < g.ow ? dy[src + oy * g.ow + ox] : 0f;
            }
        }
        float[] s = accumulate ? dwt : PackedGemm.ZEROS;
        int sT = accumulate ? cT : 0, sR = accumulate ? outC : 0;
        for (int ky = 0; ky < g.kh; ky++) {
            int c0 = 0;
            for (; c0 < g.c; c0 += 4) {
                int ci = dwtOff + (ky * 3 * g.c + c0) * outC, xi = xpadOff + c0 * plane + ky * wp;
                if (c0 + 4 <= g.c) {
                    TapKernels.dw4x6(xpad, xi, plane, d, n + 2, s, accumulate ? ci : 0, sT, sR, dwt, ci, cT, outC);
                } else {
                    for (int c = c0; c < g.c; c++) {
                        int cc = ci + (c - c0) * outC;
                        TapKernels.dw1x6(xpad, xi + (c - c0) * plane, plane, d, n + 2, s, accumulate ? cc : 0, sT, sR, dwt, cc, cT, outC);
                    }
                }
            }
        }
    }

    /**
     * dWᵀ [taps][C][O] (+)= weight gradient of one sample, from xpad filled by {@link #padInput} and
     * dy [O, OH, OW] at dyOff; {@code accumulate} false overwrites.
     */
    public void backwardWeight(float[] xpad, float[] dy, int dyOff, float[] dwt, int dwtOff, boolean accumulate,
                               float[] packed, float[] tile) {
        backwardWeight(xpad, 0, dy, dyOff, dwt, dwtOff, accumulate, packed, tile);
    }

    /** {@link #backwardWeight} with the padded input at {@code xpadOff}. */
    public void backwardWeight(float[] xpad, int xpadOff, float[] dy, int dyOff, float[] dwt, int dwtOff, boolean accumulate,
                               float[] packed, float[] tile) {
        if (tapTriples()) backwardWeightTriples(xpad, xpadOff, dy, dyOff, dwt, dwtOff, accumulate, packed);
        else backwardWeightPerTap(xpad, xpadOff, dy, dyOff, dwt, dwtOff, accumulate, packed, tile, TapGemm.SIX_ROWS && outC % NR == 0);
    }

    /** {@link #backwardWeight} as one product per tap (any shape; the reference for the three-tap kernel). */
    void backwardWeightPerTap(float[] xpad, float[] dy, int dyOff, float[] dwt, int dwtOff, boolean accumulate,
                              float[] packed, float[] tile) {
        backwardWeightPerTap(xpad, 0, dy, dyOff, dwt, dwtOff, accumulate, packed, tile, false);
    }

    /** Per-tap products; {@code sixRows}: 6-row blocks of {@link TapKernels6#dw6x2u} (needs whole panels), the rest as before. */
    private void backwardWeightPerTap(float[] xpad, int xpadOff, float[] dy, int dyOff, float[] dwt, int dwtOff, boolean accumulate,
                                      float[] packed, float[] tile, boolean sixRows) {
        int wp = wp(g), plane = hp(g) * wp, n = nOut(g), taps = g.kh * g.kw;
        if (outC % NR == 0) packDyRows(dy, dyOff, packed);
        else packDy(dy, dyOff, packed);
        for (int t = 0; t < taps; t++) {
            int shift = xpadOff + (t / g.kw) * wp + t % g.kw;
            // dW_tᵀ[C, O] (+)= x_pad[C, n] (shifted) · dy_wideᵀ[n, O]
            int rows = sixRows ? sixRowTap(xpad, shift, plane, n, packed, dwt, dwtOff + t * g.c * outC, accumulate) : 0;
            if (rows < g.c) {
                PackedGemm.region(outC, n, xpad, shift, plane, 1, packed, 0, NR, NR * n,
                        dwt, dwtOff + t * g.c * outC, outC, accumulate, rows, g.c, 0, PackedPanels.panels(outC), tile, 0);
            }
        }
    }

    /** k-steps per block of {@link #sixRowTap}: a 2-vector slice of the dy panel (64 B rows) and six A rows stay in L1. */
    private static final int KC6 = 256;

    /**
     * Rows [0, 6·⌊C/6⌋) of one tap's dW_tᵀ (+)= x_pad (shifted, rows {@code plane} apart) · dy_wideᵀ (packed panels of
     * NR, all full) in 6-row × 2-vector blocks, then pairs of rows × one panel ({@link TapKernels6#dw2x4u}); returns
     * the rows done (an odd last row is left to the caller). C carries the chain between k-blocks.
     */
    private int sixRowTap(float[] xpad, int shift, int plane, int n, float[] packed, float[] dwt, int cOff, boolean accumulate) {
        final int rows = g.c / TapKernels6.MR6 * TapKernels6.MR6, l2 = 2 * MicroKernels.L, pairs = rows + (g.c - rows) / 2 * 2;
        for (int kb = 0; kb < n; kb += KC6) {
            int kc = Math.min(KC6, n - kb);
            boolean load = accumulate || kb > 0;
            for (int i = 0; i < rows; i += TapKernels6.MR6) {
                int ai = shift + i * plane + kb;
                for (int j = 0; j < outC; j += l2) {
                    int ci = cOff + i * outC + j, pb = (j / NR) * NR * n + kb * NR + j % NR;
                    TapKernels6.dw6x2u(xpad, ai, plane, packed, pb, NR, kc,
                            load ? dwt : PackedGemm.ZEROS, load ? ci : 0, load ? outC : 0, dwt, ci, outC);
                }
            }
            for (int i = rows; i < pairs; i += 2) {
                int ai = shift + i * plane + kb;
                for (int j = 0; j < outC; j += NR) {
                    int ci = cOff + i * outC + j, pb = j * n + kb * NR;
                    TapKernels6.dw2x4u(xpad, ai, plane, packed, pb, NR, kc,
                            load ? dwt : PackedGemm.ZEROS, load ? ci : 0, load ? outC : 0, dwt, ci, outC);
                }
            }
        }
        return pairs;
    }

    /** packed op(B) = dy_wideᵀ [n, O]: element (r, o) at (o/NR)·NR·n + r·NR + o%NR (0 at the wide grid's gap columns). */
    void packDy(float[] dy, int dyOff, float[] packed) {
        int wp = wp(g), n = nOut(g);
        for (int o = 0; o < outC; o++) {
            int col = (o / NR) * NR * n + o % NR, src = dyOff + o * g.p;
            for (int oy = 0; oy < g.oh; oy++) {
                int r0 = oy * wp, end = Math.min(wp, n - r0);
                for (int ox = 0; ox < end; ox++) {
                    packed[col + (r0 + ox) * NR] = ox < g.ow ? dy[src + oy * g.ow + ox] : 0f;
                }
            }
        }
    }

    /**
     * {@link #packDy} for whole panels (O a multiple of NR): with 16-lane vectors, each panel's channel planes through
     * {@link TransposePack}'s register blocks, then its output rows moved to their wide places; else
     * {@link #packDyRowByRow}. Same values as the reference.
     */
    void packDyRows(float[] dy, int dyOff, float[] packed) {
        if (!TransposePack.ENABLED) {
            packDyRowByRow(dy, dyOff, packed);
            return;
        }
        final int wp = wp(g), n = nOut(g), p = g.p, ow = g.ow, oh = g.oh;
        for (int o0 = 0; o0 < outC; o0 += NR) {
            int panel = (o0 / NR) * NR * n;
            // the panel's NR channel planes transposed in 16 × 16 register blocks into p compact rows of NR floats (a
            // 14-wide output row is shorter than a block: transposed row by row, all of it went the scalar way) ...
            TransposePack.transpose(dy, dyOff + o0 * p, p, packed, panel, NR, 0, NR, 0, p);
            if (wp == ow) continue;
            // ... then each output row moved to its wide place, the last first (a row moves up past rows already
            // moved, never onto one still to move), and the wide rows' extra columns zeroed
            for (int oy = oh - 1; oy >= 1; oy--) System.arraycopy(packed, panel + oy * ow * NR, packed, panel + oy * wp * NR, ow * NR);
            for (int oy = 0; oy < oh - 1; oy++) Arrays.fill(packed, panel + (oy * wp + ow) * NR, panel + (oy + 1) * wp * NR, 0f);
        }
    }

    /**
     * {@link #packDyRows} one packed row of NR floats at a time (vectors narrower than 16 lanes, where there is no block
     * transpose): the stores run sequentially and the NR dy streams stay in L1, where the reference's column order
     * stores NR floats apart through a panel larger than L1.
     */
    void packDyRowByRow(float[] dy, int dyOff, float[] packed) {
        final int wp = wp(g), n = nOut(g), p = g.p, ow = g.ow;
        for (int o0 = 0; o0 < outC; o0 += NR) {
            int panel = (o0 / NR) * NR * n;
            for (int oy = 0; oy < g.oh; oy++) {
                int r0 = oy * wp, end = Math.min(wp, n - r0);
                for (int ox = 0; ox < end; ox++) {
                    int dst = panel + (r0 + ox) * NR;
                    if (ox < ow) {
                        int src = dyOff + o0 * p + oy * ow + ox;
                        for (int oo = 0; oo < NR; oo++) packed[dst + oo] = dy[src + oo * p];
                    } else {
                        Arrays.fill(packed, dst, dst + NR, 0f);
                    }
                }
            }
        }
    }
}
