package org.maqd.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Supplier;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;

/**
 * Central finite differences for layers. The probe loss is L = Σ y ⊙ r for a fixed random r (so dL/dy = r),
 * summed in double; analytic gradients come from the layer's backward.
 */
final class GradCheck {
    private GradCheck() {}

    static Tensor random(Rng rng, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.data.length; i++) t.data[i] = rng.nextFloat() * 2f - 1f;
        return t;
    }

    static double loss(Layer layer, Tensor x, Tensor r) {
        Tensor y = layer.forward(x, Mode.TRAIN);
        double s = 0;
        for (int i = 0; i < y.data.length; i++) s += (double) y.data[i] * r.data[i];
        return s;
    }

    /**
     * Checks d(loss)/d(values[i]) against {@code analytic[i]} for {@code samples} indices (all if fewer).
     * {@code values} is the array perturbed in place (an input or a parameter).
     */
    static void check(String what, Supplier<Double> lossFn, float[] values, float[] analytic, int samples,
                      float eps, double relTol, Rng pick) {
        int n = values.length;
        for (int t = 0; t < Math.min(samples, n); t++) {
            int i = samples >= n ? t : pick.nextInt(n);
            float v = values[i];
            values[i] = v + eps;
            double lp = lossFn.get();
            values[i] = v - eps;
            double lm = lossFn.get();
            values[i] = v;
            double num = (lp - lm) / (2.0 * eps);
            double tol = relTol * Math.max(1.0, Math.abs(num));
            assertEquals(num, analytic[i], tol, what + "[" + i + "]");
        }
    }
}
