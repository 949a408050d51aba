package org.maqd.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;

/**
 * Central finite differences for layers. The probe loss is L = Σ y ⊙ r for a fixed random r (so dL/dy = r),
 * summed in double; analytic gradients come from the layer's backward.
 */
public final class GradCheck {
    private GradCheck() {}

    /** Uniform in [−1, 1). */
    public static Tensor random(Rng rng, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.data.length; i++) t.data[i] = rng.nextFloat() * 2f - 1f;
        return t;
    }

    public static double loss(Layer layer, Tensor x, Tensor r) { return loss(layer, x, r, Mode.TRAIN); }

    public static double loss(Layer layer, Tensor x, Tensor r, Mode mode) {
        Tensor y = layer.forward(x, mode);
        double s = 0;
        for (int i = 0; i < y.data.length; i++) s += (double) y.data[i] * r.data[i];
        return s;
    }

    /**
     * Checks d(loss)/d(values[i]) against {@code analytic[i]} for {@code samples} indices (all if fewer).
     * {@code values} is the array perturbed in place (an input or a parameter).
     */
    public static void check(String what, Supplier<Double> lossFn, float[] values, float[] analytic, int samples,
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

    /**
     * Checks every input and parameter gradient of {@code layer} at {@code x}; the error is relative to the
     * largest analytic gradient of that tensor.
     */
    public static void check(Layer layer, Tensor x, Mode mode, double h, double tol, long seed) {
        Rng rng = new Rng(seed);
        Tensor y = layer.forward(x, mode);
        Tensor r = random(rng, y.shape());
        for (Param p : layer.params()) p.zeroGrad();
        layer.forward(x, mode);
        Tensor gx = layer.backward(r).copy();
        compare("input", gx, x, layer, x, r, mode, h, tol);
        for (Param p : layer.params()) compare(p.name, p.grad.copy(), p.value, layer, x, r, mode, h, tol);
    }

    private static void compare(String what, Tensor analytic, Tensor wrt, Layer layer, Tensor x, Tensor r, Mode mode,
                                double h, double tol) {
        double maxAbs = 1e-6;
        for (float v : analytic.data) maxAbs = Math.max(maxAbs, Math.abs(v));
        double worst = 0;
        int worstAt = -1;
        for (int i = 0; i < wrt.size(); i++) {
            float keep = wrt.data[i];
            wrt.data[i] = (float) (keep + h);
            double lp = loss(layer, x, r, mode);
            wrt.data[i] = (float) (keep - h);
            double lm = loss(layer, x, r, mode);
            wrt.data[i] = keep;
            double err = Math.abs((lp - lm) / (2 * h) - analytic.data[i]) / maxAbs;
            if (err > worst) { worst = err; worstAt = i; }
        }
        assertTrue(worst <= tol, layer.kind() + " d/d" + what + ": relative error " + worst + " at " + worstAt + " > " + tol);
    }
}
