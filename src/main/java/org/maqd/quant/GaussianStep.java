package org.maqd.quant;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleUnaryOperator;

/**
 * The {@code gaussian} step rule of method.md §4–5: the step Δ that minimises the mean squared quantization
 * error for a standard normal input z ~ N(0, 1).
 * <ul>
 *   <li>{@link #symmetric}: Q_w with M levels {@code Δ(k − (M−1)/2)}, error {@code E[(z − Q_w(z))²]};</li>
 *   <li>{@link #unsigned}: Q_a with levels {@code Δ·k}, k = 0…M−1, error {@code E[(max(z,0) − Q_a(z))²]}.</li>
 * </ul>
 * The error is integrated numerically (Gauss–Legendre, 20 nodes per piece; pieces split at every decision
 * threshold and at most 0.25 wide, over |z| ≤ 12 where the normal tail is below 1e-32). The minimum is located
 * on a log grid over [1e-3, 4], refined by golden-section search, then polished by bisection on the exact
 * derivative {@code dE/dΔ = −2·E[(y − Q)·c]} (c = Q/Δ, the centred code). Results are cached per M.
 */
public final class GaussianStep {
    private GaussianStep() {}

    private static final double LIMIT = 12.0;
    private static final double PIECE = 0.25;
    private static final int NODES = 20;
    private static final double[] GL_X = new double[NODES];
    private static final double[] GL_W = new double[NODES];
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2 * Math.PI);
    private static final ConcurrentHashMap<Integer, Double> SYMMETRIC = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Integer, Double> UNSIGNED = new ConcurrentHashMap<>();

    static {
        // Gauss–Legendre nodes on [−1, 1]: Newton iteration on P_n from the Chebyshev guess.
        for (int i = 0; i < NODES; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (NODES + 0.5));
            double dp = 0;
            for (int it = 0; it < 100; it++) {
                double p0 = 1, p1 = x;
                for (int n = 2; n <= NODES; n++) {
                    double p2 = ((2 * n - 1) * x * p1 - (n - 1) * p0) / n;
                    p0 = p1;
                    p1 = p2;
                }
                dp = NODES * (x * p1 - p0) / (x * x - 1);
                double dx = p1 / dp;
                x -= dx;
                if (Math.abs(dx) < 1e-16) break;
            }
            GL_X[i] = x;
            GL_W[i] = 2 / ((1 - x * x) * dp * dp);
        }
    }

    /** The MSE-optimal symmetric step Δ_w for M states (M ≥ 2) and standardized N(0, 1) weights. */
    public static double symmetric(int states) {
        checkStates(states);
        return SYMMETRIC.computeIfAbsent(states, m -> minimise(d -> symmetricMse(m, d), d -> symmetricMseSlope(m, d)));
    }

    /** The MSE-optimal unsigned step Δ_a for M states (M ≥ 2): input max(z, 0) vs Q_a(z), z ~ N(0, 1). */
    public static double unsigned(int states) {
        checkStates(states);
        return UNSIGNED.computeIfAbsent(states, m -> minimise(d -> unsignedMse(m, d), d -> unsignedMseSlope(m, d)));
    }

    /** E[(z − Q_w(z))²] for z ~ N(0, 1), M states, step Δ. */
    public static double symmetricMse(int states, double step) {
        double off = (states - 1) / 2.0;
        return integrate(-LIMIT, step, -off, states, z -> {
            double q = step * (RoundClip.codeOfScaled(z / step + off, 0, states - 1) - off);
            return (z - q) * (z - q);
        });
    }

    /** E[(max(z,0) − Q_a(z))²] for z ~ N(0, 1), M states, step Δ (z ≤ 0 contributes nothing). */
    public static double unsignedMse(int states, double step) {
        return integrate(0, step, 0, states, z -> {
            double q = step * RoundClip.codeOfScaled(z / step, 0, states - 1);
            return (z - q) * (z - q);
        });
    }

    /** dE/dΔ for the symmetric error (the thresholds move, but the integrand is continuous across them). */
    public static double symmetricMseSlope(int states, double step) {
        double off = (states - 1) / 2.0;
        return integrate(-LIMIT, step, -off, states, z -> {
            double c = RoundClip.codeOfScaled(z / step + off, 0, states - 1) - off;
            return -2 * (z - step * c) * c;
        });
    }

    /** dE/dΔ for the unsigned error. */
    public static double unsignedMseSlope(int states, double step) {
        return integrate(0, step, 0, states, z -> {
            double c = RoundClip.codeOfScaled(z / step, 0, states - 1);
            return -2 * (z - step * c) * c;
        });
    }

    /**
     * ∫ f(z) φ(z) dz over [from, LIMIT], split at the decision thresholds {@code Δ(first + j + ½)},
     * j = 0…M−2 (where f jumps) and into pieces at most {@link #PIECE} wide.
     */
    private static double integrate(double from, double step, double first, int states, DoubleUnaryOperator f) {
        double sum = 0;
        double z = from;
        int j = 0;
        while (z < LIMIT) {
            double next = Math.min(LIMIT, z + PIECE);
            // Skip thresholds at or below z; stop this piece at the next one.
            while (j < states - 1 && step * (first + j + 0.5) <= z) j++;
            if (j < states - 1) next = Math.min(next, step * (first + j + 0.5));
            double mid = 0.5 * (z + next), half = 0.5 * (next - z);
            double piece = 0;
            for (int i = 0; i < NODES; i++) {
                double x = mid + half * GL_X[i];
                piece += GL_W[i] * f.applyAsDouble(x) * Math.exp(-0.5 * x * x);
            }
            sum += piece * half;
            z = next;
        }
        return sum * INV_SQRT_2PI;
    }

    private static double minimise(DoubleUnaryOperator mse, DoubleUnaryOperator slope) {
        // 1. Log grid: the global minimum's neighbourhood.
        int n = 160;
        double lo = Math.log(1e-3), hi = Math.log(4.0);
        int best = 0;
        double bestVal = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= n; i++) {
            double v = mse.applyAsDouble(Math.exp(lo + (hi - lo) * i / n));
            if (v < bestVal) { bestVal = v; best = i; }
        }
        double a = Math.exp(lo + (hi - lo) * Math.max(0, best - 1) / n);
        double b = Math.exp(lo + (hi - lo) * Math.min(n, best + 1) / n);
        // 2. Golden-section search inside the bracket.
        double g = (Math.sqrt(5) - 1) / 2;
        double c = b - g * (b - a), d = a + g * (b - a);
        double fc = mse.applyAsDouble(c), fd = mse.applyAsDouble(d);
        while (b - a > 1e-9 * b) {
            if (fc <= fd) { b = d; d = c; fd = fc; c = b - g * (b - a); fc = mse.applyAsDouble(c); }
            else { a = c; c = d; fc = fd; d = a + g * (b - a); fd = mse.applyAsDouble(d); }
        }
        double x = 0.5 * (a + b);
        // 3. Polish: bisection on the exact slope where it changes sign around the golden-section result.
        double w = Math.max(1e-6 * x, b - a);
        double l = x - w, r = x + w;
        double sl = slope.applyAsDouble(l), sr = slope.applyAsDouble(r);
        if (sl < 0 && sr > 0) {
            for (int it = 0; it < 80 && r - l > 1e-15 * r; it++) {
                double m = 0.5 * (l + r);
                if (slope.applyAsDouble(m) < 0) l = m; else r = m;
            }
            x = 0.5 * (l + r);
        }
        return x;
    }

    private static void checkStates(int states) {
        if (states < 2) throw new IllegalArgumentException("gaussian step: states must be >= 2, got " + states);
    }
}
