package org.maqd.model;

import java.util.Arrays;
import java.util.List;
import org.maqd.nn.Layer;
import org.maqd.nn.Linear;
import org.maqd.quant.WeightQuantizer;

/** {@code linear}: a fully connected quantized block on a flat input of features (units). */
final class LinearKind extends WeightedKind {
    @Override public String name() { return "linear"; }
    @Override public String label() { return "Linear"; }
    @Override public String description() { return "fully connected block: weights → norm → Q_a"; }
    @Override public boolean hiddenBlock() { return true; }
    @Override public List<KindField> fields() { return withQuant(KindField.UNITS, KindField.ACTIVATION); }
    @Override public LayerSpec paletteSpec() { return LayerSpec.linear(128); }

    @Override
    public LayerSpec resolve(LayerSpec l, QuantDefaults d, boolean firstBlock) {
        return quant(l, d, firstBlock ? d.firstWeightStates() : d.weightStates(), false);
    }

    static int fanIn(int[] in) { return Arrays.stream(in).reduce(1, (a, b) -> a * b); }

    @Override
    public int[] outShape(LayerSpec l, List<int[]> in) {
        if (in.get(0).length != 1) {
            throw new IllegalArgumentException("expects a flat input of features, gets " + Arrays.toString(in.get(0))
                    + " (add a flatten layer before it)");
        }
        return new int[] {l.units()};
    }

    @Override
    public Cost cost(LayerSpec l, List<int[]> in, int[] out, int inStates) {
        long fan = fanIn(in.get(0));
        return cost(l, fan * l.units(), fan, fan * l.units(), out[0], inStates, 1);
    }

    @Override
    public Layer build(LayerSpec l, List<int[]> in, Build c) {
        WeightQuantizer wq = weightQuantizer(l, c.par());
        Linear op = new Linear(fanIn(in.get(0)), l.units(), Boolean.TRUE.equals(l.bias()), transform(wq), c.par(), c.rng());
        return block(l, op, wq, l.units(), c.par());
    }

    @Override public void lower(Lowering.Node n, Lowering t) { t.block(n, (QuantBlock) n.layer()); }
}
