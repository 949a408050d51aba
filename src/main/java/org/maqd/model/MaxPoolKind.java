package org.maqd.model;

import java.util.List;
import org.maqd.nn.Layer;
import org.maqd.nn.MaxPool2d;

/** {@code maxpool}: the largest value of each window (on codes, as Q_a is monotone). */
final class MaxPoolKind extends PoolKind {
    @Override public String name() { return "maxpool"; }
    @Override public String label() { return "Max pool"; }
    @Override public String description() { return "largest value of each window"; }
    @Override public Layer build(LayerSpec l, List<int[]> in, Build c) { return new MaxPool2d(l.kernel(), l.stride(), c.par()); }
    @Override public void lower(Lowering.Node n, Lowering t) { t.maxPool(n, (MaxPool2d) n.layer()); }
}
