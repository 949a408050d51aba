package org.maqd.nn;

import java.util.Arrays;

/** Shape checks shared by the pooling layers. */
final class PoolShapes {
    private PoolShapes() {}

    /** [B, C, OH, OW] for a window that must fit inside [B, C, H, W] (no padding). */
    static int[] windowed(String kind, int kernel, int stride, int[] in) {
        requireNchw(kind, in);
        if (in[2] < kernel || in[3] < kernel) {
            throw new ShapeException(kind + " window " + kernel + "x" + kernel + " does not fit input "
                    + in[2] + "x" + in[3]);
        }
        return new int[] {in[0], in[1], (in[2] - kernel) / stride + 1, (in[3] - kernel) / stride + 1};
    }

    static void requireNchw(String kind, int[] in) {
        if (in.length != 4) {
            throw new ShapeException(kind + " expects input [batch, channels, height, width], gets " + Arrays.toString(in));
        }
    }

    static void checkWindow(String kind, int kernel, int stride) {
        if (kernel < 1 || stride < 1) {
            throw new IllegalArgumentException(kind + " needs kernel >= 1 and stride >= 1, got kernel=" + kernel + " stride=" + stride);
        }
    }

    /** Planes per parallel chunk: a constant, so chunking depends only on the number of planes. */
    static final int PLANE_GRAIN = 16;
}
