package org.maqd.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maqd.nn.Buffer;
import org.maqd.nn.Layer;
import org.maqd.nn.Merge;
import org.maqd.nn.Mode;
import org.maqd.nn.Param;
import org.maqd.nn.Stochastic;
import org.maqd.tensor.Tensor;

/**
 * A built network: the resolved spec and one layer per graph node, run in topological order. Parameter and buffer
 * names are PyTorch-style paths, {@code <node path>.<child>.<name>} ({@code layers.<i>.op.weight} in a chain,
 * {@code nodes.<id>.op.weight} in a graph), so a state dict loads elsewhere.
 *
 * <p>Backward visits the nodes in reverse order. A node whose result feeds several nodes gets the sum of their
 * gradients, added in reverse node order (so the bits do not depend on threads); a node with one consumer gets its
 * gradient tensor as is (a chain runs exactly as a list of layers). Nodes with no parameters at or before them are
 * not visited, and the first nodes with parameters skip their input gradient.
 */
public final class Network {
    private final NetworkSpec spec;
    private final List<Layer> layers;
    private final int[][] inputs;
    private final String[] paths;
    private final List<NetworkGraph.Node> nodes;
    private final boolean[] needsGrad;
    private final int[] consumers;
    private final Tensor[] outs, grads, gradSums;
    private final Map<String, Param> params = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final List<Stochastic> stochastic = new ArrayList<>();

    Network(NetworkSpec resolvedSpec, NetworkGraph graph, List<Layer> layers) {
        this.spec = resolvedSpec;
        this.layers = List.copyOf(layers);
        this.nodes = List.copyOf(graph.nodes());
        int n = layers.size();
        inputs = new int[n][];
        paths = new String[n];
        needsGrad = new boolean[n];
        consumers = new int[n];
        outs = new Tensor[n];
        grads = new Tensor[n];
        gradSums = new Tensor[n];
        for (int i = 0; i < n; i++) {
            NetworkGraph.Node node = nodes.get(i);
            inputs[i] = node.inputs().clone();
            paths[i] = node.path();
            collect(paths[i], layers.get(i));
            boolean upstream = false;
            for (int src : inputs[i]) {
                if (src >= 0) { consumers[src]++; upstream |= needsGrad[src]; }
            }
            needsGrad[i] = upstream || hasParams(layers.get(i));
            // nothing before it learns, so the gradient with respect to its input is never used
            if (needsGrad[i] && !upstream) layers.get(i).setInputGradientNeeded(false);
        }
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
    /** One layer per node, in graph order. */
    public List<Layer> layers() { return layers; }
    /** The nodes, in graph order (index i ↔ {@link #layers()} i). */
    public List<NetworkGraph.Node> nodes() { return nodes; }
    /** Node i's inputs (node indices; −1 = the network input). */
    public int[] inputs(int i) { return inputs[i].clone(); }
    /**
     * The name probes, PTQ sites and calibration points give node i: {@code <i>:<kind>} in a chain (e.g. "1:linear"),
     * {@code <i>:<id>} in a graph.
     */
    public String probeName(int i) {
        return i + ":" + (spec.isGraph() ? nodes.get(i).id() : layers.get(i).kind());
    }

    /** True for a chain: every node's input is the node before it. */
    public boolean isChain() {
        for (int i = 0; i < inputs.length; i++) if (inputs[i].length != 1 || inputs[i][0] != i - 1) return false;
        return true;
    }
    public Map<String, Param> params() { return params; }
    public Map<String, Tensor> buffers() { return buffers; }

    public List<Param> paramList() { return new ArrayList<>(params.values()); }

    /** Runs every node; returns the output node's result. Node results stay readable until the next forward. */
    public Tensor forward(Tensor x, Mode mode) {
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            if (l instanceof Merge m) {
                List<Tensor> xs = new ArrayList<>(inputs[i].length);
                for (int src : inputs[i]) xs.add(src < 0 ? x : outs[src]);
                outs[i] = m.forward(xs, mode);
            } else {
                int src = inputs[i][0];
                outs[i] = l.forward(src < 0 ? x : outs[src], mode);
            }
        }
        return outs[layers.size() - 1];
    }

    /** Lowers every node, in graph order, to {@code target}'s primitives (each kind's {@link LayerKind#lower}). */
    public void lower(Lowering target) {
        for (int i = 0; i < layers.size(); i++) {
            NetworkGraph.Node g = nodes.get(i);
            g.kind().lower(new Lowering.Node(i, g.id(), g.path(), g.spec(), layers.get(i), inputs[i].clone(),
                    g.inShapes(), g.outShape(), i == layers.size() - 1), target);
        }
    }

    /** Node i's result of the last forward. */
    public Tensor output(int i) { return outs[i]; }

    /** Backpropagates {@code grad} (the loss gradient of the output) into every parameter's gradient. */
    public void backward(Tensor grad) {
        int n = layers.size();
        Arrays.fill(grads, null);
        grads[n - 1] = grad;
        for (int i = n - 1; i >= 0; i--) {
            if (!needsGrad[i] || grads[i] == null) continue;
            Layer l = layers.get(i);
            if (l instanceof Merge m) {
                Tensor[] gs = m.backwardAll(grads[i]);
                for (int p = 0; p < inputs[i].length; p++) pass(inputs[i][p], gs[p]);
            } else {
                Tensor g = l.backward(grads[i]);
                pass(inputs[i][0], g);
            }
            grads[i] = null;
        }
    }

    private void pass(int src, Tensor g) {
        if (src < 0 || !needsGrad[src] || g == null) return;
        if (grads[src] == null) {
            grads[src] = g;
            return;
        }
        Tensor sum = gradSums[src] = Tensor.reuse(gradSums[src], grads[src].shape());
        if (grads[src] != sum) System.arraycopy(grads[src].data, 0, sum.data, 0, sum.data.length);
        float[] s = sum.data, d = g.data;
        for (int k = 0; k < s.length; k++) s[k] += d[k];
        grads[src] = sum;
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
            if (!Arrays.equals(t.shape(), e.getValue().shape())) {
                throw new ModelFormatException(source + ": tensor '" + e.getKey() + "': expected shape "
                        + Arrays.toString(e.getValue().shape()) + ", found " + Arrays.toString(t.shape()));
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
