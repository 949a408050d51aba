package org.maqd.nn;

import java.util.List;
import org.maqd.tensor.Tensor;

/**
 * Concatenation along the channel axis: inputs [B, C_k, H, W] (or [B, F_k]) → [B, ΣC_k, H, W]. Backward slices the
 * gradient back into one tensor per input.
 */
public final class Concat implements Merge {
    private Tensor y;
    private int[][] inShapes;
    private Tensor[] grads;

    @Override public String kind() { return "concat"; }
    @Override public int[] outputShape(int[] in) { return in.clone(); }

    // xs: [B, C_k, ...] -> y [B, ΣC_k, ...]; caches the input shapes
    @Override
    public Tensor forward(List<Tensor> xs, Mode mode) {
        int b = xs.get(0).dim(0), per = 0;
        inShapes = new int[xs.size()][];
        for (int k = 0; k < xs.size(); k++) {
            inShapes[k] = xs.get(k).shape();
            per += xs.get(k).perItem();
        }
        int[] s = xs.get(0).shape();
        s[1] = per / (xs.get(0).perItem() / s[1]);
        y = Tensor.reuse(y, s);
        int off = 0;
        for (Tensor x : xs) {
            int n = x.perItem();
            for (int i = 0; i < b; i++) System.arraycopy(x.data, i * n, y.data, i * per + off, n);
            off += n;
        }
        return y;
    }

    // g [B, ΣC_k, ...] -> one gradient [B, C_k, ...] per input
    @Override
    public Tensor[] backwardAll(Tensor g) {
        if (grads == null || grads.length != inShapes.length) grads = new Tensor[inShapes.length];
        int b = g.dim(0), per = g.perItem(), off = 0;
        for (int k = 0; k < inShapes.length; k++) {
            grads[k] = Tensor.reuse(grads[k], inShapes[k]);
            int n = grads[k].perItem();
            for (int i = 0; i < b; i++) System.arraycopy(g.data, i * per + off, grads[k].data, i * n, n);
            off += n;
        }
        return grads.clone();
    }
}
