package org.maqd.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.maqd.nn.Layer;
import org.maqd.nn.Mode;
import org.maqd.quant.ActivationQuantizer;
import org.maqd.tensor.Tensor;

/**
 * A residual block: {@code y = Q_a(main(x) + shortcut(x))} where main is conv3×3 → norm → Q_a → conv3×3 → norm
 * ({@code first} is a full {@link QuantBlock}, {@code second} one without activation) and shortcut is the
 * identity, or a 1×1 conv → norm when the stride or the channel count changes.
 */
public final class ResidualBlock implements Layer, Network.Named {
    private final QuantBlock first, second, shortcut;
    private final ActivationQuantizer act;
    private Tensor sum, gx;

    public ResidualBlock(QuantBlock first, QuantBlock second, QuantBlock shortcut, ActivationQuantizer act) {
        this.first = first;
        this.second = second;
        this.shortcut = shortcut;
        this.act = act;
    }

    @Override public String kind() { return "residual"; }
    public QuantBlock first() { return first; }
    public QuantBlock second() { return second; }
    public QuantBlock shortcut() { return shortcut; }
    public ActivationQuantizer activation() { return act; }

    @Override
    public int[] outputShape(int[] in) {
        return second.outputShape(first.outputShape(in));
    }

    @Override
    public Tensor forward(Tensor x, Mode mode) {
        Tensor main = second.forward(first.forward(x, mode), mode);
        Tensor skip = shortcut == null ? x : shortcut.forward(x, mode);
        sum = Tensor.reuse(sum, main.shape());
        float[] s = sum.data, a = main.data, b = skip.data;
        for (int i = 0; i < s.length; i++) s[i] = a[i] + b[i];
        return act.forward(sum, mode);
    }

    @Override
    public Tensor backward(Tensor g) {
        Tensor gs = act.backward(g);
        Tensor gMain = first.backward(second.backward(gs));
        gx = Tensor.reuse(gx, gMain.shape());
        Tensor gSkip = shortcut == null ? gs : shortcut.backward(gs);
        float[] o = gx.data, a = gMain.data, b = gSkip.data;
        for (int i = 0; i < o.length; i++) o[i] = a[i] + b[i];
        return gx;
    }

    @Override
    public Map<String, Layer> namedChildren() {
        Map<String, Layer> m = new LinkedHashMap<>();
        m.put("conv1", first);
        m.put("conv2", second);
        if (shortcut != null) m.put("shortcut", shortcut);
        m.put("act", act);
        return m;
    }
}
