package org.maqd.model;

import java.util.List;

/** {@code output}: the classifier, a linear block with its own weight states and float logits (no Q_a). */
final class OutputKind extends WeightedKind {
    private final LinearKind linear = new LinearKind();

    @Override public String name() { return "output"; }
    @Override public String label() { return "Output"; }
    @Override public String description() { return "the classifier: linear with float logits, one unit per class"; }
    @Override
    public List<KindField> fields() {   // float logits: no activation fields
        return withQuant(KindField.UNITS).stream().filter(f -> !f.name().startsWith("activation")).toList();
    }
    @Override public LayerSpec paletteSpec() { return LayerSpec.output(10); }

    @Override
    public LayerSpec resolve(LayerSpec l, QuantDefaults d, boolean firstBlock) {
        return quant(l, d, d.outputWeightStates(), true);
    }

    @Override public int[] outShape(LayerSpec l, List<int[]> in) { return linear.outShape(l, in); }
    @Override public Cost cost(LayerSpec l, List<int[]> in, int[] out, int inStates) { return linear.cost(l, in, out, inStates); }
    @Override public org.maqd.nn.Layer build(LayerSpec l, List<int[]> in, Build c) { return linear.build(l, in, c); }
    @Override public void lower(Lowering.Node n, Lowering t) { t.block(n, (QuantBlock) n.layer()); }
}
