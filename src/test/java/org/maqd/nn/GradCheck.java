package org.maqd.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;

/**
 * Central finite-difference gradient check for any {@link Layer}: loss L = Σ r·forward(x) with a fixed random
 * r; compares backward's input and parameter gradients with (L(v+h) − L(v−h)) / 2h.
 */
public final class GradCheck {
    private GradCheck() {}

    public static double loss(Layer layer, Tensor x, Tensor r, Mode mode) {
        Tensor y = layer.forward(x, mode);
        double s = 0;
        for (int i = 0; i < y.size(); i++) s += (double) y.data[i] * r.data[i];
        return s;
    }

    /** Checks gradients w.r.t. the input and every parameter; {@code tol} is relative to the largest gradient. */
    public static void check(Layer layer, Tensor x, Mode mode, double h, double tol, long seed) {
        Rng rng = new Rng(seed);
        Tensor y = layer.forward(x, mode);
        Tensor r = Tensor.zeros(y.shape());
        for (int i = 0; i < r.size(); i++) r.data[i] = (float) rng.nextGaussian();
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
            double numeric = (lp - lm) / (2 * h);
            double err = Math.abs(numeric - analytic.data[i]) / maxAbs;
            if (err > worst) { worst = err; worstAt = i; }
        }
        assertTrue(worst <= tol, layer.kind() + " d/d" + what + ": relative error " + worst + " at " + worstAt + " > " + tol);
    }

    public static Tensor random(Rng rng, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) t.data[i] = (float) rng.nextGaussian();
        return t;
    }
}
