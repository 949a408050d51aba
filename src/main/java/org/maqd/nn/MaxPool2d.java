package org.maqd.nn;

import java.util.Arrays;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Tensor;

/**
 * Max pooling over kernel × kernel windows with a stride, no padding: [B, C, H, W] → [B, C, OH, OW],
 * OH = (H − kernel) / stride + 1. Forward records, per output, the input index of the maximum (the first one
 * on ties); backward routes each output gradient to that index.
 */
public final class MaxPool2d implements Layer {
    public static final String KIND = "maxpool";

    private final int kernel, stride;
    private final Parallel par;
    private int[] argmax = new int[0];   // per output: flat index into the input
    private int[] inShape;
    private Tensor y, dx;

    public MaxPool2d(int kernel, int stride, Parallel par) {
        PoolShapes.checkWindow(KIND, kernel, stride);
        this.kernel = kernel;
        this.stride = stride;
        this.par = par == null ? Parallel.serial() : par;
    }

    public MaxPool2d(int kernel, int stride) { this(kernel, stride, null); }

    public int kernel() { return kernel; }
    public int stride() { return stride; }

    /** The thread pool the planes are split over. */
    public Parallel parallel() { return par; }

    @Override
    public int[] outputShape(int[] in) { return PoolShapes.windowed(KIND, kernel, stride, in); }

    @Override
    public Tensor forward(Tensor x, Mode mode) {
        int[] os = outputShape(x.shape());
        inShape = x.shape();
        y = Tensor.reuse(y, os);
        if (argmax.length != y.size()) argmax = new int[y.size()];
        final int h = inShape[2], w = inShape[3], oh = os[2], ow = os[3];
        final float[] xd = x.data, yd = y.data;
        final int[] am = argmax;
        // x: [B·C planes, H, W] -> y: [B·C planes, OH, OW]
        par.forRange(os[0] * os[1], PoolShapes.PLANE_GRAIN, (p0, p1) -> {
            if (kernel == 2) {
                pool2(xd, yd, am, p0, p1, h, w, oh, ow);
                return;
            }
            for (int pl = p0; pl < p1; pl++) {
                int in0 = pl * h * w, out = pl * oh * ow;
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++, out++) {
                        int best = in0 + oy * stride * w + ox * stride;
                        float bv = xd[best];
                        for (int ky = 0; ky < kernel; ky++) {
                            int row = in0 + (oy * stride + ky) * w + ox * stride;
                            for (int kx = 0; kx < kernel; kx++) {
                                // branch-free select: data-dependent branches mispredict on real activations
                                float v = xd[row + kx];
                                boolean gt = v > bv;
                                best = gt ? row + kx : best;
                                bv = gt ? v : bv;
                            }
                        }
                        yd[out] = bv;
                        am[out] = best;
                    }
                }
            }
        });
        return y;
    }

    /**
     * The common 2×2 window, unrolled and branch-free (data-dependent branches made the general loop ~10× slower).
     * Same tie rule as the general loop: the first maximum wins.
     */
    private void pool2(float[] xd, float[] yd, int[] am, int p0, int p1, int h, int w, int oh, int ow) {
        for (int pl = p0; pl < p1; pl++) {
            int in0 = pl * h * w, out = pl * oh * ow;
            for (int oy = 0; oy < oh; oy++) {
                int r0 = in0 + oy * stride * w;
                for (int ox = 0; ox < ow; ox++, out++) {
                    int i0 = r0 + ox * stride, i2 = i0 + w;
                    float a = xd[i0], b = xd[i0 + 1], c = xd[i2], d = xd[i2 + 1];
                    // sign bit of (first − second) is 1 exactly when second > first: a branch-free select
                    int top = i0 + (Float.floatToRawIntBits(a - b) >>> 31);
                    int bottom = i2 + (Float.floatToRawIntBits(c - d) >>> 31);
                    float tv = Math.max(a, b), bv = Math.max(c, d);
                    int down = Float.floatToRawIntBits(tv - bv) >>> 31;
                    yd[out] = Math.max(tv, bv);
                    am[out] = top + down * (bottom - top);
                }
            }
        }
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        if (inShape == null) throw new IllegalStateException("maxpool backward called before forward");
        if (!gradOut.hasShape(y.shape())) {
            throw new ShapeException("maxpool backward expects gradient " + Arrays.toString(y.shape()) + ", gets "
                    + Arrays.toString(gradOut.shape()));
        }
        dx = Tensor.reuse(dx, inShape);
        final int planeIn = inShape[2] * inShape[3], planeOut = y.dim(2) * y.dim(3);
        final float[] g = gradOut.data, d = dx.data;
        final int[] am = argmax;
        // Each plane's outputs route only into that plane, so planes are independent chunks.
        par.forRange(inShape[0] * inShape[1], PoolShapes.PLANE_GRAIN, (p0, p1) -> {
            Arrays.fill(d, p0 * planeIn, p1 * planeIn, 0f);
            for (int i = p0 * planeOut, e = p1 * planeOut; i < e; i++) d[am[i]] += g[i];
        });
        return dx;
    }

    @Override
    public String kind() { return KIND; }
}
