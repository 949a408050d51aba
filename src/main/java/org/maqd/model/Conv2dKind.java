package org.maqd.model;

import java.util.List;
import org.maqd.nn.Conv2d;
import org.maqd.nn.Layer;
import org.maqd.quant.WeightQuantizer;

/** {@code conv2d}: a quantized convolution block (channels, kernel, stride 1, padding kernel/2 by default). */
final class Conv2dKind extends WeightedKind {
    @Override public String name() { return "conv2d"; }
    @Override public String label() { return "Conv 2D"; }
    @Override public String description() { return "convolution block: weights → norm → Q_a"; }
    @Override public boolean hiddenBlock() { return true; }
    @Override public LayerSpec paletteSpec() { return LayerSpec.conv(16, 3, 1, 1); }

    @Override
    public List<KindField> fields() {
        return withQuant(KindField.CHANNELS, KindField.KERNEL, KindField.STRIDE, KindField.PADDING, KindField.ACTIVATION);
    }

    @Override
    public LayerSpec resolve(LayerSpec l, QuantDefaults d, boolean firstBlock) {
        int k = l.kernel() == null ? 3 : l.kernel();
        l = l.withStride(or(l.stride(), 1)).withPadding(or(l.padding(), k / 2));
        return quant(l, d, firstBlock ? d.firstWeightStates() : d.weightStates(), false);
    }

    @Override
    public int[] outShape(LayerSpec l, List<int[]> in) {
        requireImage(in);
        int[] hw = PoolKind.window(in.get(0), l.kernel(), l.stride() == null ? 1 : l.stride(),
                l.padding() == null ? 0 : l.padding());
        checkGroups(l, l.channels());
        return new int[] {l.channels(), hw[0], hw[1]};
    }

    @Override
    public Cost cost(LayerSpec l, List<int[]> in, int[] out, int inStates) {
        long fan = (long) in.get(0)[0] * l.kernel() * l.kernel();
        return cost(l, fan * l.channels(), fan, (long) out[1] * out[2] * l.channels() * fan, out[0], inStates, 1);
    }

    @Override
    public Layer build(LayerSpec l, List<int[]> in, Build c) {
        WeightQuantizer wq = weightQuantizer(l, c.par());
        Conv2d op = new Conv2d(in.get(0)[0], l.channels(), l.kernel(), l.stride(), l.padding(),
                Boolean.TRUE.equals(l.bias()), transform(wq), c.par(), c.rng());
        return block(l, op, wq, l.channels(), c.par());
    }

    @Override public void lower(Lowering.Node n, Lowering t) { t.block(n, (QuantBlock) n.layer()); }
}
