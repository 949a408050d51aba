package org.maqd.quant;

/**
 * The scaled round-clip of method.md §2, the one primitive every quantizer here is built from:
 * <pre>  Q(z; Δ, a, b) = Δ · clip(round(z / Δ), a, b)</pre>
 * with integer bounds {@code a ≤ b}; {@code round} is round-half-to-even ({@link Math#rint}). The integer
 * {@code clip(round(z/Δ), a, b)} is the <em>code</em> that integer inference stores.
 */
public final class RoundClip {
    private RoundClip() {}

    /** The integer code {@code clip(rint(z/Δ), a, b)}. */
    public static int code(double z, double step, int a, int b) {
        return codeOfScaled(z / step, a, b);
    }

    /** The code for an input already divided by the step: {@code clip(rint(t), a, b)}. */
    public static int codeOfScaled(double t, int a, int b) {
        double r = Math.rint(t);
        if (r <= a) return a;          // also catches -Infinity
        if (r >= b) return b;          // also catches +Infinity
        if (r != r) throw new IllegalArgumentException("round-clip of NaN (input is not a number)");
        return (int) r;
    }

    /** Float version of {@link #codeOfScaled(double, int, int)} for hot loops; NaN maps to {@code a}. */
    public static int codeOfScaled(float t, int a, int b) {
        float r = (float) Math.rint(t);
        return r >= b ? b : (r > a ? (int) r : a);
    }

    /** The quantized value {@code Δ · clip(rint(z/Δ), a, b)}. */
    public static double value(double z, double step, int a, int b) {
        return step * code(z, step, a, b);
    }

    /** Checks that a quantizer step is a positive finite number; {@code what} names the field. */
    public static void checkStep(double step, String what) {
        if (!(step > 0) || Double.isInfinite(step)) {
            throw new IllegalArgumentException(what + ": expected a positive finite step, got " + step);
        }
    }
}
