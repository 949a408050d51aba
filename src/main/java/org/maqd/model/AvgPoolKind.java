package org.maqd.model;

import java.util.List;
import org.maqd.nn.AvgPool2d;
import org.maqd.nn.Layer;

/** {@code avgpool}: the mean of each window. */
final class AvgPoolKind extends PoolKind {
    @Override public String name() { return "avgpool"; }
    @Override public String label() { return "Avg pool"; }
    @Override public String description() { return "mean of each window"; }
    @Override public Layer build(LayerSpec l, List<int[]> in, Build c) { return new AvgPool2d(l.kernel(), l.stride(), c.par()); }

    @Override
    public void lower(Lowering.Node n, Lowering t) {
        t.avgPool(n, n.spec().kernel(), n.spec().kernel(), n.spec().stride());
    }
}
