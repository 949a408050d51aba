package org.maqd.ui.engine;

import java.util.ArrayList;
import java.util.List;
import org.maqd.model.LayerSpec;
import org.maqd.model.NetworkSpec;
import org.maqd.model.QuantDefaults;

/**
 * Shape inference and cost of a chain network, used until the engine's NetworkAnalysis is present in this build.
 * Per sample shapes are [C, H, W] or [N]; a layer that cannot take its input carries the reason and every later
 * layer is reported as "after an error".
 */
public final class LocalNetworkAnalyzer implements NetworkAnalyzer {

    @Override
    public CostReport analyze(NetworkSpec spec) {
        QuantDefaults d = (spec.defaults() == null ? new QuantDefaults(null, null, null, null, null, null, null,
                null, null, null, null, null, null, null) : spec.defaults()).orStandard();
        List<LayerSpec> layers = spec.layers() == null ? List.of() : spec.layers();
        int[] shape = spec.input() == null ? null : spec.input().stream().mapToInt(Integer::intValue).toArray();
        String broken = shape == null || shape.length == 0 ? "the network has no input shape" : null;
        List<CostRow> rows = new ArrayList<>();
        long params = 0, bits = 0, fp32 = 0, macs = 0;
        int inStates = 256;
        boolean firstBlock = true;
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec l = layers.get(i);
            String type = l.type() == null ? "?" : l.type();
            boolean block = l.isBlock() || "output".equals(type);
            int ws = 0, as = 0;
            String norm = "-";
            if (block) {
                boolean out = "output".equals(type);
                ws = l.weightStates() != null ? l.weightStates()
                        : out ? d.outputWeightStates() : firstBlock ? d.firstWeightStates() : d.weightStates();
                as = out ? 0 : l.activationStates() != null ? l.activationStates() : d.activationStates();
                norm = out ? "none" : l.norm() != null ? l.norm() : d.norm();
                firstBlock = false;
            }
            if (broken != null) {
                rows.add(new CostRow(i, type, ws, as, norm, "?", i == 0 ? broken : "after an error above", 0, 0, 0, 0));
                broken = "after an error above";
                continue;
            }
            Step s = step(l, type, shape);
            if (s.error != null) {
                rows.add(new CostRow(i, type, ws, as, norm, "?", s.error, 0, 0, 0, 0));
                broken = "after an error above";
                continue;
            }
            long w = s.weights;
            long p = w + s.extra + (block && !"none".equals(norm) ? 2L * s.channels : 0);
            long wb = Math.round(w * (ws == 0 ? 32 : log2(ws)));
            int acc = block ? accumulatorBits(s.fanIn, ws, inStates) : 0;
            rows.add(new CostRow(i, type, ws, as, norm, fmt(s.out), null, p, s.macs, wb, acc));
            params += p;
            bits += wb + 32L * (p - w);
            fp32 += 32L * p;
            macs += s.macs;
            shape = s.out;
            if (block) inStates = as == 0 ? 0 : as;
        }
        return new CostReport(rows, params, bits, fp32, macs);
    }

    private record Step(int[] out, String error, long weights, long extra, long macs, int channels, long fanIn) {
        static Step fail(String why) { return new Step(null, why, 0, 0, 0, 0, 0); }
    }

    private static Step step(LayerSpec l, String type, int[] in) {
        switch (type) {
            case "linear":
            case "output": {
                if (in.length != 1) return Step.fail(type + " needs a flat input but gets " + fmt(in) + ": add flatten before it");
                if (l.units() == null || l.units() < 1) return Step.fail(type + " needs units ≥ 1");
                long n = in[0];
                long b = "output".equals(type) || Boolean.TRUE.equals(l.bias()) ? l.units() : 0;
                return new Step(new int[]{l.units()}, null, n * l.units(), b, n * l.units(), l.units(), n);
            }
            case "conv2d":
            case "residual": {
                if (in.length != 3) return Step.fail(type + " needs a [C, H, W] input but gets " + fmt(in));
                Integer c = l.channels();
                if (c == null || c < 1) return Step.fail(type + " needs channels ≥ 1");
                int k = "residual".equals(type) ? 3 : nz(l.kernel(), 3);
                int s = nz(l.stride(), 1);
                int p = "residual".equals(type) ? 1 : nz(l.padding(), 0);
                int h = (in[1] + 2 * p - k) / s + 1, wd = (in[2] + 2 * p - k) / s + 1;
                if (k < 1 || s < 1 || in[1] + 2 * p < k || in[2] + 2 * p < k)
                    return Step.fail(type + " kernel " + k + " does not fit the " + in[1] + "×" + in[2] + " input (padding " + p + ")");
                long w1 = (long) in[0] * c * k * k;
                long macs = w1 * h * wd;
                if ("residual".equals(type)) {
                    long w2 = (long) c * c * 9;
                    long proj = (s != 1 || in[0] != c) ? (long) in[0] * c : 0;
                    return new Step(new int[]{c, h, wd}, null, w1 + w2 + proj, 2L * c, macs + (w2 + proj) * h * wd, c, (long) c * 9);
                }
                return new Step(new int[]{c, h, wd}, null, w1, 0, macs, c, (long) in[0] * k * k);
            }
            case "maxpool":
            case "avgpool": {
                if (in.length != 3) return Step.fail(type + " needs a [C, H, W] input but gets " + fmt(in));
                int k = nz(l.kernel(), 2), s = nz(l.stride(), k);
                if (k > in[1] || k > in[2]) return Step.fail(type + " kernel " + k + " is larger than the " + in[1] + "×" + in[2] + " input");
                return new Step(new int[]{in[0], (in[1] - k) / s + 1, (in[2] - k) / s + 1}, null, 0, 0, 0, 0, 0);
            }
            case "globalavgpool":
                if (in.length != 3) return Step.fail("globalavgpool needs a [C, H, W] input but gets " + fmt(in));
                return new Step(new int[]{in[0]}, null, 0, 0, 0, 0, 0);
            case "flatten": {
                int n = 1;
                for (int v : in) n *= v;
                return new Step(new int[]{n}, null, 0, 0, 0, 0, 0);
            }
            case "dropout":
                if (l.rate() != null && (l.rate() < 0 || l.rate() >= 1)) return Step.fail("dropout rate must be in [0, 1)");
                return new Step(in, null, 0, 0, 0, 0, 0);
            default:
                return Step.fail("unknown layer type '" + type + "'");
        }
    }

    /** Bits of a signed integer that holds fanIn products of weight codes and input activation codes. */
    static int accumulatorBits(long fanIn, int weightStates, int inStates) {
        if (weightStates == 0 || inStates == 0) return 32;
        long wMax = weightStates % 2 == 0 ? weightStates - 1 : (weightStates - 1) / 2;
        long aMax = inStates - 1;
        double maxAbs = (double) fanIn * Math.max(wMax, 1) * Math.max(aMax, 1);
        return 1 + (int) Math.ceil(Math.log(maxAbs + 1) / Math.log(2));
    }

    private static int nz(Integer v, int dflt) { return v == null ? dflt : v; }

    private static double log2(int m) { return Math.log(m) / Math.log(2); }

    static String fmt(int[] s) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < s.length; i++) b.append(i > 0 ? ", " : "").append(s[i]);
        return b.append(']').toString();
    }
}
