package org.maqd.ui.engine;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The method.md quantizer formulas, used by the explorer until the engine's org.maqd.quant classes are available
 * in this build. The gaussian step is found by golden-section search on the expected squared error under N(0, 1).
 */
public final class InterimQuantMath implements QuantMath {
    private final ConcurrentHashMap<Long, Double> steps = new ConcurrentHashMap<>();

    @Override
    public double gaussianStep(int states, boolean signed) {
        if (states < 2) return Double.NaN;
        long key = states * 2L + (signed ? 1 : 0);
        return steps.computeIfAbsent(key, k -> search(states, signed));
    }

    @Override
    public double quantize(double z, double step, int states, boolean signed) {
        double off = signed ? (states - 1) / 2.0 : 0;
        double k = Math.min(Math.max(Math.rint(z / step + off), 0), states - 1);
        return step * (k - off);
    }

    @Override
    public double surrogate(String kind, double alpha, double z, double step, int states, boolean signed) {
        double u = z / step + (signed ? (states - 1) / 2.0 : 0);
        switch (kind) {
            case "sigmoid": {
                double s = 0;
                for (int k = 0; k < states - 1; k++) {
                    double sg = 1 / (1 + Math.exp(-alpha * (u - k - 0.5)));
                    s += alpha * sg * (1 - sg);
                }
                return s;
            }
            case "triangle": {
                double s = 0;
                for (int k = 0; k < states - 1; k++) s += Math.max(0, 1 - Math.abs(u - k - 0.5));
                return s;
            }
            default:
                return u >= -0.5 && u <= states - 0.5 ? 1 : 0;
        }
    }

    private double error(double step, int states, boolean signed) {
        int n = 20000;
        double lo = -8, hi = 8, h = (hi - lo) / n, sum = 0;
        for (int i = 0; i <= n; i++) {
            double z = lo + i * h;
            double target = signed ? z : Math.max(z, 0);
            double d = target - quantize(z, step, states, signed);
            double w = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2);
            sum += w * d * d * Math.exp(-z * z / 2);
        }
        return sum * h / 3 / Math.sqrt(2 * Math.PI);
    }

    private double search(int states, boolean signed) {
        double a = 1e-3, b = 4, g = (Math.sqrt(5) - 1) / 2;
        double c = b - g * (b - a), d = a + g * (b - a);
        for (int it = 0; it < 80; it++) {
            if (error(c, states, signed) < error(d, states, signed)) b = d; else a = c;
            c = b - g * (b - a);
            d = a + g * (b - a);
        }
        return (a + b) / 2;
    }
}
