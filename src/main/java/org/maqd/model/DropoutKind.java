package org.maqd.model;

import java.util.List;
import org.maqd.nn.Dropout;
import org.maqd.nn.Layer;

/** {@code dropout}: zeroes each value with probability {@code rate} in training; nothing at inference. */
final class DropoutKind implements LayerKind {
    @Override public String name() { return "dropout"; }
    @Override public String label() { return "Dropout"; }
    @Override public String description() { return "zeroes values at random while training"; }
    @Override public List<KindField> fields() { return List.of(KindField.RATE); }
    @Override public LayerSpec paletteSpec() { return LayerSpec.of(name()).withRate(0.2); }
    @Override public int[] outShape(LayerSpec l, List<int[]> in) { return in.get(0).clone(); }
    @Override public Layer build(LayerSpec l, List<int[]> in, Build c) { return new Dropout(l.rate(), c.index()); }
    @Override public void lower(Lowering.Node n, Lowering t) { t.identity(n); }
}
