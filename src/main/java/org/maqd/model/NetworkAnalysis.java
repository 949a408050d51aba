package org.maqd.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Shapes and costs of a network spec, computed from the spec alone (cheap enough to run on every edit).
 * Never throws for a bad network: the first layer whose shape cannot work carries the reason, and the layers
 * after it have no shape. Costs per layer: parameters, multiply-accumulates per sample, weight memory in bits at
 * the chosen states (packed: ⌈log2 M⌉ bits per weight, 32 for float; norm and bias parameters count as 32-bit),
 * and the accumulator width an integer engine needs (sign + ⌈log2(fanIn·max|w code|·max input code + 1)⌉).
 */
public final class NetworkAnalysis {
    private NetworkAnalysis() {}

    /** One layer: shapes are per sample ([C,H,W] or [F]). */
    public record Row(int index, String type, int weightStates, int activationStates, String norm, int[] inShape,
                      int[] outShape, String error, long params, long macs, long weightBits, long fp32Bits,
                      int accumulatorBits) {
        public boolean ok() { return error == null; }
    }

    public record Report(List<Row> rows, long params, long macs, long weightBits, long fp32Bits, String firstError) {
        public boolean ok() { return firstError == null; }
        public double compression() { return weightBits == 0 ? 1 : (double) fp32Bits / weightBits; }
    }

