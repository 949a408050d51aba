package org.maqd.model;

import java.util.List;
import org.maqd.nn.GlobalAvgPool;
import org.maqd.nn.Layer;

/** {@code globalavgpool}: the mean of each channel's plane, [C, H, W] → [C]. */
final class GlobalAvgPoolKind implements LayerKind {
    @Override public String name() { return "globalavgpool"; }
    @Override public String label() { return "Global avg pool"; }
    @Override public String description() { return "mean of each channel: [C, H, W] → [C]"; }
    @Override public List<KindField> fields() { return List.of(); }
    @Override public LayerSpec paletteSpec() { return LayerSpec.of(name()); }

    @Override
    public int[] outShape(LayerSpec l, List<int[]> in) {
        WeightedKind.requireImage(in);
        return new int[] {in.get(0)[0]};
    }

    @Override public Layer build(LayerSpec l, List<int[]> in, Build c) { return new GlobalAvgPool(c.par()); }

    @Override
    public void lower(Lowering.Node n, Lowering t) {
        int[] in = n.inShapes().get(0);
        t.avgPool(n, in[1], in[2], 1);
    }
}
