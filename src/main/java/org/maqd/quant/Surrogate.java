package org.maqd.quant;

import java.util.Locale;

/**
 * The backward rule of a round-clip quantizer (method.md §6). The forward pass is always the exact quantizer;
 * backward replaces d round/dz with the derivative of a smooth counterpart:
 * <ul>
 *   <li>{@code ste}: straight-through, 1 inside the clip range {@code [a − ½, b + ½]·Δ} (inclusive), 0 outside;
 *       its smooth counterpart is the ramp {@code clip(z/Δ, a − ½, b + ½)}.</li>
 *   <li>{@code sigmoid} (α, default 4): the derivative of the smooth staircase
 *       {@code Σ_{k=a}^{b−1} Δ·σ(α(z/Δ − k − ½))}, i.e. {@code Σ_k α·σ(u_k)(1 − σ(u_k))},
 *       {@code u_k = α(z/Δ − k − ½)}.</li>
 *   <li>{@code triangle} (width 1): {@code Σ_k max(0, 1 − |z/Δ − k − ½|)}, the derivative of the soft staircase
 *       {@code Σ_k Δ·R(z/Δ − k − ½)} where R is the ramp that rises quadratically from 0 at −1 to 1 at +1.</li>
 * </ul>
 * All methods take the <em>scaled</em> input {@code t = z/Δ} and the integer bounds {@code [a, b]}; the factor
 * returned is dQ/dz (dimensionless, because Q and z share units). {@link #smooth} returns the smooth
 * counterpart in code units (Q̃/Δ), offset so that it tends to the code {@code a} far below the range.
 *
 * @param kind  which rule
 * @param alpha sigmoid sharpness α (ignored by the other kinds; kept so a config round-trips)
 */
public record Surrogate(Kind kind, double alpha) {
    /** The three rules. */
    public enum Kind { STE, SIGMOID, TRIANGLE }

    /** Default sigmoid sharpness (method.md §6). */
    public static final double DEFAULT_ALPHA = 4.0;
    public static final Surrogate STE = new Surrogate(Kind.STE, DEFAULT_ALPHA);
    public static final Surrogate SIGMOID = new Surrogate(Kind.SIGMOID, DEFAULT_ALPHA);
    public static final Surrogate TRIANGLE = new Surrogate(Kind.TRIANGLE, DEFAULT_ALPHA);

    /** Beyond |u| = 40 a sigmoid term's derivative is below 5e-18: those terms are skipped. */
    private static final double SIGMOID_WINDOW = 40.0;

    public Surrogate {
        if (kind == null) throw new IllegalArgumentException("surrogate: kind must be ste, sigmoid or triangle, got null");
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("surrogate alpha: expected a positive finite number, got " + alpha);
        }
    }

    /** Parses "ste", "sigmoid" or "triangle" (case-insensitive) with the default α. */
    public static Surrogate parse(String name) { return parse(name, DEFAULT_ALPHA); }

    /** Parses "ste", "sigmoid" or "triangle" (case-insensitive) with the given α. */
    public static Surrogate parse(String name, double alpha) {
        if (name == null) throw new IllegalArgumentException("surrogate: expected ste, sigmoid or triangle, got null");
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "ste" -> new Surrogate(Kind.STE, alpha);
            case "sigmoid" -> new Surrogate(Kind.SIGMOID, alpha);
            case "triangle" -> new Surrogate(Kind.TRIANGLE, alpha);
            default -> throw new IllegalArgumentException(
                    "surrogate: expected ste, sigmoid or triangle, got \"" + name + "\"");
        };
    }

    /** The option name: "ste", "sigmoid" or "triangle". */
    public String id() { return kind.name().toLowerCase(Locale.ROOT); }

    /** dQ/dz at {@code z} for step {@code step} and integer bounds {@code [a, b]}. */
    public double factor(double z, double step, int a, int b) { return factor(z / step, a, b); }

    /** dQ/dz at the scaled input {@code t = z/Δ} for integer bounds {@code [a, b]}. */
    public double factor(double t, int a, int b) {
        switch (kind) {
            case STE:
                return (t >= a - 0.5 && t <= b + 0.5) ? 1.0 : 0.0;
            case TRIANGLE: {
                double k0 = Math.floor(t - 0.5);       // u_{k0} = t − k0 − ½ ∈ [0, 1); u_{k0+1} ∈ [−1, 0)
                double s = 0;
                if (k0 >= a && k0 <= b - 1) s += 1.0 - (t - k0 - 0.5);
                double k1 = k0 + 1;
                if (k1 >= a && k1 <= b - 1) s += 1.0 + (t - k1 - 0.5);
                return s;
            }
            default: {
                double r = SIGMOID_WINDOW / alpha;
                double lo = Math.max(a, Math.ceil(t - 0.5 - r));
                double hi = Math.min(b - 1, Math.floor(t - 0.5 + r));
                if (lo > hi) return 0;
                // σ(u)(1 − σ(u)) = E/(1 + E)² with E = exp(−u); u_k falls by α per k, so E grows by exp(α).
                // |u| ≤ 40 inside the window keeps E within [e^−40, e^40]: no overflow, two exp calls in all.
                double e = Math.exp(-alpha * (t - lo - 0.5)), grow = Math.exp(alpha);
                double s = 0;
                for (double k = lo; k <= hi; k++) {
                    double d = 1.0 + e;
                    s += e / (d * d);
                    e *= grow;
                }
                return alpha * s;
            }
        }
    }

    /**
     * The smooth counterpart whose derivative {@link #factor} is, in code units (Q̃/Δ) at {@code t = z/Δ}:
     * the ramp (ste), the sigmoid staircase {@code a + Σ σ(α(t − k − ½))}, or the triangle staircase
     * {@code a + Σ R(t − k − ½)}.
     */
    public double smooth(double t, int a, int b) {
        switch (kind) {
            case STE:
                return Math.min(Math.max(t, a - 0.5), b + 0.5);
            case TRIANGLE: {
                double s = a;
                for (int k = a; k <= b - 1; k++) s += softRamp(t - k - 0.5);
                return s;
            }
            default: {
                double s = a;
                for (int k = a; k <= b - 1; k++) s += 1.0 / (1.0 + Math.exp(-alpha * (t - k - 0.5)));
                return s;
            }
        }
    }

    /** Integral of the unit triangle max(0, 1 − |u|) from −∞ to u: 0 below −1, 1 above +1. */
    static double softRamp(double u) {
        if (u <= -1) return 0;
        if (u >= 1) return 1;
        return u <= 0 ? 0.5 * (u + 1) * (u + 1) : 1 - 0.5 * (1 - u) * (1 - u);
    }
}
