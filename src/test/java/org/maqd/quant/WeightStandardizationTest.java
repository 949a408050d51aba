package org.maqd.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.maqd.nn.ShapeException;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;

class WeightStandardizationTest {
    /** Plain double-precision reference: Ŵ = (W − μ)/sqrt(var + ε) per row. */
    static double[] reference(double[] w, int rows) {
        int n = w.length / rows;
        double[] out = new double[w.length];
        for (int r = 0; r < rows; r++) {
            double mu = 0;
            for (int i = 0; i < n; i++) mu += w[r * n + i];
            mu /= n;
            double v = 0;
            for (int i = 0; i < n; i++) v += (w[r * n + i] - mu) * (w[r * n + i] - mu);
            double sd = Math.sqrt(v / n + WeightStandardization.EPS);
            for (int i = 0; i < n; i++) out[r * n + i] = (w[r * n + i] - mu) / sd;
        }
        return out;
    }

    static float[] randn(long seed, int n, double scale) {
        Rng rng = new Rng(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) (scale * rng.nextGaussian());
        return a;
    }

    @Test
    void matchesGoldenStandardizedWeights() {
        JsonNode e = MethodVectors.get("weight_quantizer").get(0);
        int[] shape = new int[2];
        float[] w = MethodVectors.toFloat(MethodVectors.flat2d(e.get("W"), shape));
        double[] expected = MethodVectors.flat2d(e.get("standardized"), new int[2]);
        WeightStandardization ws = new WeightStandardization(null);
        Tensor out = ws.forward(Tensor.of(w, shape));
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], out.data[i], 1e-5, "Ŵ[" + i + "]");
    }

    @Test
    void rowsHaveZeroMeanAndStatsAreExposed() {
        float[] w = randn(1, 5 * 3 * 3 * 3, 0.2);
        WeightStandardization ws = new WeightStandardization(Parallel.serial());
        Tensor out = ws.forward(Tensor.of(w, 5, 3, 3, 3));
        assertEquals(5, ws.rows());
        assertEquals(27, ws.fanIn());
        for (int r = 0; r < 5; r++) {
            double mu = 0, m = 0, v = 0;
            for (int i = 0; i < 27; i++) { mu += w[r * 27 + i]; m += out.data[r * 27 + i]; }
            mu /= 27;
            for (int i = 0; i < 27; i++) v += (w[r * 27 + i] - mu) * (w[r * 27 + i] - mu);
            assertEquals(mu, ws.mean(r), 1e-7);
            assertEquals(Math.sqrt(v / 27 + 1e-5), ws.sigma(r), 1e-7);
            assertEquals(0, m / 27, 1e-6);
        }
    }

    /** Backward equals the finite-difference gradient of L(W) = Σ c·Ŵ(W), Ŵ in double precision. */
    @Test
    void backwardMatchesFiniteDifferences() {
        int rows = 4, n = 7;
        float[] w = randn(2, rows * n, 0.05);
        w[3] = 0.3f;                                   // one outlier so σ is not uniform
        float[] c = randn(3, rows * n, 1.0);
        WeightStandardization ws = new WeightStandardization(null);
        ws.forward(Tensor.of(w, rows, n));
        float[] grad = new float[rows * n];
        grad[0] = 0.25f;                               // accumulation: the result adds to this
        ws.backward(c, grad);
        grad[0] -= 0.25f;
        double[] wd = new double[w.length];
        for (int i = 0; i < w.length; i++) wd[i] = w[i];
        double h = 1e-6;
        for (int i = 0; i < w.length; i++) {
            double keep = wd[i];
            wd[i] = keep + h;
            double lp = dot(c, reference(wd, rows));
            wd[i] = keep - h;
            double lm = dot(c, reference(wd, rows));
            wd[i] = keep;
            double fd = (lp - lm) / (2 * h);
            assertEquals(fd, grad[i], 2e-4 * Math.max(1, Math.abs(fd)), "dL/dW[" + i + "]");
        }
    }

    static double dot(float[] c, double[] v) {
        double s = 0;
        for (int i = 0; i < v.length; i++) s += c[i] * v[i];
        return s;
    }

    @Test
    void identicalForOneOrTwoThreadsAndReusesBuffers() {
        int rows = 64, n = 1000;                       // 8 rows per chunk: 8 chunks
        float[] w = randn(4, rows * n, 0.1), g = randn(5, rows * n, 1);
        WeightStandardization a = new WeightStandardization(Parallel.serial());
        float[] ga = new float[rows * n], gb = new float[rows * n];
        Tensor oa = a.forward(Tensor.of(w, rows, n));
        a.backward(g, ga);
        try (Parallel p2 = new Parallel(2)) {
            WeightStandardization b = new WeightStandardization(p2);
            Tensor ob = b.forward(Tensor.of(w, rows, n));
            b.backward(g, gb);
            assertArrayEquals(oa.data, ob.data);
            assertArrayEquals(ga, gb);
            assertSame(ob, b.forward(Tensor.of(w, rows, n)));
        }
    }

    @Test
    void rejectsBadShapes() {
        WeightStandardization ws = new WeightStandardization(null);
        assertThrows(ShapeException.class, () -> ws.forward(Tensor.zeros(6)));
        assertThrows(IllegalStateException.class, () -> ws.backward(new float[6], new float[6]));
        ws.forward(Tensor.zeros(2, 3));
        assertThrows(ShapeException.class, () -> ws.backward(new float[5], new float[6]));
    }
}
