package org.maqd.deploy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.maqd.model.Network;
import org.maqd.model.QuantBlock;
import org.maqd.model.ResidualBlock;
import org.maqd.nn.AvgPool2d;
import org.maqd.nn.Conv2d;
import org.maqd.nn.Dropout;
import org.maqd.nn.Flatten;
import org.maqd.nn.GlobalAvgPool;
import org.maqd.nn.Layer;
import org.maqd.nn.Linear;
import org.maqd.nn.MaxPool2d;
import org.maqd.nn.Mode;
import org.maqd.nn.Param;
import org.maqd.norm.FoldableNorm;
import org.maqd.norm.Norm;
import org.maqd.quant.ActivationQuantizer;
import org.maqd.quant.WeightQuantizer;

/**
 * Folds a trained network into an integer-only {@link FoldedModel} (method.md §9). Per quantized block:
 * weight codes from Q_w (integers k − (M−1)/2, or for even M the odd integers 2k − (M−1) with the scale
 * halved), input step Δ_in (1/255 for the 8-bit input, Δ_a of the block before otherwise), and the inference-time
 * LBN/BN affine map, the bias and Q_a folded into per-channel thresholds ({@link Thresholds#fold}); the output
 * block gets fixed-point class scores ({@link Thresholds#output}). Flatten and dropout are no-ops on codes, max
 * pooling runs on codes, average pooling passes on sums of codes with the next step divided by the window.
 * Anything else is refused with a {@link NotIntegerOnlyException} naming the layer: LN/GN (per-sample
 * statistics), float weights (M_w = 0), ReLU activations (M_a = 0), average pools whose sums exceed 8 bits, and
 * residual blocks (they add accumulators of different scales; not supported by the integer engine).
 */
public final class Folder {
    private Folder() {}

    /** Δ of the 8-bit input codes is 1/{@value}. */
    public static final int INPUT_DEN = 255;

    /**
     * Why one layer of a resolved spec cannot run on the integer engine, or null when it can: the spec-level
     * rules of {@link #fold} (LN/GN, float weights, ReLU activations, float outputs before the last layer,
     * residual blocks, layer types with no integer form). Checks that need trained weights (accumulator bounds)
     * or the input shape (average-pool sums) are left to {@link #fold}.
     */
    public static String integerOnlyReason(org.maqd.model.LayerSpec l, boolean last) {
        String t = l.type() == null ? "?" : l.type();
        switch (t) {
            case "flatten", "dropout", "maxpool", "avgpool", "globalavgpool" -> { return null; }
            case "residual" -> { return "adds two accumulators with different scales; the integer engine does not support residual blocks"; }
            case "linear", "conv2d", "output" -> {
                if (l.weightStates() == null || l.weightStates() == 0) return "has float weights (weightStates 0)";
                String n = l.norm();
                if ("ln".equals(n) || "gn".equals(n)) {
                    return "uses " + n.toUpperCase(java.util.Locale.ROOT)
                            + ", whose statistics are computed per sample at inference (use lbn, bn or none)";
                }
                boolean floatOut = "output".equals(t) || l.activationStates() == null || l.activationStates() == 0;
                if (floatOut && !"output".equals(t)) {
                    return last ? null : "uses ReLU activations (activationStates 0), whose outputs are float";
                }
                if ("output".equals(t) && !last) return "has float outputs but is not the last layer";
                return null;
            }
            default -> { return "has no integer form"; }
        }
    }

    public static FoldedModel fold(Network net) {
        int[] shape = chw(net.spec().input().stream().mapToInt(Integer::intValue).toArray());
        int[] input = shape.clone();
        BigDecimal stepNum = BigDecimal.ONE;
        long den = INPUT_DEN;
        int states = 256;
        List<IntOp> ops = new ArrayList<>();
        List<Layer> layers = net.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            String where = "layer " + i + " (" + l.kind() + ")";
            if (l instanceof Flatten) {
                shape = new int[] {IntOp.size(shape), 1, 1};
            } else if (l instanceof Dropout) {
                continue;
            } else if (l instanceof MaxPool2d p) {
                int oh = (shape[1] - p.kernel()) / p.stride() + 1, ow = (shape[2] - p.kernel()) / p.stride() + 1;
                int[] out = {shape[0], oh, ow};
                ops.add(new IntMaxPool(i, p.kernel(), p.stride(), shape, out, states));
                shape = out;
            } else if (l instanceof AvgPool2d || l instanceof GlobalAvgPool) {
                boolean global = l instanceof GlobalAvgPool;
                int kh = global ? shape[1] : ((AvgPool2d) l).kernel(), kw = global ? shape[2] : kh;
                int st = global ? 1 : ((AvgPool2d) l).stride();
                int window = kh * kw;
                if ((long) window * (states - 1) > 255) {
                    throw new NotIntegerOnlyException(where + " sums " + window + " codes of up to " + (states - 1)
                            + ": more than the 8 bits the integer engine keeps per activation");
                }
                int[] out = {shape[0], (shape[1] - kh) / st + 1, (shape[2] - kw) / st + 1};
                states = window * (states - 1) + 1;
                ops.add(new IntSumPool(i, l.kind(), kh, kw, st, shape, out, states));
                den *= window;                                    // mean = Δ·Σcodes/K: the step of the sums is Δ/K
                shape = out;
            } else if (l instanceof ResidualBlock) {
                throw new NotIntegerOnlyException(where + " adds two accumulators with different scales; "
                        + "the integer engine does not support residual blocks");
            } else if (l instanceof QuantBlock b) {
                if (b.activation() == null && i != layers.size() - 1) {
                    throw new NotIntegerOnlyException(where + " has float outputs but is not the last layer");
                }
                IntBlock ib = block(i, where, b, shape, stepNum, den, states);
                ops.add(ib);
                shape = ib.outShape();
                if (!ib.isOutput()) {
                    stepNum = new BigDecimal(b.activation().step());
                    den = 1;
                    states = ib.outStates();
                }
            } else {
                throw new NotIntegerOnlyException(where + " has no integer form");
            }
        }
        if (ops.isEmpty() || !(ops.get(ops.size() - 1) instanceof IntBlock last) || !last.isOutput()) {
            throw new NotIntegerOnlyException("the network does not end with an output layer");
        }
        return new FoldedModel(input, 256, ops, last.outChannels());
    }

    private static int[] chw(int[] s) {
        if (s.length == 3) return s.clone();
        if (s.length == 1) return new int[] {s[0], 1, 1};
        throw new NotIntegerOnlyException("the input shape " + Arrays.toString(s) + " is not [C, H, W] or [F]");
    }

    private static IntBlock block(int index, String where, QuantBlock b, int[] in, BigDecimal stepNum, long den, int inStates) {
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
        if (act == null) {
            Thresholds.OutputScale os = Thresholds.output(p, r, den, bound);
            return new IntBlock(index, kind, in, out, kh, kw, stride, pad, m, inStates, codes, w, bound, 0,
                    null, null, os.multipliers(), os.offsets(), os.shift(), os.margin(), preScale, preShift);
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
        return new IntBlock(index, kind, in, out, kh, kw, stride, pad, m, inStates, codes, w, bound, ma, dir, thr,
                null, null, 0, 0, preScale, preShift);
    }
}
