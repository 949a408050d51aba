package org.maqd.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.maqd.nn.Mode;
import org.maqd.nn.Param;
import org.maqd.nn.ShapeException;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Tensor;

class ActivationQuantizerTest {
    private static final String[][] GRADS = {{"ste", "grad_ste"}, {"sigmoid", "grad_sigmoid_alpha4"},
            {"triangle", "grad_triangle"}};

    @Test
    void matchesGoldenCodesValuesAndSurrogateGradients() {
        JsonNode all = MethodVectors.get("activation_quantizer");
        assertEquals(3, all.size());
        for (JsonNode e : all) {
            int m = e.get("states").asInt();
            double step = e.get("step").asDouble();
            float[] x = MethodVectors.toFloat(MethodVectors.doubles(e.get("x")));
            double[] codes = MethodVectors.doubles(e.get("codes"));
            double[] qa = MethodVectors.doubles(e.get("Q_a"));
            for (String[] sg : GRADS) {
                ActivationQuantizer q = new ActivationQuantizer(
                        ActivationQuantizer.Config.fixed(m, step, Surrogate.parse(sg[0])));
                Tensor y = q.forward(Tensor.of(x.clone(), x.length), Mode.TRAIN);
                for (int i = 0; i < x.length; i++) {
                    assertEquals((int) codes[i], q.code(i), "M=" + m + " code[" + i + "]");
                    assertEquals(qa[i], y.data[i], 1e-5, "M=" + m + " Q_a[" + i + "]");
                }
                float[] ones = new float[x.length];
                java.util.Arrays.fill(ones, 1f);
                Tensor g = q.backward(Tensor.of(ones, x.length));
                double[] expected = MethodVectors.doubles(e.get(sg[1]));
                for (int i = 0; i < x.length; i++) {
                    assertEquals(expected[i], g.data[i], 1e-5, "M=" + m + " " + sg[1] + "[" + i + "]");
                }
            }
            // the gaussian rule picks the same step (to 6 decimals), hence the same codes
            ActivationQuantizer gq = new ActivationQuantizer(ActivationQuantizer.Config.gaussian(m, null));
            assertEquals(step, gq.step(), 1e-5);
            gq.forward(Tensor.of(x.clone(), x.length), Mode.EVAL);
            for (int i = 0; i < x.length; i++) assertEquals((int) codes[i], gq.code(i));
        }
    }

    /** gradIn equals the finite-difference gradient of Σ c·Δ·smooth(x/Δ) for the smooth surrogates. */
    @Test
    void backwardMatchesFiniteDifferencesOfSmoothStaircase() {
        float[] x = WeightStandardizationTest.randn(31, 60, 1.2);
        float[] c = WeightStandardizationTest.randn(32, 60, 1.0);
        for (Surrogate s : new Surrogate[] {Surrogate.SIGMOID, Surrogate.TRIANGLE, new Surrogate(Surrogate.Kind.SIGMOID, 1.5)}) {
            for (int m : new int[] {2, 3, 4, 16}) {
                ActivationQuantizer q = new ActivationQuantizer(ActivationQuantizer.Config.gaussian(m, s));
                q.forward(Tensor.of(x, 6, 10), Mode.TRAIN);
                Tensor g = q.backward(Tensor.of(c, 6, 10));
                double d = q.step(), h = 1e-6;
                for (int i = 0; i < x.length; i++) {
                    double fd = c[i] * d * (s.smooth((x[i] + h) / d, 0, m - 1) - s.smooth((x[i] - h) / d, 0, m - 1)) / (2 * h);
                    assertEquals(fd, g.data[i], 1e-5 * Math.max(1, Math.abs(fd)), s.id() + " M=" + m + " [" + i + "]");
                }
            }
        }
    }

    @Test
    void zeroStatesIsRelu() {
        ActivationQuantizer q = new ActivationQuantizer(ActivationQuantizer.Config.relu());
        Tensor y = q.forward(Tensor.of(new float[] {-1f, 0f, 0.5f, 3f}, 2, 2), Mode.TRAIN);
        assertArrayEquals(new float[] {0f, 0f, 0.5f, 3f}, y.data);
        assertArrayEquals(new float[] {0f, 0f, 3f, 4f}, q.backward(Tensor.of(new float[] {1, 2, 3, 4}, 2, 2)).data);
        assertTrue(q.params().isEmpty());
        assertEquals("qact", q.kind());
    }

