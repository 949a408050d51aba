package org.maqd.model;

import java.util.Arrays;
import java.util.List;
import org.maqd.nn.Layer;

/**
 * {@code add}: the residual sum of two or more inputs of one shape, followed by the node's Q_a (its activation
 * fields take the network's defaults).
 */
final class AddKind implements LayerKind {
    @Override public String name() { return "add"; }
    @Override public String label() { return "Add"; }
    @Override public String description() { return "sum of inputs of one shape, then Q_a (residual)"; }
    @Override public int minInputs() { return 2; }
    @Override public boolean quantizes() { return true; }
    @Override public int maxInputs() { return Integer.MAX_VALUE; }
    @Override public LayerSpec paletteSpec() { return LayerSpec.of(name()); }

    @Override
    public List<KindField> fields() {
        return KindField.QUANT.stream().filter(f -> f.name().startsWith("activation") || f.name().equals("alpha")).toList();
    }

    @Override
    public LayerSpec resolve(LayerSpec l, QuantDefaults d, boolean firstBlock) {
        return l.withActivationStates(WeightedKind.or(l.activationStates(), d.activationStates()))
                .withActivationStep(WeightedKind.or(l.activationStep(), d.activationStep()))
                .withActivationStepValue(WeightedKind.or(l.activationStepValue(), d.activationStepValue()))
                .withActivationSurrogate(WeightedKind.or(l.activationSurrogate(), d.activationSurrogate()))
                .withAlpha(WeightedKind.or(l.alpha(), d.alpha()));
    }

    @Override
    public int[] outShape(LayerSpec l, List<int[]> in) {
        for (int k = 1; k < in.size(); k++) {
            if (!Arrays.equals(in.get(0), in.get(k))) {
                throw new IllegalArgumentException("inputs " + Arrays.toString(in.get(0)) + " and "
                        + Arrays.toString(in.get(k)) + " differ (ports 1 and " + (k + 1) + ")");
            }
        }
        return in.get(0).clone();
    }

    @Override
    public String integerOnlyReason(LayerSpec l, boolean last) {
        return l.activationStates() == null || l.activationStates() == 0
                ? "uses ReLU activations (activationStates 0), whose outputs are float" : null;
    }

    @Override
    public long forwardAdds(List<int[]> in, int[] out) {
        long n = 1;
        for (int d : out) n *= d;
        return (in.size() - 1) * n;
    }

    @Override
    public Cost cost(LayerSpec l, List<int[]> in, int[] out, int inStates) {
        long step = "learned".equals(l.activationStep()) ? 1 : 0;
        return new Cost(step, 0, 32 * step, 32 * step, 0);
    }

    @Override
    public Layer build(LayerSpec l, List<int[]> in, Build c) {
        return new AddBlock(in.size(), WeightedKind.activation(l, c.par()));
    }

    @Override public void lower(Lowering.Node n, Lowering t) { t.add(n, (AddBlock) n.layer()); }
}
