package org.maqd.model;

import java.util.Arrays;
import java.util.List;
import org.maqd.nn.Concat;
import org.maqd.nn.Layer;

/** {@code concat}: joins two or more inputs along the channel axis (images of one height and width, or vectors). */
final class ConcatKind implements LayerKind {
    @Override public String name() { return "concat"; }
    @Override public String label() { return "Concat"; }
    @Override public String description() { return "joins inputs along the channels"; }
    @Override public int minInputs() { return 2; }
    @Override public int maxInputs() { return Integer.MAX_VALUE; }
    @Override public List<KindField> fields() { return List.of(); }
    @Override public LayerSpec paletteSpec() { return LayerSpec.of(name()); }

    @Override
    public int[] outShape(LayerSpec l, List<int[]> in) {
        int[] a = in.get(0), out = a.clone();
        for (int k = 1; k < in.size(); k++) {
            int[] b = in.get(k);
            boolean same = a.length == b.length && Arrays.equals(Arrays.copyOfRange(a, 1, a.length), Arrays.copyOfRange(b, 1, b.length));
            if (!same) {
                throw new IllegalArgumentException("inputs " + Arrays.toString(a) + " and " + Arrays.toString(b)
                        + " differ in more than the channels (ports 1 and " + (k + 1) + ")");
            }
            out[0] += b[0];
        }
        return out;
    }

    @Override public Layer build(LayerSpec l, List<int[]> in, Build c) { return new Concat(); }
    @Override public void lower(Lowering.Node n, Lowering t) { t.concat(n); }
}
