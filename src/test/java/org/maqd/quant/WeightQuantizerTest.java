package org.maqd.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.maqd.nn.Mode;
import org.maqd.nn.ShapeException;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Tensor;

class WeightQuantizerTest {
    @Test
    void matchesGoldenVectors() {
        JsonNode all = MethodVectors.get("weight_quantizer");
        assertTrue(all.size() >= 5);
        for (JsonNode e : all) {
            int m = e.get("states").asInt();
            double step = e.get("step").asDouble();
            int[] shape = new int[2];
            float[] w = MethodVectors.toFloat(MethodVectors.flat2d(e.get("W"), shape));
            double[] std = MethodVectors.flat2d(e.get("standardized"), new int[2]);
            double[] codes = MethodVectors.flat2d(e.get("codes"), new int[2]);
            double[] wq = MethodVectors.flat2d(e.get("W_q"), new int[2]);
            for (String rule : new String[] {"step", "gaussian"}) {
                WeightQuantizer q = new WeightQuantizer(new WeightQuantizer.Config(m, true, rule, step, null));
                Tensor out = q.forward(Tensor.of(w.clone(), shape), Mode.TRAIN);
                assertEquals(step, q.step(), 1e-5);
                for (int i = 0; i < wq.length; i++) {
                    String where = "M=" + m + " rule " + rule + " [" + i + "]";
                    assertEquals(std[i], q.standardized().data[i], 1e-5, "Ŵ " + where);
                    assertEquals((int) codes[i], q.code(i), "code " + where);
                    // the JSON levels use the 6-decimal step; the gaussian rule's own step differs by < 5e-7
                    assertEquals(wq[i] * (q.step() / step), out.data[i], 1e-5, "W_q " + where);
                    assertEquals(q.level(q.code(i)), out.data[i], 1e-6, "level " + where);
                }
            }
        }
    }

    @Test
    void clipRuleSpansMinusSToS() {
        // M=5, s=2: Δ = 1, levels −2..2; WS off so the input is quantized as is
        WeightQuantizer q = new WeightQuantizer(new WeightQuantizer.Config(5, false, "clip", 2.0, null));
        assertEquals(1.0, q.step(), 0);
        Tensor out = q.forward(Tensor.of(new float[] {-3.1f, -1.4f, -0.5f, 0.5f, 0.51f, 1.5f, 2.6f, 9f}, 2, 4), Mode.TRAIN);
        assertArrayEquals(new float[] {-2, -1, 0, 0, 1, 2, 2, 2}, out.data);
        // codes k = level + 2
        int[] k = new int[8];
        for (int i = 0; i < 8; i++) k[i] = q.code(i);
        assertArrayEquals(new int[] {0, 1, 2, 2, 3, 4, 4, 4}, k);
        // M=2, s=1: Δ = 2, levels ±1 (sign function)
        WeightQuantizer b = new WeightQuantizer(new WeightQuantizer.Config(2, false, "fixed", 1.0, null));
        assertArrayEquals(new float[] {-1, -1, 1, 1},
                b.forward(Tensor.of(new float[] {-5f, -0.01f, 0.01f, 5f}, 1, 4), Mode.TRAIN).data);
    }

    @Test
    void steBackwardMasksOutsideTheClipRange() {
        // M=3, Δ=1 (s=1), WS off: range [−1.5, 1.5]
        WeightQuantizer q = new WeightQuantizer(new WeightQuantizer.Config(3, false, "clip", 1.0, Surrogate.STE));
        q.forward(Tensor.of(new float[] {-2f, -1.5f, 0.3f, 1.49f, 1.51f, 7f}, 2, 3), Mode.TRAIN);
        Tensor g = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor gl = Tensor.of(new float[] {10, 10, 10, 10, 10, 10}, 2, 3);
        q.backward(g, gl);
        assertArrayEquals(new float[] {10, 12, 13, 14, 10, 10}, gl.data);
    }

    /** With WS and a smooth surrogate, backward is the exact gradient of Σ c·Δ·(smooth(Ŵ/Δ + off) − off). */
    @Test
    void backwardMatchesFiniteDifferencesOfSmoothQuantizer() {
        int rows = 3, n = 5;
        for (Surrogate s : new Surrogate[] {Surrogate.SIGMOID, Surrogate.TRIANGLE, new Surrogate(Surrogate.Kind.SIGMOID, 2)}) {
            for (int m : new int[] {2, 3, 4}) {
                float[] w = WeightStandardizationTest.randn(10 + m, rows * n, 0.1);
                float[] c = WeightStandardizationTest.randn(20 + m, rows * n, 1);
                WeightQuantizer q = new WeightQuantizer(new WeightQuantizer.Config(m, true, "gaussian", 0, s));
                q.forward(Tensor.of(w, rows, n), Mode.TRAIN);
                Tensor grad = Tensor.zeros(rows, n);
                q.backward(Tensor.of(c, rows, n), grad);
                double[] wd = new double[w.length];
                for (int i = 0; i < w.length; i++) wd[i] = w[i];
                double h = 1e-6;
                for (int i = 0; i < w.length; i++) {
                    double keep = wd[i];
                    wd[i] = keep + h;
                    double lp = smoothLoss(s, m, q.step(), wd, rows, c);
                    wd[i] = keep - h;
                    double lm = smoothLoss(s, m, q.step(), wd, rows, c);
                    wd[i] = keep;
                    double fd = (lp - lm) / (2 * h);
                    assertEquals(fd, grad.data[i], 5e-4 * Math.max(1, Math.abs(fd)), s.id() + " M=" + m + " [" + i + "]");
                }
            }
        }
    }

