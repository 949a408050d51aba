package org.maqd.deploy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.maqd.model.AddBlock;
import org.maqd.quant.ActivationQuantizer;

/**
 * Folds an add node into an {@link IntAdd}: per input and channel the exact factor α and offset β that take its
 * integer (a code, or a raw block's accumulator) to units of the add's step Δ_a, then one fixed-point scale 2^−F for
 * all of them, F as large as int64 allows: Σ_k max|m_k|·max|z_k| + max|o| ≤ 2^62.
 */
final class AddFolding {
    private AddFolding() {}

    private static final MathContext MC = MathContext.DECIMAL128;

    static IntAdd fold(int index, String where, AddBlock a, Folder.Val[] in) {
        ActivationQuantizer act = a.activation();
        if (act.states() == 0) {
            throw new NotIntegerOnlyException(where + " uses ReLU activations (activationStates 0), whose outputs are float");
        }
        int k = in.length;
        int[] shape = in[0].chw();
        int channels = shape[0];
        BigDecimal stepA = new BigDecimal(act.step());
        BigDecimal[][] alpha = new BigDecimal[k][channels];
        BigDecimal[] beta = new BigDecimal[channels];
        java.util.Arrays.fill(beta, BigDecimal.ZERO);
        long[] bound = new long[k];
        boolean[] raw = new boolean[k];
        for (int i = 0; i < k; i++) {
            Folder.Val v = in[i];
            BlockFolding.Folded f = v.raw();
            raw[i] = f != null;
            if (f != null) {
                BigDecimal scale = stepA.multiply(BigDecimal.valueOf(f.den()));
                for (int c = 0; c < channels; c++) {
                    alpha[i][c] = f.p()[c].divide(scale, MC);
                    beta[c] = beta[c].add(f.r()[c].divide(scale, MC));
                }
                bound[i] = f.block().accBound();
            } else {
                BigDecimal s = v.stepNum().divide(stepA.multiply(BigDecimal.valueOf(v.den())), MC);
                for (int c = 0; c < channels; c++) alpha[i][c] = s;
                bound[i] = v.states() - 1;
            }
        }
        double worst = 0, maxBeta = 0;
        for (int i = 0; i < k; i++) {
            double m = 0;
            for (int c = 0; c < channels; c++) m = Math.max(m, alpha[i][c].abs().doubleValue());
            worst += m * bound[i];
        }
        for (BigDecimal b : beta) maxBeta = Math.max(maxBeta, b.abs().doubleValue());
        worst += maxBeta + act.states();
        int shift = (int) Math.floor(Math.log(Math.scalb(1.0, 62) / worst) / Math.log(2)) - 1;
        if (shift < 1) throw new NotIntegerOnlyException(where + " adds values too large for a 64-bit fixed-point sum");
        shift = Math.min(shift, 60);
        BigDecimal two = BigDecimal.valueOf(2).pow(shift);
        long[][] m = new long[k][channels];
        double[][] da = new double[k][channels];
        long[] o = new long[channels];
        double[] db = new double[channels];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < k; i++) {
                m[i][c] = alpha[i][c].multiply(two).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
                da[i][c] = alpha[i][c].doubleValue();
            }
            o[c] = beta[c].multiply(two).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
            db[c] = beta[c].doubleValue();
        }
        long[] thr = new long[act.states() - 1];
        for (int j = 1; j < act.states(); j++) thr[j - 1] = (2L * j - 1) * (1L << (shift - 1)) + (j % 2 == 1 ? 1 : 0);
        long sumBound = 1;
        for (long b : bound) sumBound += b;
        double error = sumBound / Math.scalb(1.0, shift + 1);
        return new IntAdd(index, shape.clone(), act.states(), raw, m, o, shift, thr, error, da, db);
    }
}
