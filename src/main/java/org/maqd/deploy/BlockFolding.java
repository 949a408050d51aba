package org.maqd.deploy;

import java.math.BigDecimal;
import org.maqd.model.QuantBlock;
import org.maqd.nn.Conv2d;
import org.maqd.nn.Linear;
import org.maqd.nn.Mode;
import org.maqd.nn.Param;
import org.maqd.norm.FoldableNorm;
import org.maqd.norm.Norm;
import org.maqd.quant.ActivationQuantizer;
import org.maqd.quant.WeightQuantizer;

/**
 * Folds one quantized block (method.md §9): weight codes from Q_w (integers k − (M−1)/2, or for even M the odd
 * integers 2k − (M−1) with the scale halved), the input step Δ_in = stepNum/den, and the inference-time LBN/BN
 * affine map and the bias: the block's real value is (p_c·acc + r_c)/den per channel. Q_a then folds into
 * per-channel thresholds ({@link Thresholds#fold}); the output block gets fixed-point class scores
 * ({@link Thresholds#output}); a block without Q_a keeps its accumulators (raw), for an add to rescale.
 */
final class BlockFolding {
    private BlockFolding() {}

    /** The folded block and its affine map: real value = (p[c]·acc + r[c]) / den. */
    record Folded(IntBlock block, BigDecimal[] p, BigDecimal[] r, long den) {}

    static Folded fold(int index, String where, QuantBlock b, int[] in, BigDecimal stepNum, long den, int inStates, boolean raw) {
        WeightQuantizer wq = b.weights();
        if (wq == null || wq.states() == 0) {
            throw new NotIntegerOnlyException(where + " has float weights (weightStates 0)");
        }
        Norm norm = b.norm();
        if (norm != null && !(norm instanceof FoldableNorm)) {
            throw new NotIntegerOnlyException(where + " uses " + norm.kind().toUpperCase(java.util.Locale.ROOT)
                    + ", whose statistics are computed per sample at inference (use lbn, bn or none)");
        }
        ActivationQuantizer act = b.activation();
        if (act != null && act.states() == 0) {
            throw new NotIntegerOnlyException(where + " uses ReLU activations (activationStates 0), whose outputs are float");
        }
        int kh, kw, stride, pad;
        int[] out;
        Param weight, bias;
        if (b.op() instanceof Linear lin) {
            kh = in[1]; kw = in[2]; stride = 1; pad = 0;
            out = new int[] {lin.outFeatures(), 1, 1};
            weight = lin.weight(); bias = lin.bias();
        } else if (b.op() instanceof Conv2d c) {
            kh = kw = c.kernel(); stride = c.stride(); pad = c.padding();
            out = new int[] {c.outChannels(), (in[1] + 2 * pad - kh) / stride + 1, (in[2] + 2 * pad - kw) / stride + 1};
            weight = c.weight(); bias = c.bias();
        } else {
            throw new NotIntegerOnlyException(where + " has an operation (" + b.op().kind() + ") with no integer form");
        }
        wq.forward(weight.value, Mode.EVAL);
        int m = wq.states();
        boolean even = m % 2 == 0;
        byte[] codes = wq.codes().clone();
        short[] w = new short[codes.length];
        for (int i = 0; i < w.length; i++) {
            int k = codes[i] & 0xFF;
            w[i] = (short) (even ? 2 * k - (m - 1) : k - (m - 1) / 2);
        }
        int oc = out[0], fan = w.length / oc;
        long bound = 0;
        for (int o = 0; o < oc; o++) {
            long s = 0;
            for (int j = 0; j < fan; j++) s += Math.abs(w[o * fan + j]);
            bound = Math.max(bound, s * (inStates - 1));
        }
        if (bound >= Integer.MAX_VALUE) {
            throw new NotIntegerOnlyException(where + " may need a " + (65 - Long.numberOfLeadingZeros(bound))
                    + "-bit accumulator (bound " + bound + "), more than int32");
        }
        BigDecimal scaleW = new BigDecimal(wq.step());
        if (even) scaleW = scaleW.multiply(BigDecimal.valueOf(0.5));
        BigDecimal unit = scaleW.multiply(stepNum);                     // Δ_w'·Δ_in·den
        float[] a = null, sh = null;
        if (norm instanceof FoldableNorm f) {
            a = f.inferenceScale();
            sh = f.inferenceShift();
        }
        BigDecimal[] p = new BigDecimal[oc], r = new BigDecimal[oc];
        double[] preScale = new double[oc], preShift = new double[oc];
        BigDecimal dd = BigDecimal.valueOf(den);
        for (int o = 0; o < oc; o++) {
            BigDecimal ac = a == null ? BigDecimal.ONE : new BigDecimal(a[o]);
            BigDecimal bc = sh == null ? BigDecimal.ZERO : new BigDecimal(sh[o]);
            BigDecimal bi = bias == null ? BigDecimal.ZERO : new BigDecimal(bias.value.data[o]);
            p[o] = ac.multiply(unit);
            r[o] = ac.multiply(bi).add(bc).multiply(dd);
            preScale[o] = p[o].doubleValue() / den;
            preShift[o] = r[o].doubleValue() / den;
        }
        String kind = b.kind();
        if (raw) {
            return new Folded(new IntBlock(index, kind, in, out, kh, kw, stride, pad, m, inStates, codes, w, bound, -1,
                    null, null, null, null, 0, 0, preScale, preShift), p, r, den);
        }
        if (act == null) {
            Thresholds.OutputScale os = Thresholds.output(p, r, den, bound);
            return new Folded(new IntBlock(index, kind, in, out, kh, kw, stride, pad, m, inStates, codes, w, bound, 0,
                    null, null, os.multipliers(), os.offsets(), os.shift(), os.margin(), preScale, preShift), p, r, den);
        }
        int ma = act.states();
        BigDecimal stepA = new BigDecimal(act.step());
        byte[] dir = new byte[oc];
        int[] thr = new int[oc * (ma - 1)];
        for (int o = 0; o < oc; o++) {
            Thresholds.Channel ch = Thresholds.fold(p[o], r[o], stepA, den, ma, bound);
            dir[o] = (byte) ch.direction();
            System.arraycopy(ch.thresholds(), 0, thr, o * (ma - 1), ma - 1);
            preScale[o] /= act.step();
            preShift[o] /= act.step();
        }
        return new Folded(new IntBlock(index, kind, in, out, kh, kw, stride, pad, m, inStates, codes, w, bound, ma, dir, thr,
                null, null, 0, 0, preScale, preShift), p, r, den);
    }
}