    private static double smoothLoss(Surrogate s, int m, double step, double[] w, int rows, float[] c) {
        double[] std = WeightStandardizationTest.reference(w, rows);
        double off = (m - 1) / 2.0, l = 0;
        for (int i = 0; i < w.length; i++) l += c[i] * step * (s.smooth(std[i] / step + off, 0, m - 1) - off);
        return l;
    }

    @Test
    void floatWeightsPassThroughStandardizationOrIdentity() {
        float[] w = WeightStandardizationTest.randn(7, 12, 0.3);
        WeightQuantizer f = new WeightQuantizer(new WeightQuantizer.Config(0, true, "gaussian", 0, null));
        Tensor out = f.forward(Tensor.of(w, 3, 4), Mode.TRAIN);
        double[] wd = new double[12];
        for (int i = 0; i < 12; i++) wd[i] = w[i];
        double[] ref = WeightStandardizationTest.reference(wd, 3);
        for (int i = 0; i < 12; i++) assertEquals(ref[i], out.data[i], 1e-6);
        assertTrue(Double.isNaN(f.step()));
        assertEquals(0, f.codes().length);
        assertTrue(f.wsSigma(1) > 0);

        WeightQuantizer id = new WeightQuantizer(new WeightQuantizer.Config(0, false, "gaussian", 0, null));
        assertArrayEquals(w, id.forward(Tensor.of(w, 3, 4), Mode.TRAIN).data);
        Tensor g = Tensor.of(new float[12], 3, 4);
        id.backward(Tensor.of(w, 3, 4), g);
        assertArrayEquals(w, g.data);
        assertThrows(IllegalStateException.class, () -> id.wsMean(0));
    }

    @Test
    void identicalForOneOrTwoThreadsAndReusesBuffers() {
        int rows = 96, n = 700;
        float[] w = WeightStandardizationTest.randn(8, rows * n, 0.05);
        float[] g = WeightStandardizationTest.randn(9, rows * n, 1);
        WeightQuantizer.Config cfg = new WeightQuantizer.Config(4, true, "gaussian", 0, Surrogate.SIGMOID);
        WeightQuantizer a = new WeightQuantizer(cfg, Parallel.serial());
        Tensor oa = a.forward(Tensor.of(w, rows, n), Mode.TRAIN);
        Tensor ga = Tensor.zeros(rows, n);
        a.backward(Tensor.of(g, rows, n), ga);
        try (Parallel p2 = new Parallel(2)) {
            WeightQuantizer b = new WeightQuantizer(cfg, p2);
            Tensor ob = b.forward(Tensor.of(w, rows, n), Mode.TRAIN);
            Tensor gb = Tensor.zeros(rows, n);
            b.backward(Tensor.of(g, rows, n), gb);
            assertArrayEquals(oa.data, ob.data);
            assertArrayEquals(a.codes(), b.codes());
            assertArrayEquals(ga.data, gb.data);
            byte[] codes = b.codes();
            assertSame(ob, b.forward(Tensor.of(w, rows, n), Mode.TRAIN));
            assertSame(codes, b.codes());
        }
    }

    @Test
    void validatesConfigAndShapes() {
        assertThrows(IllegalArgumentException.class, () -> WeightQuantizer.Config.gaussian(1));
        assertThrows(IllegalArgumentException.class, () -> WeightQuantizer.Config.gaussian(257));
        assertThrows(IllegalArgumentException.class, () -> new WeightQuantizer.Config(3, true, "minmax", 1, null));
        assertThrows(IllegalArgumentException.class, () -> WeightQuantizer.Config.clip(3, 0));
        WeightQuantizer q = new WeightQuantizer(WeightQuantizer.Config.gaussian(3));
        assertEquals(Surrogate.STE, q.config().surrogate());
        assertThrows(ShapeException.class, () -> q.forward(Tensor.zeros(5), Mode.TRAIN));
        assertThrows(IllegalStateException.class, () -> q.backward(Tensor.zeros(2, 2), Tensor.zeros(2, 2)));
        q.forward(Tensor.zeros(2, 3), Mode.TRAIN);
        assertThrows(ShapeException.class, () -> q.backward(Tensor.zeros(2, 2), Tensor.zeros(2, 3)));
    }
}
