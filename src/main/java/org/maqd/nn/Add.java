package org.maqd.nn;

import java.util.List;
import org.maqd.tensor.Tensor;

/** Element-wise sum of inputs of one shape; backward passes the gradient unchanged to every input. */
public final class Add implements Merge {
    private Tensor y;

    @Override public String kind() { return "add"; }
    @Override public int[] outputShape(int[] in) { return in.clone(); }

    // xs: k tensors [B, ...] of one shape -> y [B, ...]; caches nothing
    @Override
    public Tensor forward(List<Tensor> xs, Mode mode) {
        Tensor a = xs.get(0);
        y = Tensor.reuse(y, a.shape());
        float[] o = y.data;
        System.arraycopy(a.data, 0, o, 0, o.length);
        for (int k = 1; k < xs.size(); k++) {
            Tensor b = xs.get(k);
            if (!b.hasShape(a.shape())) throw new ShapeException("add: input " + k + " is " + b + ", input 0 is " + a);
            float[] d = b.data;
            for (int i = 0; i < o.length; i++) o[i] += d[i];
        }
        return y;
    }

    // dL/dx_k = dL/dy for every k (the same tensor, read only)
    private int inputs = 1;

    @Override
    public Tensor[] backwardAll(Tensor g) {
        Tensor[] out = new Tensor[inputs];
        java.util.Arrays.fill(out, g);
        return out;
    }

    /** The number of inputs backward returns gradients for (set by the network that wires it). */
    public void setInputs(int n) { inputs = n; }
}
