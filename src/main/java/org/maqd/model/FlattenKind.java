package org.maqd.model;

import java.util.List;
import org.maqd.nn.Flatten;
import org.maqd.nn.Layer;

/** {@code flatten}: [C, H, W] → [C·H·W], the same values. */
final class FlattenKind implements LayerKind {
    @Override public String name() { return "flatten"; }
    @Override public String label() { return "Flatten"; }
    @Override public String description() { return "image to a flat vector of features"; }
    @Override public List<KindField> fields() { return List.of(); }
    @Override public LayerSpec paletteSpec() { return LayerSpec.of(name()); }
    @Override public int[] outShape(LayerSpec l, List<int[]> in) { return new int[] {LinearKind.fanIn(in.get(0))}; }
    @Override public Layer build(LayerSpec l, List<int[]> in, Build c) { return new Flatten(); }
    @Override public void lower(Lowering.Node n, Lowering t) { t.reshape(n); }
}
