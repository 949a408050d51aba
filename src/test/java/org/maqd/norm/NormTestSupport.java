package org.maqd.norm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.maqd.nn.Mode;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Shapes;
import org.maqd.tensor.Tensor;

/** Shared helpers for the norm tests: random tensors, conversions, and a seeded layer setup. */
final class NormTestSupport {
    private NormTestSupport() {}

    static final String[] KINDS = {"lbn", "bn", "ln", "gn"};

    /** A scalar loss evaluated in double. */
    @FunctionalInterface
    interface DoubleLoss { double value(); }

    /** Gaussian tensor scaled and shifted so that means and variances are not already 0 and 1. */
    static Tensor gaussian(Rng rng, double scale, double shift, int... shape) {
        float[] d = new float[Shapes.size(shape)];
        for (int i = 0; i < d.length; i++) d[i] = (float) (shift + scale * rng.nextGaussian());
        return Tensor.of(d, shape);
    }

    /** A norm with random γ in [0.5, 1.5] and β in [−0.5, 0.5]; GN uses {@code groups}. */
    static Norm make(String kind, int channels, int groups, Parallel par, Rng rng) {
        Norm n = Norms.create(kind, channels, groups, par);
        float[] g = n.weight().value.data, b = n.bias().value.data;
        for (int c = 0; c < channels; c++) {
            g[c] = 0.5f + rng.nextFloat();
            b[c] = rng.nextFloat() - 0.5f;
        }
        return n;
    }

    static double[] toDouble(float[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) r[i] = a[i];
        return r;
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (double) a[i] * b[i];
        return s;
    }

    /** Loss {@code Σ g·y} of a training forward, in double. */
    static double loss(Norm n, Tensor x, float[] g) {
        return dot(n.forward(x, Mode.TRAIN).data, g);
    }

    static void assertClose(double[] expected, float[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i], a = actual[i];
            assertTrue(Math.abs(e - a) <= tol * Math.max(1, Math.abs(e)),
                    what + "[" + i + "]: expected " + e + ", got " + a + " (tolerance " + tol + ")");
        }
    }

    static void assertClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i], a = actual[i];
            assertTrue(Math.abs(e - a) <= tol * Math.max(1, Math.abs(e)),
                    what + "[" + i + "]: expected " + e + ", got " + a + " (tolerance " + tol + ")");
        }
    }
}
