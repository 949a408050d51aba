package org.maqd.sweep;

/**
 * Two-sided 95% quantiles of Student's t distribution, t_{0.975, df}, for confidence intervals over seeds:
 * a table for df 1…30 (to 3 decimals), the Cornish–Fisher expansion around the normal quantile beyond.
 */
public final class StudentT {
    private static final double[] T975 = {Double.NaN,
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
    private static final double Z975 = 1.959963984540054;

    private StudentT() {}

    /** t_{0.975, df}; NaN for df &lt; 1. */
    public static double quantile975(int df) {
        if (df < 1) return Double.NaN;
        if (df < T975.length) return T975[df];
        double z = Z975, z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z, n = df;
        return z + (z3 + z) / (4 * n) + (5 * z5 + 16 * z3 + 3 * z) / (96 * n * n)
                + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * n * n * n);
    }

    /** Half-width of the 95% confidence interval of a mean: t_{0.975, n−1}·s/√n; NaN when n &lt; 2. */
    public static double ci95HalfWidth(double std, int n) {
        if (n < 2 || Double.isNaN(std)) return Double.NaN;
        return quantile975(n - 1) * std / Math.sqrt(n);
    }
}
