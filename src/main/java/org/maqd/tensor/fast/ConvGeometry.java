package org.maqd.tensor.fast;

/**
 * The index arithmetic of one 2-D convolution on a single sample: input [C, H, W], kernel kh × kw, stride,
 * zero padding; output [OH, OW]. Columns of the im2col matrix are output positions P = OH·OW; its rows are
 * K = C·kh·kw taps ordered (c, ky, kx), matching a weight [out, C, kh, kw] viewed as [out, K].
 */
public final class ConvGeometry {
    public final int c, h, w, kh, kw, stride, pad, oh, ow;
    /** Rows of the im2col matrix (fan-in of one output unit). */
    public final int k;
    /** Output positions per channel. */
    public final int p;
    /** Per tap j = (c, ky, kx): its channel plane offset c·H·W and its (ky, kx). */
    final int[] tapPlane, tapY, tapX;
    /** Per tap: offset of (c, ky, kx) from the window's top-left input element, c·H·W + ky·W + kx. */
    final int[] tapOffset;

    public ConvGeometry(int c, int h, int w, int kh, int kw, int stride, int pad) {
        if (c < 1 || h < 1 || w < 1 || kh < 1 || kw < 1 || stride < 1 || pad < 0) {
            throw new IllegalArgumentException("bad convolution geometry: C=" + c + " H=" + h + " W=" + w
                    + " kernel=" + kh + "x" + kw + " stride=" + stride + " padding=" + pad);
        }
        if (h + 2 * pad < kh || w + 2 * pad < kw) {
            throw new IllegalArgumentException("kernel " + kh + "x" + kw + " does not fit input " + h + "x" + w
                    + " with padding " + pad);
        }
        this.c = c; this.h = h; this.w = w; this.kh = kh; this.kw = kw; this.stride = stride; this.pad = pad;
        this.oh = (h + 2 * pad - kh) / stride + 1;
        this.ow = (w + 2 * pad - kw) / stride + 1;
        this.k = c * kh * kw;
        this.p = oh * ow;
        tapPlane = new int[k];
        tapY = new int[k];
        tapX = new int[k];
        tapOffset = new int[k];
        for (int j = 0; j < k; j++) {
            tapPlane[j] = (j / (kh * kw)) * h * w;
            tapY[j] = (j / kw) % kh;
            tapX[j] = j % kw;
            tapOffset[j] = tapPlane[j] + tapY[j] * w + tapX[j];
        }
    }

    /** First output column whose input column {@code ox·stride − pad + kx} is ≥ 0. */
    int firstValid(int kx, int pad, int stride) {
        int need = pad - kx;
        return need <= 0 ? 0 : (need + stride - 1) / stride;
    }

    /** One past the last output column (or row) whose input index is < {@code size}. */
    int endValid(int k, int size, int outSize) {
        // ox·stride − pad + k ≤ size − 1  ⇔  ox ≤ (size − 1 + pad − k) / stride
        int lim = size - 1 + pad - k;
        if (lim < 0) return 0;
        return Math.min(outSize, lim / stride + 1);
    }

    public boolean sameAs(int c, int h, int w) { return this.c == c && this.h == h && this.w == w; }
}
