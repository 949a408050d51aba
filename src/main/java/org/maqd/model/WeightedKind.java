package org.maqd.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.maqd.nn.Layer;
import org.maqd.nn.WeightTransform;
import org.maqd.norm.Norms;
import org.maqd.quant.ActivationQuantizer;
import org.maqd.quant.Surrogate;
import org.maqd.quant.WeightQuantizer;
import org.maqd.tensor.Parallel;

/**
 * What the weighted kinds (linear, conv2d, output, residual) share: the quantization fields and how the network's
 * defaults fill them (method.md §8: hidden blocks take the defaults, the first block's weights default to
 * {@code firstWeightStates}, the output layer's to {@code outputWeightStates}, its logits are float and it has a
 * bias only when it has no norm), the quantized block around the op, and the cost of its norm and bias.
 */
abstract class WeightedKind implements LayerKind {
    @Override public boolean weighted() { return true; }

    /** The kind's own fields followed by the quantization fields. */
    static List<KindField> withQuant(KindField... own) {
        List<KindField> f = new ArrayList<>(Arrays.asList(own));
        f.addAll(KindField.QUANT);
        return List.copyOf(f);
    }

    @Override
    public String integerOnlyReason(LayerSpec l, boolean last) {
        if (l.weightStates() == null || l.weightStates() == 0) return "has float weights (weightStates 0)";
        String n = l.norm();
        if ("ln".equals(n) || "gn".equals(n)) {
            return "uses " + n.toUpperCase(java.util.Locale.ROOT)
                    + ", whose statistics are computed per sample at inference (use lbn, bn or none)";
        }
        boolean output = LayerKinds.isOutput(l.type());
        if (output) return last ? null : "has float outputs but is not the last layer";
        if (!l.hasActivation()) return null;
        boolean floatOut = l.activationStates() == null || l.activationStates() == 0;
        return floatOut && !last ? "uses ReLU activations (activationStates 0), whose outputs are float" : null;
    }

    static LayerSpec quant(LayerSpec l, QuantDefaults d, int defaultWeightStates, boolean output) {
        String norm = or(l.norm(), d.norm());
        LayerSpec r = l.withWeightStates(or(l.weightStates(), defaultWeightStates))
                .withActivationStates(output ? Integer.valueOf(0) : or(l.activationStates(), d.activationStates()))
                .withNorm(norm)
                .withGroups(or(l.groups(), d.groups()))
                .withWeightStandardization(or(l.weightStandardization(), d.weightStandardization()))
                .withWeightStep(or(l.weightStep(), d.weightStep()))
                .withWeightSurrogate(or(l.weightSurrogate(), d.weightSurrogate()))
                .withAlpha(or(l.alpha(), d.alpha()))
                .withBias(or(l.bias(), "none".equals(norm)));
        r = r.withWeightClip(or(l.weightClip(), d.weightClip()));
        if (!output) {
            r = r.withActivationStep(or(l.activationStep(), d.activationStep()))
                    .withActivationSurrogate(or(l.activationSurrogate(), d.activationSurrogate()))
                    .withActivationStepValue(or(l.activationStepValue(), d.activationStepValue()));
        }
        return r;
    }

    static <T> T or(T v, T def) { return v != null ? v : def; }

    /** Weights [WS → Q_w] → op → norm → Q_a; no Q_a for the output layer or {@code activation: false}. */
    static QuantBlock block(LayerSpec l, Layer op, WeightQuantizer wq, int channels, Parallel par) {
        ActivationQuantizer act = "output".equals(l.type()) || !l.hasActivation() ? null : activation(l, par);
        return new QuantBlock(l.type(), op, wq, Norms.create(l.norm(), channels, l.groups(), par), act);
    }

    static WeightTransform transform(WeightQuantizer wq) {
        return wq == null ? WeightTransform.IDENTITY : wq;
    }

    /** Null when weights are float and not standardized. */
    static WeightQuantizer weightQuantizer(LayerSpec l, Parallel par) {
        boolean ws = Boolean.TRUE.equals(l.weightStandardization());
        int states = l.weightStates();
        if (states == 0 && !ws) return null;
        boolean fixed = "fixed".equals(l.weightStep());
        Surrogate sur = Surrogate.parse(l.weightSurrogate(), l.alpha());
        return new WeightQuantizer(new WeightQuantizer.Config(states, ws, fixed ? "clip" : "gaussian",
                fixed ? l.weightClip() : 0, sur), par);
    }

    static ActivationQuantizer activation(LayerSpec l, Parallel par) {
        int states = l.activationStates();
        Surrogate sur = Surrogate.parse(l.activationSurrogate(), l.alpha());
        if (states == 0) return new ActivationQuantizer(ActivationQuantizer.Config.relu(), par);
        return new ActivationQuantizer(switch (l.activationStep()) {
            case "fixed" -> ActivationQuantizer.Config.fixed(states, l.activationStepValue(), sur);
            case "learned" -> ActivationQuantizer.Config.learned(states, sur, true);
            default -> ActivationQuantizer.Config.gaussian(states, sur);
        }, par);
    }

    /** Cost of {@code weights} weights of fan-in {@code fanIn}, {@code macs} MACs, plus norm/bias/step parameters. */
    static Cost cost(LayerSpec l, long weights, long fanIn, long macs, int outChannels, int inStates, int normCount) {
        long normP = "none".equals(l.norm()) ? 0 : 2L * outChannels;
        long bias = Boolean.TRUE.equals(l.bias()) ? outChannels : 0;
        long step = "learned".equals(l.activationStep()) && l.hasActivation() && !"output".equals(l.type()) ? 1 : 0;
        long extra = normCount * normP + bias + step * normCount;
        int ws = l.weightStates() == null ? 0 : l.weightStates();
        long params = weights + extra;
        int acc = weights > 0 ? NetworkAnalysis.accumulatorBits(fanIn, ws, inStates) : 0;
        return new Cost(params, macs, weights * NetworkAnalysis.bitsPerWeight(ws) + extra * 32, params * 32, acc);
    }

    static void requireImage(List<int[]> in) {
        if (in.get(0).length != 3) {
            throw new IllegalArgumentException("expects an image input [channels, height, width], gets "
                    + Arrays.toString(in.get(0)));
        }
    }

    static void checkGroups(LayerSpec l, int c) {
        if ("gn".equals(l.norm()) && l.groups() != null && c % l.groups() != 0) {
            throw new IllegalArgumentException("group norm with " + l.groups() + " groups needs channels divisible by "
                    + l.groups() + ", has " + c);
        }
    }
}
