package org.maqd.norm;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.maqd.norm.NormTestSupport.KINDS;
import static org.maqd.norm.NormTestSupport.gaussian;
import static org.maqd.norm.NormTestSupport.loss;
import static org.maqd.norm.NormTestSupport.make;

import org.junit.jupiter.api.Test;
import org.maqd.nn.Mode;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;

/**
 * Finite-difference checks of dL/dx, dL/dγ and dL/dβ for L = Σ g·y with a random upstream g.
 *
 * <p>Float layer: central differences at h = 4e-2 and h/2, combined by Richardson extrapolation (truncation
 * O(h⁴); plain central differences at h = 1e-2 were off by 30% on GN's 4-element groups), the loss summed in
 * double. The dominant noise is not y's own rounding but the float rounding of the statistics: a perturbation
 * moves μ and 1/σ, whose float values jump by ~6e-8 relative, shifting all N outputs together, so the loss
 * moves by ~6e-8·Σ|g·y| ≈ 1e-5 for N = 144; over a step of 2e-2 that is ~5e-4 at worst. Measured worst
 * relative error over all cases: 1.2e-4 (3e-4 with h = 1e-2). The tolerance 1e-3·max(1, |fd|) keeps an 8×
 * margin and stays far below the size of a real mistake (a dropped mean term changes gradients by ~0.1).
 *
 * <p>Double reference, h = 1e-6: rounding ~1e-16/1e-6 = 1e-10, truncation ~1e-12; tolerance 1e-7.
 */
class NormGradientCheckTest {
    private static final int[][] SHAPES = {{3, 8, 3, 2}, {4, 8}};
    private static final int GROUPS = 2;

    @Test
    void floatLayersMatchFiniteDifferencesForInputGammaAndBeta() {
        for (String kind : KINDS) {
            for (int[] shape : SHAPES) {
                Rng rng = new Rng(17 + kind.hashCode());
                Norm n = make(kind, shape[1], GROUPS, Parallel.serial(), rng);
                Tensor x = gaussian(rng, 1.5, 0.3, shape);
                float[] g = gaussian(rng, 1.0, 0.0, shape).data;
                n.forward(x, Mode.TRAIN);
                float[] dx = n.backward(Tensor.of(g.clone(), shape)).data.clone();
                String tag = kind + " " + java.util.Arrays.toString(shape);
                check(tag + " dx", dx, x.data, () -> loss(n, x, g), 4e-2, 1e-3);
                check(tag + " dgamma", n.weight().grad.data, n.weight().value.data, () -> loss(n, x, g), 4e-2, 1e-3);
                check(tag + " dbeta", n.bias().grad.data, n.bias().value.data, () -> loss(n, x, g), 4e-2, 1e-3);
            }
        }
    }

    @Test
    void evalModeGradientsOfFoldableNormsMatchFiniteDifferences() {
        for (String kind : new String[] {"lbn", "bn"}) {
            Rng rng = new Rng(5);
            int[] shape = {3, 8, 2, 2};
            Norm n = make(kind, 8, 1, Parallel.serial(), rng);
            for (int i = 0; i < 3; i++) n.forward(gaussian(rng, 2.0, 1.0, shape), Mode.TRAIN);
            Tensor x = gaussian(rng, 1.0, 0.0, shape);
            float[] g = gaussian(rng, 1.0, 0.0, shape).data;
            n.forward(x, Mode.EVAL);
            float[] dx = n.backward(Tensor.of(g.clone(), shape)).data.clone();
            NormTestSupport.DoubleLoss l = () -> NormTestSupport.dot(n.forward(x, Mode.EVAL).data, g);
            check(kind + " eval dx", dx, x.data, l, 4e-2, 1e-3);
            check(kind + " eval dgamma", n.weight().grad.data, n.weight().value.data, l, 4e-2, 1e-3);
            check(kind + " eval dbeta", n.bias().grad.data, n.bias().value.data, l, 4e-2, 1e-3);
        }
    }

    @Test
    void doubleReferenceMatchesFiniteDifferencesTightly() {
        for (String kind : KINDS) {
            for (int[] shape : SHAPES) {
                Rng rng = new Rng(99);
                int cs = shape[1], size = x(shape);
                double[] x = new double[size], dy = new double[size], gamma = new double[cs], beta = new double[cs];
                for (int i = 0; i < size; i++) {
                    x[i] = 0.3 + 1.5 * rng.nextGaussian();
                    dy[i] = rng.nextGaussian();
                }
                for (int c = 0; c < cs; c++) {
                    gamma[c] = 0.5 + rng.nextDouble();
                    beta[c] = rng.nextDouble() - 0.5;
                }
                NormReference.Step s = NormReference.train(kind, GROUPS, shape, x, gamma, beta, dy);
                String tag = "reference " + kind + " " + java.util.Arrays.toString(shape);
                checkDouble(tag + " dx", s.gradX(), x, () -> refLoss(kind, shape, x, gamma, beta, dy));
                checkDouble(tag + " dgamma", s.gradGamma(), gamma, () -> refLoss(kind, shape, x, gamma, beta, dy));
                checkDouble(tag + " dbeta", s.gradBeta(), beta, () -> refLoss(kind, shape, x, gamma, beta, dy));
            }
        }
    }

    private static int x(int[] shape) {
        int n = 1;
        for (int d : shape) n *= d;
        return n;
    }

    private static double refLoss(String kind, int[] shape, double[] x, double[] gamma, double[] beta, double[] dy) {
        double[] y = NormReference.train(kind, GROUPS, shape, x, gamma, beta, null).y();
        double s = 0;
        for (int i = 0; i < y.length; i++) s += y[i] * dy[i];
        return s;
    }

    /** Central differences on each entry of {@code v} (a float array the loss reads). */
    private static void check(String what, float[] analytic, float[] v, NormTestSupport.DoubleLoss f, double h,
                              double tol) {
        float[] a = analytic.clone();
        for (int i = 0; i < v.length; i++) {
            double fd1 = central(v, i, h, f), fd2 = central(v, i, h / 2, f);
            double fd = (4 * fd2 - fd1) / 3;            // Richardson: truncation O(h^4)
            double err = Math.abs(fd - a[i]) / Math.max(1, Math.abs(fd));
            assertTrue(err <= tol, what + "[" + i + "]: analytic " + a[i] + ", finite difference " + fd);
        }
    }

    /** (L(v + h) − L(v − h)) / (actual step), with the perturbed value rounded to float. */
    private static double central(float[] v, int i, double h, NormTestSupport.DoubleLoss f) {
        float old = v[i];
        v[i] = (float) (old + h);
        double up = f.value(), hUp = v[i] - old;
        v[i] = (float) (old - h);
        double down = f.value(), hDown = old - v[i];
        v[i] = old;
        return (up - down) / (hUp + hDown);
    }

    private static void checkDouble(String what, double[] analytic, double[] v, NormTestSupport.DoubleLoss f) {
        double h = 1e-6;
        for (int i = 0; i < v.length; i++) {
            double old = v[i];
            v[i] = old + h;
            double up = f.value();
            v[i] = old - h;
            double down = f.value();
            v[i] = old;
            double fd = (up - down) / (2 * h);
            assertTrue(Math.abs(fd - analytic[i]) <= 1e-7 * Math.max(1, Math.abs(fd)),
                    what + "[" + i + "]: analytic " + analytic[i] + ", finite difference " + fd);
        }
    }

}
