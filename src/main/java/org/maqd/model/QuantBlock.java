package org.maqd.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.maqd.nn.Layer;
import org.maqd.nn.Mode;
import org.maqd.norm.Norm;
import org.maqd.quant.ActivationQuantizer;
import org.maqd.quant.WeightQuantizer;
import org.maqd.tensor.Tensor;

/**
 * A quantized block (method.md §8): {@code op} (Linear or Conv2d, whose weights pass through WS → Q_w)
 * → {@code norm} → {@code act} (Q_a, or ReLU for 0 states). The output layer has no {@code act} (float logits).
 * Children are named {@code op}, {@code norm}, {@code act} in the state dict.
 */
public final class QuantBlock implements Layer, Network.Named {
    private final String type;
    private final Layer op;
    private final WeightQuantizer weights;
    private final Norm norm;
    private final ActivationQuantizer act;

    public QuantBlock(String type, Layer op, WeightQuantizer weights, Norm norm, ActivationQuantizer act) {
        this.type = type;
        this.op = op;
        this.weights = weights;
        this.norm = norm;
        this.act = act;
    }

    @Override public String kind() { return type; }
    public Layer op() { return op; }
    /** The weight quantizer, or null for float weights without standardization. */
    public WeightQuantizer weights() { return weights; }
    /** The normalization, or null for "none". */
    public Norm norm() { return norm; }
    /** The activation quantizer, or null for the output layer. */
    public ActivationQuantizer activation() { return act; }

    @Override
    public int[] outputShape(int[] in) {
        return op.outputShape(in);
    }

    @Override
    public Tensor forward(Tensor x, Mode mode) {
        Tensor h = op.forward(x, mode);
        if (norm != null && act != null) return norm.forward(h, mode, act);   // act inside the norm's output pass
        if (norm != null) h = norm.forward(h, mode);
        if (act != null) h = act.forward(h, mode);
        return h;
    }

    @Override
    public void setInputGradientNeeded(boolean needed) { op.setInputGradientNeeded(needed); }

    @Override
    public Tensor backward(Tensor g) {
        if (norm != null && act != null) {
            g = norm.backward(g, act);                                        // act inside the norm's first pass
        } else {
            if (act != null) g = act.backward(g);
            if (norm != null) g = norm.backward(g);
        }
        return op.backward(g);
    }

    @Override
    public Map<String, Layer> namedChildren() {
        Map<String, Layer> m = new LinkedHashMap<>();
        m.put("op", op);
        if (norm != null) m.put("norm", norm);
        if (act != null) m.put("act", act);
        return m;
    }
}
