package org.maqd.norm;

/**
 * Plain double-precision loops for all four norms: the oracle the fast layers are tested against. Written for
 * clarity, not speed: every element looks up its sample b, channel c and statistic group k directly.
 *
 * <p>Statistic groups of plane (b, c): LBN one group; BN group c; LN group b; GN group {@code b·G + c/(C/G)}.
 */
public final class NormReference {
    private NormReference() {}

    /** One training step: outputs, input and parameter gradients, and the biased statistics per group. */
    public record Step(double[] y, double[] gradX, double[] gradGamma, double[] gradBeta, double[] mean,
                       double[] var) {}

    /** Number of statistic groups for a kind on a batch of B samples and C channels. */
    public static int groupCount(String kind, int groups, int batch, int channels) {
        return switch (kind) {
            case "lbn" -> 1;
            case "bn" -> channels;
            case "ln" -> batch;
            case "gn" -> batch * groups;
            default -> throw new IllegalArgumentException("unknown norm " + kind);
        };
    }

    /** Statistic group of sample b, channel c. */
    public static int group(String kind, int groups, int channels, int b, int c) {
        return switch (kind) {
            case "lbn" -> 0;
            case "bn" -> c;
            case "ln" -> b;
            case "gn" -> b * groups + c / (channels / groups);
            default -> throw new IllegalArgumentException("unknown norm " + kind);
        };
    }

    /**
     * Training forward and backward on {@code x} of shape {@code [B, C, ...]} with upstream gradient {@code dy}
     * (may be null for forward only). {@code groups} is used by GN only.
     */
    public static Step train(String kind, int groups, int[] shape, double[] x, double[] gamma, double[] beta,
                             double[] dy) {
        int b0 = shape[0], cs = shape[1], s = x.length / (b0 * cs);
        int kn = groupCount(kind, groups, b0, cs);
        int[] grp = new int[x.length];
        int[] ch = new int[x.length];
        double[] count = new double[kn], mean = new double[kn], var = new double[kn];
        for (int i = 0; i < x.length; i++) {
            int b = i / (cs * s), c = (i / s) % cs;
            ch[i] = c;
            grp[i] = group(kind, groups, cs, b, c);
            count[grp[i]]++;
            mean[grp[i]] += x[i];
        }
        for (int k = 0; k < kn; k++) mean[k] /= count[k];
        for (int i = 0; i < x.length; i++) var[grp[i]] += (x[i] - mean[grp[i]]) * (x[i] - mean[grp[i]]);
        for (int k = 0; k < kn; k++) var[k] /= count[k];
        double[] xhat = new double[x.length], y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            xhat[i] = (x[i] - mean[grp[i]]) / Math.sqrt(var[grp[i]] + Norm.EPS);
            y[i] = gamma[ch[i]] * xhat[i] + beta[ch[i]];
        }
        if (dy == null) return new Step(y, null, null, null, mean, var);

        // y = γ x̂ + β; g = dL/dx̂ = γ dy; dx = (g − mean_k(g) − x̂ · mean_k(g x̂)) / sqrt(σ²_k + ε)
        double[] gGamma = new double[cs], gBeta = new double[cs], sg = new double[kn], sgx = new double[kn];
        for (int i = 0; i < x.length; i++) {
            gGamma[ch[i]] += dy[i] * xhat[i];
            gBeta[ch[i]] += dy[i];
            double g = gamma[ch[i]] * dy[i];
            sg[grp[i]] += g;
            sgx[grp[i]] += g * xhat[i];
        }
        double[] gx = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int k = grp[i];
            double g = gamma[ch[i]] * dy[i];
            gx[i] = (g - sg[k] / count[k] - xhat[i] * sgx[k] / count[k]) / Math.sqrt(var[k] + Norm.EPS);
        }
        return new Step(y, gx, gGamma, gBeta, mean, var);
    }

    /** Evaluation of LBN ({@code runMean.length == 1}) or BN (one per channel): γ (x − μ_r)/sqrt(σ²_r + ε) + β. */
    public static double[] evalRunning(int[] shape, double[] x, double[] gamma, double[] beta, double[] runMean,
                                       double[] runVar) {
        int cs = shape[1], s = x.length / (shape[0] * cs);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int c = (i / s) % cs, k = runMean.length == 1 ? 0 : c;
            y[i] = gamma[c] * (x[i] - runMean[k]) / Math.sqrt(runVar[k] + Norm.EPS) + beta[c];
        }
        return y;
    }

    /** Running estimates after one step: {@code (1 − m)·r + m·batch}, variance made unbiased by n/(n − 1). */
    public static double[][] runningUpdate(double[] mean, double[] var, double n, double momentum,
                                           double[] runMean, double[] runVar) {
        double[] m = new double[mean.length], v = new double[var.length];
        for (int k = 0; k < mean.length; k++) {
            m[k] = (1 - momentum) * runMean[k] + momentum * mean[k];
            v[k] = n > 1 ? (1 - momentum) * runVar[k] + momentum * var[k] * n / (n - 1) : runVar[k];
        }
        return new double[][] {m, v};
    }
}
