package org.maqd.tensor.ref;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.maqd.tensor.Rng;

class RefConvTest {
    @Test
    void handComputedCrossCorrelation() {
        // x = 1..9 in a 3x3 plane; kernel [[1, 0], [0, -1]]; no padding -> y[i,j] = x[i,j] - x[i+1,j+1] = -4
        float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        float[] w = {1, 0, 0, -1};
        float[] y = RefConv.forward(x, 1, 1, 3, 3, w, 1, 2, 2, new float[] {0.5f}, 1, 0);
        assertArrayEquals(new float[] {-3.5f, -3.5f, -3.5f, -3.5f}, y);
        // padding 1, stride 2: outputs at (-1,-1), (-1,1), (1,-1), (1,1) of the padded grid
        float[] yp = RefConv.forward(x, 1, 1, 3, 3, w, 1, 2, 2, null, 2, 1);
        assertArrayEquals(new float[] {-1, -3, -7, -4}, yp);
    }

    @Test
    void backwardMatchesFiniteDifferencesInDouble() {
        Rng rng = new Rng(3);
        int b = 2, c = 2, h = 5, wd = 4, o = 3, k = 3, s = 2, p = 1;
        float[] x = new float[b * c * h * wd], w = new float[o * c * k * k], bias = new float[o];
        for (int i = 0; i < x.length; i++) x[i] = rng.nextFloat() - 0.5f;
        for (int i = 0; i < w.length; i++) w[i] = rng.nextFloat() - 0.5f;
        int oh = (h + 2 * p - k) / s + 1, ow = (wd + 2 * p - k) / s + 1;
        float[] r = new float[b * o * oh * ow];
        for (int i = 0; i < r.length; i++) r[i] = rng.nextFloat() - 0.5f;
        float[] dx = new float[x.length], dw = new float[w.length], db = new float[o];
        RefConv.backward(x, b, c, h, wd, w, o, k, k, s, p, r, dx, dw, db);
        float eps = 1e-2f;
        for (int i = 0; i < x.length; i += 3) {
            float v = x[i];
            x[i] = v + eps;
            double lp = dot(RefConv.forward(x, b, c, h, wd, w, o, k, k, bias, s, p), r);
            x[i] = v - eps;
            double lm = dot(RefConv.forward(x, b, c, h, wd, w, o, k, k, bias, s, p), r);
            x[i] = v;
            assertEquals((lp - lm) / (2 * eps), dx[i], 1e-3, "dx[" + i + "]");
        }
        for (int i = 0; i < w.length; i += 2) {
            float v = w[i];
            w[i] = v + eps;
            double lp = dot(RefConv.forward(x, b, c, h, wd, w, o, k, k, bias, s, p), r);
            w[i] = v - eps;
            double lm = dot(RefConv.forward(x, b, c, h, wd, w, o, k, k, bias, s, p), r);
            w[i] = v;
            assertEquals((lp - lm) / (2 * eps), dw[i], 1e-3, "dw[" + i + "]");
        }
        for (int f = 0; f < o; f++) {
            double sum = 0;
            for (int i = 0; i < b; i++) for (int q = 0; q < oh * ow; q++) sum += r[(i * o + f) * oh * ow + q];
            assertEquals(sum, db[f], 1e-5, "db[" + f + "]");
        }
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (double) a[i] * b[i];
        return s;
    }
}
