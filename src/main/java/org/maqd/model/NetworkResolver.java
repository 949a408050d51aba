package org.maqd.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies the network's {@link QuantDefaults} to every layer, so each resolved layer states all its settings.
 * Rules (method.md §8): hidden blocks take the defaults; the first block's weights default to
 * {@code firstWeightStates}; the output layer's weights default to {@code outputWeightStates}, its logits are
 * float (activationStates 0), and it has a bias only when it has no normalization. Conv and pool geometry
 * defaults: stride 1 and padding kernel/2 for conv2d; stride = kernel for pooling; residual stride 1.
 */
public final class NetworkResolver {
    private NetworkResolver() {}

    public static NetworkSpec resolve(NetworkSpec n) {
        if (n == null) return null;
        QuantDefaults d = (n.defaults() == null ? QuantDefaults.STANDARD : n.defaults()).orStandard();
        List<LayerSpec> out = new ArrayList<>();
        boolean firstBlockSeen = false;
        for (LayerSpec l : n.layers()) {
            if (l == null) { out.add(null); continue; }
            boolean first = false;
            if (l.isBlock() || "output".equals(l.type())) {
                first = !firstBlockSeen;
                firstBlockSeen = true;
            }
            out.add(resolveLayer(l, d, first));
        }
        return new NetworkSpec(n.input(), d, out);
    }

    static LayerSpec resolveLayer(LayerSpec l, QuantDefaults d, boolean firstBlock) {
        String type = l.type();
        if (type == null) return l;
        switch (type) {
            case "conv2d" -> {
                int k = l.kernel() == null ? 3 : l.kernel();
                l = l.withStride(or(l.stride(), 1)).withPadding(or(l.padding(), k / 2));
                return quant(l, d, firstBlock ? d.firstWeightStates() : d.weightStates(), false);
            }
            case "linear" -> { return quant(l, d, firstBlock ? d.firstWeightStates() : d.weightStates(), false); }
            case "residual" -> { return quant(l.withStride(or(l.stride(), 1)), d, d.weightStates(), false); }
            case "output" -> { return quant(l, d, d.outputWeightStates(), true); }
            case "maxpool", "avgpool" -> {
                return l.withStride(or(l.stride(), l.kernel())).withPadding(or(l.padding(), 0));
            }
            default -> { return l; }
        }
    }

    private static LayerSpec quant(LayerSpec l, QuantDefaults d, int defaultWeightStates, boolean output) {
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
        Double clip = or(l.weightClip(), d.weightClip());
        r = r.withWeightClip(clip);
        if (!output) {
            r = r.withActivationStep(or(l.activationStep(), d.activationStep()))
                    .withActivationSurrogate(or(l.activationSurrogate(), d.activationSurrogate()))
                    .withActivationStepValue(or(l.activationStepValue(), d.activationStepValue()));
        }
        return r;
    }

    private static <T> T or(T v, T def) { return v != null ? v : def; }
}