    @Test
    void learnedStepHasTheLsqGradient() {
        ActivationQuantizer q = new ActivationQuantizer(new ActivationQuantizer.Config(4, "learned", 0.5, Surrogate.STE, false));
        assertEquals(1, q.params().size());
        Param p = q.params().get(0);
        assertEquals("step", p.name);
        assertEquals(false, p.decay);
        assertEquals(0.5, p.value.data[0], 0);
        // t = x/Δ = {−0.6, 0.4, 1.8, 2.6, 10}: ∂Q/∂Δ = {0, −0.4, 0.2, 0.4, 3}
        Tensor x = Tensor.of(new float[] {-0.3f, 0.2f, 0.9f, 1.3f, 5.0f}, 1, 5);
        Tensor y = q.forward(x, Mode.TRAIN);
        assertArrayEquals(new float[] {0f, 0f, 1f, 1.5f, 1.5f}, y.data);
        Tensor go = Tensor.of(new float[] {1, 2, 3, 4, 5}, 1, 5);
        Tensor gi = q.backward(go);
        assertArrayEquals(new float[] {0f, 2f, 3f, 4f, 0f}, gi.data);   // ste mask [−0.25, 1.75]
        double expected = 0 + 2 * -0.4 + 3 * 0.2 + 4 * 0.4 + 5 * 3;
        assertEquals(expected, p.grad.data[0], 1e-5);
        q.backward(go);                                                   // accumulates
        assertEquals(2 * expected, p.grad.data[0], 1e-5);

        ActivationQuantizer scaled = new ActivationQuantizer(new ActivationQuantizer.Config(4, "learned", 0.5, Surrogate.STE, true));
        scaled.forward(x, Mode.TRAIN);
        scaled.backward(go);
        assertEquals(expected / Math.sqrt(5 * 3), scaled.params().get(0).grad.data[0], 1e-5);
    }

    @Test
    void learnedStepStartsAtGaussianAndIsFloored() {
        ActivationQuantizer q = new ActivationQuantizer(ActivationQuantizer.Config.learned(3, Surrogate.SIGMOID, false));
        assertEquals(GaussianStep.unsigned(3), q.step(), 1e-6);
        q.stepParam().value.data[0] = -2f;
        assertEquals(ActivationQuantizer.MIN_STEP, q.step());
        q.forward(Tensor.of(new float[] {1e-6f, 3e-6f}, 2), Mode.TRAIN);
        assertEquals(1, q.code(0));
        assertEquals(2, q.code(1));
    }

    @Test
    void keepsInputAndCodesForProbesAndReusesBuffers() {
        float[] x = WeightStandardizationTest.randn(40, 2 * 3 * 4 * 5, 1);
        ActivationQuantizer q = new ActivationQuantizer(ActivationQuantizer.Config.gaussian(3, null));
        assertArrayEquals(new int[] {2, 3, 4, 5}, q.outputShape(new int[] {2, 3, 4, 5}));
        Tensor in = Tensor.of(x.clone(), 2, 3, 4, 5);
        Tensor y = q.forward(in, Mode.TRAIN);
        assertArrayEquals(new int[] {2, 3, 4, 5}, y.shape());
        assertSame(in, q.lastInput());                      // read in place, no copy pass
        assertArrayEquals(x, q.lastInput().data);
        for (int i = 0; i < x.length; i++) {
            assertEquals(RoundClip.code(x[i], q.step(), 0, 2), q.code(i));
            assertEquals(q.lastCodes()[i], (byte) q.code(i));
        }
        assertSame(y, q.forward(Tensor.of(x.clone(), 2, 3, 4, 5), Mode.TRAIN));
        assertSame(y, q.lastOutput());
    }

    @Test
    void identicalForOneOrTwoThreads() {
        int n = 3 * 40000;   // several chunks
        float[] x = WeightStandardizationTest.randn(50, n, 1.5);
        float[] g = WeightStandardizationTest.randn(51, n, 1);
        ActivationQuantizer.Config cfg = ActivationQuantizer.Config.learned(4, Surrogate.SIGMOID, true);
        ActivationQuantizer a = new ActivationQuantizer(cfg, Parallel.serial());
        Tensor ya = a.forward(Tensor.of(x, 3, 40000), Mode.TRAIN).copy();
        Tensor ga = a.backward(Tensor.of(g, 3, 40000)).copy();
        try (Parallel p2 = new Parallel(2)) {
            ActivationQuantizer b = new ActivationQuantizer(cfg, p2);
            Tensor yb = b.forward(Tensor.of(x, 3, 40000), Mode.TRAIN);
            Tensor gb = b.backward(Tensor.of(g, 3, 40000));
            assertArrayEquals(ya.data, yb.data);
            assertArrayEquals(ga.data, gb.data);
            assertEquals(a.stepParam().grad.data[0], b.stepParam().grad.data[0], 0f);
        }
    }

    @Test
    void validatesConfigAndShapes() {
        assertThrows(IllegalArgumentException.class, () -> ActivationQuantizer.Config.gaussian(1, null));
        assertThrows(IllegalArgumentException.class, () -> ActivationQuantizer.Config.gaussian(300, null));
        assertThrows(IllegalArgumentException.class, () -> ActivationQuantizer.Config.fixed(3, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new ActivationQuantizer.Config(3, "minmax", 1, null, false));
        assertThrows(IllegalArgumentException.class, () -> new ActivationQuantizer.Config(0, "learned", 1, null, false));
        ActivationQuantizer q = new ActivationQuantizer(ActivationQuantizer.Config.gaussian(2, null));
        assertEquals(Surrogate.STE, q.surrogate());
        assertThrows(IllegalStateException.class, () -> q.backward(Tensor.zeros(2)));
        assertThrows(ShapeException.class, () -> q.outputShape(new int[0]));
        q.forward(Tensor.zeros(2, 3), Mode.TRAIN);
        assertThrows(ShapeException.class, () -> q.backward(Tensor.zeros(2, 2)));
    }
}