    /** Analyzes a spec (resolved or not: it is resolved first). */
    public static Report analyze(NetworkSpec raw) {
        NetworkSpec spec = NetworkResolver.resolve(raw);
        List<Row> rows = new ArrayList<>();
        int[] shape = spec.input() == null ? null : spec.input().stream().mapToInt(Integer::intValue).toArray();
        String firstError = null;
        int inStates = 256; // input pixels are 8-bit codes
        long tp = 0, tm = 0, tb = 0, tf = 0;
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec l = spec.layers().get(i);
            int[] in = shape;
            String err = null;
            int[] out = null;
            long params = 0, macs = 0, wbits = 0, fbits = 0;
            int acc = 0;
            int ws = l.weightStates() == null ? 0 : l.weightStates();
            int as = l.activationStates() == null ? 0 : l.activationStates();
            if (in == null) {
                err = firstError == null ? "no input shape" : null;
            } else {
                try {
                    out = Shapes.out(l, in);
                    long weights = weightCount(l, in);
                    long extra = extraParams(l, out);
                    params = weights + extra;
                    macs = macs(l, in, out);
                    wbits = weights * bitsPerWeight(ws) + extra * 32;
                    fbits = params * 32;
                    if (weights > 0) acc = accumulatorBits(fanIn(l, in), ws, inStates);
                } catch (IllegalArgumentException e) {
                    err = e.getMessage();
                }
            }
            if (err != null && firstError == null) firstError = "layer " + i + " (" + l.type() + "): " + err;
            rows.add(new Row(i, l.type(), ws, as, l.norm(), in, out, err, params, macs, wbits, fbits, acc));
            tp += params; tm += macs; tb += wbits; tf += fbits;
            shape = out;
            if (l.isBlock() && as > 0) inStates = as;
            else if (l.isBlock()) inStates = 0;
        }
        return new Report(rows, tp, tm, tb, tf, firstError);
    }

    static int bitsPerWeight(int states) {
        return states == 0 ? 32 : 32 - Integer.numberOfLeadingZeros(states - 1);
    }

    /** Bits of a signed accumulator for a dot product of {@code fanIn} terms (0 = float somewhere). */
    public static int accumulatorBits(long fanIn, int weightStates, int inputStates) {
        if (weightStates == 0 || inputStates == 0) return 0;
        long wMax = weightStates - 1; // odd integers 2k−(M−1) for even M; |k − (M−1)/2|·2 bound for odd M
        if (weightStates % 2 == 1) wMax = (weightStates - 1) / 2;
        double max = (double) fanIn * wMax * (inputStates - 1);
        return 1 + (int) Math.ceil(Math.log(max + 1) / Math.log(2));
    }

    private static long fanIn(LayerSpec l, int[] in) {
        return switch (l.type()) {
            case "linear", "output" -> Arrays.stream(in).asLongStream().reduce(1, (a, b) -> a * b);
            case "conv2d" -> (long) in[0] * l.kernel() * l.kernel();
            case "residual" -> (long) Math.max(in[0], l.channels()) * 9;
            default -> 0;
        };
    }

    private static long weightCount(LayerSpec l, int[] in) {
        return switch (l.type()) {
            case "linear", "output" -> fanIn(l, in) * l.units();
            case "conv2d" -> (long) in[0] * l.channels() * l.kernel() * l.kernel();
            case "residual" -> {
                long w = 9L * in[0] * l.channels() + 9L * l.channels() * l.channels();
                if (in[0] != l.channels() || l.stride() != 1) w += (long) in[0] * l.channels();
                yield w;
            }
            default -> 0;
        };
    }

    private static long extraParams(LayerSpec l, int[] out) {
        if (!l.isBlock() && !"output".equals(l.type())) return 0;
        int c = out[0];
        long normP = "none".equals(l.norm()) ? 0 : 2L * c;
        long bias = Boolean.TRUE.equals(l.bias()) ? c : 0;
        long step = "learned".equals(l.activationStep()) ? 1 : 0;
        if ("residual".equals(l.type())) return 2 * normP + step * 2;
        return normP + bias + step;
    }

    private static long macs(LayerSpec l, int[] in, int[] out) {
        long outPix = out.length == 3 ? (long) out[1] * out[2] : 1;
        return switch (l.type()) {
            case "linear", "output" -> fanIn(l, in) * l.units();
            case "conv2d" -> outPix * l.channels() * in[0] * l.kernel() * l.kernel();
            case "residual" -> outPix * l.channels() * (9L * in[0] + 9L * l.channels());
            default -> 0;
        };
    }

    /** Per-layer shape rules; messages say what the layer expects and what it gets. */
    static final class Shapes {
        static int[] out(LayerSpec l, int[] in) {
            String t = l.type();
            switch (t) {
                case "flatten" -> { return new int[] {Arrays.stream(in).reduce(1, (a, b) -> a * b)}; }
                case "dropout" -> { return in.clone(); }
                case "linear", "output" -> {
                    if (in.length != 1) throw new IllegalArgumentException("expects a flat input of features, gets "
                            + Arrays.toString(in) + " (add a flatten layer before it)");
                    return new int[] {l.units()};
                }
                case "conv2d", "maxpool", "avgpool", "residual" -> {
                    if (in.length != 3) throw new IllegalArgumentException("expects an image input [channels, height, width], gets "
                            + Arrays.toString(in));
                    int k = "residual".equals(t) ? 3 : l.kernel();
                    int s = l.stride() == null ? ("conv2d".equals(t) || "residual".equals(t) ? 1 : k) : l.stride();
                    int p = "residual".equals(t) ? 1 : (l.padding() == null ? 0 : l.padding());
                    int h = org.maqd.tensor.Shapes.convOut(in[1], k, s, p), w = org.maqd.tensor.Shapes.convOut(in[2], k, s, p);
                    if (h < 1 || w < 1 || in[1] + 2 * p < k || in[2] + 2 * p < k) {
                        throw new IllegalArgumentException("a " + k + "×" + k + " window with padding " + p
                                + " does not fit a " + in[1] + "×" + in[2] + " input");
                    }
                    int c = t.endsWith("pool") ? in[0] : l.channels();
                    if ("gn".equals(l.norm()) && !t.endsWith("pool") && l.groups() != null && c % l.groups() != 0) {
                        throw new IllegalArgumentException("group norm with " + l.groups() + " groups needs channels divisible by "
                                + l.groups() + ", has " + c);
                    }
                    return new int[] {c, h, w};
                }
                case "globalavgpool" -> {
                    if (in.length != 3) throw new IllegalArgumentException("expects an image input [channels, height, width], gets " + Arrays.toString(in));
                    return new int[] {in[0]};
                }
                default -> throw new IllegalArgumentException("unknown layer type '" + t + "'");
            }
        }
    }
}
