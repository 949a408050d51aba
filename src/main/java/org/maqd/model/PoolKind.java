package org.maqd.model;

import java.util.List;

/** What {@code maxpool} and {@code avgpool} share: kernel, stride (default: the kernel), no padding, the shape rule. */
abstract class PoolKind implements LayerKind {
    @Override public List<KindField> fields() { return List.of(KindField.KERNEL, KindField.STRIDE); }
    @Override public LayerSpec paletteSpec() { return LayerSpec.of(name()).withKernel(2).withStride(2); }

    @Override
    public LayerSpec resolve(LayerSpec l, QuantDefaults d, boolean firstBlock) {
        return l.withStride(WeightedKind.or(l.stride(), l.kernel())).withPadding(WeightedKind.or(l.padding(), 0));
    }

    @Override
    public int[] outShape(LayerSpec l, List<int[]> in) {
        WeightedKind.requireImage(in);
        int k = l.kernel();
        int[] hw = window(in.get(0), k, l.stride() == null ? k : l.stride(), l.padding() == null ? 0 : l.padding());
        return new int[] {in.get(0)[0], hw[0], hw[1]};
    }

    /** Output height and width of a k×k window sliding over an image input, or why it does not fit. */
    static int[] window(int[] in, int k, int s, int p) {
        int h = org.maqd.tensor.Shapes.convOut(in[1], k, s, p), w = org.maqd.tensor.Shapes.convOut(in[2], k, s, p);
        if (h < 1 || w < 1 || in[1] + 2 * p < k || in[2] + 2 * p < k) {
            throw new IllegalArgumentException("a " + k + "×" + k + " window with padding " + p + " does not fit a "
                    + in[1] + "×" + in[2] + " input");
        }
        return new int[] {h, w};
    }
}
