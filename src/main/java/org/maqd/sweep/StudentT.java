package org.maqd.sweep;

/**
 * Two-sided 95% quantiles of Student's t distribution, t_{0.975, df}, for confidence intervals over seeds:
 * a table for df 1…30 (to 6 decimals), the Cornish–Fisher expansion around the normal quantile beyond (error
 * below 1e-5 for df &gt; 30). Used by the sweep tables and the Runs view's groups.
 */
public final class StudentT {
    private static final double[] T975 = {Double.NaN,
        12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139,
        2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963,
        2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.045230, 2.042272};
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
