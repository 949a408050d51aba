package org.maqd.nn;

import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;

/** Inverted dropout: in training each element is zeroed with probability p and the rest scaled by 1/(1−p). */
public final class Dropout implements Layer, Stochastic {
    private final float p;
    private final int id;
    private Rng rng = new Rng(0);
    private Tensor mask, y, gx;

    /** {@code id} distinguishes dropout layers in one network so their masks differ. */
    public Dropout(double p, int id) {
        if (p < 0 || p >= 1) throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + p);
        this.p = (float) p;
        this.id = id;
    }

    @Override public String kind() { return "dropout"; }
    @Override public int[] outputShape(int[] s) { return s.clone(); }
    @Override public void reseed(long seed, long step) { rng = Rng.derive(seed, "dropout-" + id, step); }

    @Override
    public Tensor forward(Tensor x, Mode mode) {
        if (mode != Mode.TRAIN || p == 0f) {
            mask = null;
            return x;
        }
        int[] s = x.shape();
        mask = Tensor.reuse(mask, s);
        y = Tensor.reuse(y, s);
        float keep = 1f / (1f - p);
        for (int i = 0; i < x.data.length; i++) {
            float m = rng.nextFloat() < p ? 0f : keep;
            mask.data[i] = m;
            y.data[i] = x.data[i] * m;
        }
        return y;
    }

    @Override
    public Tensor backward(Tensor g) {
        if (mask == null) return g;
        gx = Tensor.reuse(gx, g.shape());
        for (int i = 0; i < g.data.length; i++) gx.data[i] = g.data[i] * mask.data[i];
        return gx;
    }
}
