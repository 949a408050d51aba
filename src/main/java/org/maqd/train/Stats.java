package org.maqd.train;

/** Small statistics used by the probes, in double precision. */
final class Stats {
    private Stats() {}

    /** Counts of {@code v[0..n)} in {@code bins} equal bins over [lo, hi]; values outside go to the edge bins. */
    static float[] histogram(float[] v, int n, double lo, double hi, int bins) {
        float[] h = new float[bins];
        if (!(hi > lo)) { h[bins / 2] = n; return h; }
        double scale = bins / (hi - lo);
        for (int i = 0; i < n; i++) {
            int b = (int) Math.floor((v[i] - lo) * scale);
            h[Math.max(0, Math.min(bins - 1, b))]++;
        }
        return h;
    }

    static double[] minMax(float[] v) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (float f : v) { lo = Math.min(lo, f); hi = Math.max(hi, f); }
        return new double[] {lo, hi};
    }

    /** Error of the quantized activation y against ReLU(x), the function Q_a replaces (method.md §5). */
    static double[] reluError(float[] x, float[] y, int n) {
        double se = 0, sp = 0;
        for (int i = 0; i < n; i++) {
            double r = Math.max(0, x[i]);
            double d = r - y[i];
            se += d * d;
            sp += r * r;
        }
        return new double[] {se / n, sqnr(sp, se)};
    }

    static double sqnr(double signal, double noise) {
        if (noise == 0) return Double.POSITIVE_INFINITY;
        return 10 * Math.log10(signal / noise);
    }

    static double nonZeroFraction(float[] v, int n) {
        long c = 0;
        for (int i = 0; i < n; i++) if (v[i] != 0f) c++;
        return (double) c / n;
    }
}
