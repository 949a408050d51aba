package org.maqd.tensor;

/** Small helpers for shape arithmetic. */
public final class Shapes {
    private Shapes() {}

    public static int size(int... shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension " + d);
            n *= d;
        }
        if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("tensor too large: " + n + " elements");
        return (int) n;
    }

    /** Output length of a convolution or pooling window along one axis. */
    public static int convOut(int in, int kernel, int stride, int padding) {
        return (in + 2 * padding - kernel) / stride + 1;
    }
}
