package org.maqd.tensor.ref;

/**
 * Plain direct 2-D convolution (cross-correlation, as in PyTorch), NCHW, zero padding: the oracle for the
 * im2col + GEMM kernels. Sums are accumulated in double. x [B, C, H, W], w [O, C, kh, kw], bias [O] or null,
 * y [B, O, OH, OW] with OH = (H + 2·pad − kh) / stride + 1 (likewise OW).
 */
public final class RefConv {
    private RefConv() {}

    public static float[] forward(float[] x, int batch, int c, int h, int w, float[] wt, int o, int kh, int kw,
                                  float[] bias, int stride, int pad) {
        int oh = (h + 2 * pad - kh) / stride + 1, ow = (w + 2 * pad - kw) / stride + 1;
        float[] y = new float[batch * o * oh * ow];
        for (int b = 0; b < batch; b++)
            for (int f = 0; f < o; f++)
                for (int oy = 0; oy < oh; oy++)
                    for (int ox = 0; ox < ow; ox++) {
                        double s = bias == null ? 0 : bias[f];
                        for (int ch = 0; ch < c; ch++)
                            for (int ky = 0; ky < kh; ky++)
                                for (int kx = 0; kx < kw; kx++) {
                                    int iy = oy * stride - pad + ky, ix = ox * stride - pad + kx;
                                    if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                                    s += (double) x[((b * c + ch) * h + iy) * w + ix]
                                            * wt[((f * c + ch) * kh + ky) * kw + kx];
                                }
                        y[((b * o + f) * oh + oy) * ow + ox] = (float) s;
                    }
        return y;
    }

    /** Gradients of a convolution for dL/dy = dy: fills dx [B,C,H,W], dw [O,C,kh,kw], db [O] (db may be null). */
    public static void backward(float[] x, int batch, int c, int h, int w, float[] wt, int o, int kh, int kw,
                                int stride, int pad, float[] dy, float[] dx, float[] dw, float[] db) {
        int oh = (h + 2 * pad - kh) / stride + 1, ow = (w + 2 * pad - kw) / stride + 1;
        double[] gx = new double[dx.length], gw = new double[dw.length], gb = new double[o];
        for (int b = 0; b < batch; b++)
            for (int f = 0; f < o; f++)
                for (int oy = 0; oy < oh; oy++)
                    for (int ox = 0; ox < ow; ox++) {
                        double g = dy[((b * o + f) * oh + oy) * ow + ox];
                        gb[f] += g;
                        for (int ch = 0; ch < c; ch++)
                            for (int ky = 0; ky < kh; ky++)
                                for (int kx = 0; kx < kw; kx++) {
                                    int iy = oy * stride - pad + ky, ix = ox * stride - pad + kx;
                                    if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                                    int xi = ((b * c + ch) * h + iy) * w + ix;
                                    int wi = ((f * c + ch) * kh + ky) * kw + kx;
                                    gx[xi] += g * wt[wi];
                                    gw[wi] += g * x[xi];
                                }
                    }
        for (int i = 0; i < dx.length; i++) dx[i] = (float) gx[i];
        for (int i = 0; i < dw.length; i++) dw[i] = (float) gw[i];
        if (db != null) for (int i = 0; i < o; i++) db[i] = (float) gb[i];
    }
}
