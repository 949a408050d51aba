package org.maqd.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maqd.nn.Add;
import org.maqd.nn.Layer;
import org.maqd.nn.Merge;
import org.maqd.nn.Mode;
import org.maqd.quant.ActivationQuantizer;
import org.maqd.tensor.Tensor;

/**
 * The {@code add} node: {@code y = Q_a(x_1 + … + x_k)} (a residual sum; inputs of one shape). Its Q_a is named
 * {@code act} in the state dict, as the activation after the sum of a residual block always was.
 */
public final class AddBlock implements Merge, Network.Named {
    private final Add sum = new Add();
    private final ActivationQuantizer act;

    public AddBlock(int inputs, ActivationQuantizer act) {
        this.act = act;
        sum.setInputs(inputs);
    }

    @Override public String kind() { return "add"; }
    public ActivationQuantizer activation() { return act; }
    @Override public int[] outputShape(int[] in) { return in.clone(); }

    @Override
    public Tensor forward(List<Tensor> xs, Mode mode) { return act.forward(sum.forward(xs, mode), mode); }

    @Override
    public Tensor[] backwardAll(Tensor g) { return sum.backwardAll(act.backward(g)); }

    @Override
    public Map<String, Layer> namedChildren() {
        Map<String, Layer> m = new LinkedHashMap<>();
        m.put("act", act);
        return m;
    }
}
