package org.maqd.nn;

import java.util.Arrays;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Tensor;

/**
 * Global average pooling: [B, C, H, W] → [B, C], each output the mean of its H·W plane (summed in double);
 * backward spreads dy / (H·W) over the plane.
 */
public final class GlobalAvgPool implements Layer {
    public static final String KIND = "globalavgpool";

    private final Parallel par;
    private int[] inShape;
    private Tensor y, dx;

    public GlobalAvgPool(Parallel par) { this.par = par == null ? Parallel.serial() : par; }

    public GlobalAvgPool() { this(null); }

    /** The thread pool the planes are split over. */
    public Parallel parallel() { return par; }

    @Override
    public int[] outputShape(int[] in) {
        PoolShapes.requireNchw(KIND, in);
        if (in[2] < 1 || in[3] < 1) {
            throw new ShapeException(KIND + " needs a non-empty plane, gets " + in[2] + "x" + in[3]);
        }
        return new int[] {in[0], in[1]};
    }

    @Override
    public Tensor forward(Tensor x, Mode mode) {
        int[] os = outputShape(x.shape());
        inShape = x.shape();
        y = Tensor.reuse(y, os);
        final int plane = inShape[2] * inShape[3];
        final float[] xd = x.data, yd = y.data;
        // x: [B·C planes, H·W] -> y: [B·C]
        par.forRange(os[0] * os[1], PoolShapes.PLANE_GRAIN, (p0, p1) -> {
            for (int pl = p0; pl < p1; pl++) {
                double s = 0;
                for (int i = pl * plane, e = i + plane; i < e; i++) s += xd[i];
                yd[pl] = (float) (s / plane);
            }
        });
        return y;
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        if (inShape == null) throw new IllegalStateException("globalavgpool backward called before forward");
        if (!gradOut.hasShape(y.shape())) {
            throw new ShapeException("globalavgpool backward expects gradient " + Arrays.toString(y.shape())
                    + ", gets " + Arrays.toString(gradOut.shape()));
        }
        dx = Tensor.reuse(dx, inShape);
        final int plane = inShape[2] * inShape[3];
        final float[] g = gradOut.data, d = dx.data;
        par.forRange(inShape[0] * inShape[1], PoolShapes.PLANE_GRAIN, (p0, p1) -> {
            for (int pl = p0; pl < p1; pl++) Arrays.fill(d, pl * plane, (pl + 1) * plane, g[pl] / plane);
        });
        return dx;
    }

    @Override
    public String kind() { return KIND; }
}
