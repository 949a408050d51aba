package org.maqd.tensor.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The vector plane passes give the plain loops' bits (raw bits, signed zeros included) for plane ranges around the vector size. */
class PlaneAffineTest {
    @Test
    void vectorPlanePassesEqualThePlainLoopsBitForBit() {
        Random r = new Random(7);
        int n = 900;
        float[] x = gauss(r, n), d = gauss(r, n), hx = gauss(r, n);
        x[3] = -0f; x[20] = 0f; d[5] = -0f; hx[17] = -0f;
        int[][] ranges = {{0, 0}, {0, 1}, {3, 10}, {0, 15}, {1, 17}, {0, 16}, {5, 37}, {0, 49}, {49, 98}, {7, 203}, {0, 784}, {100, 900}};
        float[][] consts = {{0.3f, 1.7f, -0.8f, 0.05f}, {-1.25f, 0.02f, 3f, -0f}, {0f, 1f, 1f, 0f}};
        for (int[] rg : ranges) {
            for (float[] c : consts) {
                String at = "range " + rg[0] + ".." + rg[1] + " consts " + c[0];
                float[] h1 = x.clone(), y1 = d.clone(), h2 = x.clone(), y2 = d.clone();
                PlaneAffine.normalizePlain(x, c[0], c[1], c[2], c[3], h1, y1, rg[0], rg[1]);
                PlaneAffine.normalize(x, c[0], c[1], c[2], c[3], h2, y2, rg[0], rg[1]);
                assertArrayEquals(bits(h1), bits(h2), "normalize x̂ " + at);
                assertArrayEquals(bits(y1), bits(y2), "normalize y " + at);
                h1 = x.clone(); y1 = d.clone(); h2 = x.clone(); y2 = d.clone();
                PlaneAffine.evaluatePlain(x, c[0], c[1], c[2], c[3], h1, y1, rg[0], rg[1]);
                PlaneAffine.evaluate(x, c[0], c[1], c[2], c[3], h2, y2, rg[0], rg[1]);
                assertArrayEquals(bits(h1), bits(h2), "evaluate x̂ " + at);
                assertArrayEquals(bits(y1), bits(y2), "evaluate y " + at);
                float[] o1 = x.clone(), o2 = x.clone();
                PlaneAffine.gradientPlain(c[0], c[2], c[3], d, hx, o1, rg[0], rg[1]);
                PlaneAffine.gradient(c[0], c[2], c[3], d, hx, o2, rg[0], rg[1]);
                assertArrayEquals(bits(o1), bits(o2), "gradient " + at);
            }
        }
    }

    @Test
    void fusedSumAndDotEqualTheSeparateReductionsBitForBit() {
        Random r = new Random(9);
        int n = 900;
        float[] d = gauss(r, n), h = gauss(r, n);
        d[2] = -0f;
        double[] s = new double[1], t = new double[1];
        for (int[] rg : new int[][] {{0, 0}, {0, 1}, {3, 10}, {0, 15}, {1, 17}, {0, 16}, {5, 37}, {0, 49}, {49, 98}, {7, 203}, {0, 784}, {100, 900}}) {
            PlaneAffine.sumAndDot(d, h, rg[0], rg[1], s, t, 0);
            org.junit.jupiter.api.Assertions.assertEquals(Double.doubleToRawLongBits(Reductions.sum(d, rg[0], rg[1])),
                    Double.doubleToRawLongBits(s[0]), "sum " + rg[0] + ".." + rg[1]);
            org.junit.jupiter.api.Assertions.assertEquals(Double.doubleToRawLongBits(Reductions.dot(d, h, rg[0], rg[1])),
                    Double.doubleToRawLongBits(t[0]), "dot " + rg[0] + ".." + rg[1]);
        }
    }

    static int[] bits(float[] a) {
        int[] b = new int[a.length];
        for (int i = 0; i < a.length; i++) b[i] = Float.floatToRawIntBits(a[i]);
        return b;
    }

    private static float[] gauss(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(7) - 3));
        return a;
    }
}
