package org.maqd.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maqd.nn.Buffer;
import org.maqd.nn.Layer;
import org.maqd.nn.Mode;
import org.maqd.nn.Param;
import org.maqd.nn.Stochastic;
import org.maqd.tensor.Tensor;

/**
 * A built network: the resolved spec and one top-level layer per spec layer, run in order. Parameter and
 * buffer names are PyTorch-style paths, {@code layers.<i>.<child>.<name>}, so a state dict loads elsewhere.
 */
public final class Network {
    private final NetworkSpec spec;
    private final List<Layer> layers;
    private final Map<String, Param> params = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final List<Stochastic> stochastic = new ArrayList<>();
    private final int firstWithParams;

    public Network(NetworkSpec resolvedSpec, List<Layer> layers) {
        this.spec = resolvedSpec;
        this.layers = List.copyOf(layers);
        for (int i = 0; i < layers.size(); i++) collect("layers." + i, layers.get(i));
        int first = 0;
        while (first < layers.size() && !hasParams(layers.get(first))) first++;
        this.firstWithParams = first;
        // nothing before it learns, so the gradient with respect to its input is never used
        if (first < layers.size()) layers.get(first).setInputGradientNeeded(false);
    }

    private void collect(String prefix, Layer l) {
        for (Param p : l.params()) params.put(prefix + "." + p.name, p);
        for (Buffer b : l.buffers()) buffers.put(prefix + "." + b.name(), b.value());
        if (l instanceof Stochastic s) stochastic.add(s);
        if (l instanceof Named n) {
            for (var e : n.namedChildren().entrySet()) collect(prefix + "." + e.getKey(), e.getValue());
        }
    }

    private static boolean hasParams(Layer l) {
        if (!l.params().isEmpty()) return true;
        if (l instanceof Named n) for (Layer c : n.namedChildren().values()) if (hasParams(c)) return true;
        for (Layer c : l.children()) if (hasParams(c)) return true;
        return false;
    }

    /** Composite layers name their children for the state dict. */
    public interface Named {
        Map<String, Layer> namedChildren();
    }

    public NetworkSpec spec() { return spec; }
    public List<Layer> layers() { return layers; }
    public Map<String, Param> params() { return params; }
    public Map<String, Tensor> buffers() { return buffers; }

    public List<Param> paramList() { return new ArrayList<>(params.values()); }

    public Tensor forward(Tensor x, Mode mode) {
        Tensor h = x;
        for (Layer l : layers) h = l.forward(h, mode);
        return h;
    }

    /**
     * Backpropagates {@code grad} (the loss gradient of the output) into every parameter's gradient. Stops at
     * the first layer with parameters: the layers before it have none, and the gradient with respect to the
     * data is not computed.
     */
    public void backward(Tensor grad) {
        Tensor g = grad;
        for (int i = layers.size() - 1; i >= firstWithParams; i--) g = layers.get(i).backward(g);
    }

    public void zeroGrad() {
        for (Param p : params.values()) p.zeroGrad();
    }

    public void reseed(long seed, long step) {
        for (Stochastic s : stochastic) s.reseed(seed, step);
    }

    /** Parameters then buffers, by name (the safetensors content). */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        params.forEach((k, p) -> m.put(k, p.value));
        m.putAll(buffers);
        return m;
    }

    /** Copies values from a state dict; every tensor of this network must be present with the same shape. */
    public void loadStateDict(Map<String, Tensor> state, String source) {
        Map<String, Tensor> mine = stateDict();
        for (var e : mine.entrySet()) {
            Tensor t = state.get(e.getKey());
            if (t == null) throw new ModelFormatException(source + ": tensor '" + e.getKey() + "' is missing");
            if (!java.util.Arrays.equals(t.shape(), e.getValue().shape())) {
                throw new ModelFormatException(source + ": tensor '" + e.getKey() + "': expected shape "
                        + java.util.Arrays.toString(e.getValue().shape()) + ", found " + java.util.Arrays.toString(t.shape()));
            }
            e.getValue().copyFrom(t);
        }
        for (String k : state.keySet()) {
            if (!mine.containsKey(k)) throw new ModelFormatException(source + ": tensor '" + k + "' is not part of this network (expected only " + mine.keySet() + ")");
        }
    }

    public long parameterCount() {
        long n = 0;
        for (Param p : params.values()) n += p.value.size();
        return n;
    }
}
