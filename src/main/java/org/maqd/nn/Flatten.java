package org.maqd.nn;

import org.maqd.tensor.Tensor;

/** [B, C, H, W] → [B, C·H·W] as a view (no copy); backward restores the input shape. */
public final class Flatten implements Layer {
    private int[] inShape;

    @Override public String kind() { return "flatten"; }

    @Override
    public int[] outputShape(int[] s) {
        int f = 1;
        for (int i = 1; i < s.length; i++) f *= s[i];
        return new int[] {s[0], f};
    }

    @Override
    public Tensor forward(Tensor x, Mode mode) {
        inShape = x.shape();
        return x.view(x.dim(0), x.perItem());
    }

    @Override
    public Tensor backward(Tensor g) { return g.view(inShape); }
}
