package org.maqd.nn;

import java.util.Arrays;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Tensor;

/**
 * Average pooling over kernel × kernel windows with a stride, no padding: [B, C, H, W] → [B, C, OH, OW],
 * OH = (H − kernel) / stride + 1; every output is the mean of kernel² inputs, and backward spreads each output
 * gradient evenly over its window (windows may overlap when stride < kernel).
 */
public final class AvgPool2d implements Layer {
    public static final String KIND = "avgpool";

    private final int kernel, stride;
    private final Parallel par;
    private int[] inShape;
    private Tensor y, dx;

    public AvgPool2d(int kernel, int stride, Parallel par) {
        PoolShapes.checkWindow(KIND, kernel, stride);
        this.kernel = kernel;
        this.stride = stride;
        this.par = par == null ? Parallel.serial() : par;
    }

    public AvgPool2d(int kernel, int stride) { this(kernel, stride, null); }

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
        final int h = inShape[2], w = inShape[3], oh = os[2], ow = os[3];
        final float scale = 1f / (kernel * kernel);
        final float[] xd = x.data, yd = y.data;
        // x: [B·C planes, H, W] -> y: [B·C planes, OH, OW]
        par.forRange(os[0] * os[1], PoolShapes.PLANE_GRAIN, (p0, p1) -> {
            if (kernel == 2) {
                // the common 2×2 window, unrolled (same summation order as the general loop)
                for (int pl = p0; pl < p1; pl++) {
                    int in0 = pl * h * w, out = pl * oh * ow;
                    for (int oy = 0; oy < oh; oy++) {
                        int r0 = in0 + oy * stride * w;
                        for (int ox = 0; ox < ow; ox++, out++) {
                            int i0 = r0 + ox * stride;
                            yd[out] = (xd[i0] + xd[i0 + 1] + xd[i0 + w] + xd[i0 + w + 1]) * scale;
                        }
                    }
                }
                return;
            }
            for (int pl = p0; pl < p1; pl++) {
                int in0 = pl * h * w, out = pl * oh * ow;
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++, out++) {
                        float s = 0f;
                        for (int ky = 0; ky < kernel; ky++) {
                            int row = in0 + (oy * stride + ky) * w + ox * stride;
                            for (int kx = 0; kx < kernel; kx++) s += xd[row + kx];
                        }
                        yd[out] = s * scale;
                    }
                }
            }
        });
        return y;
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        if (inShape == null) throw new IllegalStateException("avgpool backward called before forward");
        if (!gradOut.hasShape(y.shape())) {
            throw new ShapeException("avgpool backward expects gradient " + Arrays.toString(y.shape()) + ", gets "
                    + Arrays.toString(gradOut.shape()));
        }
        dx = Tensor.reuse(dx, inShape);
        final int h = inShape[2], w = inShape[3], oh = y.dim(2), ow = y.dim(3);
        final float scale = 1f / (kernel * kernel);
        final float[] g = gradOut.data, d = dx.data;
        par.forRange(inShape[0] * inShape[1], PoolShapes.PLANE_GRAIN, (p0, p1) -> {
            Arrays.fill(d, p0 * h * w, p1 * h * w, 0f);
            for (int pl = p0; pl < p1; pl++) {
                int in0 = pl * h * w, out = pl * oh * ow;
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++, out++) {
                        float gv = g[out] * scale;
                        for (int ky = 0; ky < kernel; ky++) {
                            int row = in0 + (oy * stride + ky) * w + ox * stride;
                            for (int kx = 0; kx < kernel; kx++) d[row + kx] += gv;
                        }
                    }
                }
            }
        });
        return dx;
    }

    @Override
    public String kind() { return KIND; }
}
