package org.maqd.quant;

import org.maqd.tensor.Tensor;

/**
 * Quantization error of a tensor against its quantized version, for probes:
 * {@code MSE = mean((x − q)²)} and {@code SQNR = 10·log10(Σx² / Σ(x − q)²)} in dB (+∞ when q equals x,
 * −∞ when the signal is all zeros but the error is not, NaN for an empty or all-zero pair). Sums are taken in
 * double in index order, so results are reproducible.
 */
public final class QuantError {
    private QuantError() {}

    /** Both measures at once. */
    public record Result(double mse, double sqnrDb) {}

    public static Result of(Tensor x, Tensor q) {
        return of(x.data, q.data);
    }

    public static Result of(float[] x, float[] q) {
        check(x, q);
        double sig = 0, err = 0;
        for (int i = 0; i < x.length; i++) {
            double d = (double) x[i] - q[i];
            sig += (double) x[i] * x[i];
            err += d * d;
        }
        double mse = x.length == 0 ? Double.NaN : err / x.length;
        double sqnr;
        if (err == 0) sqnr = sig == 0 ? Double.NaN : Double.POSITIVE_INFINITY;
        else sqnr = sig == 0 ? Double.NEGATIVE_INFINITY : 10 * Math.log10(sig / err);
        return new Result(mse, sqnr);
    }

    public static double mse(Tensor x, Tensor q) { return of(x, q).mse(); }

    public static double sqnrDb(Tensor x, Tensor q) { return of(x, q).sqnrDb(); }

    private static void check(float[] x, float[] q) {
        if (x.length != q.length) {
            throw new IllegalArgumentException("quantization error: tensor has " + x.length
                    + " elements but its quantized version has " + q.length);
        }
    }
}
