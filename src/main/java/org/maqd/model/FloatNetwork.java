package org.maqd.model;

import java.util.List;

/**
 * The one rule for "a float network", the kind post-training quantization takes: every layer with weights (the
 * classifier too) has 0 weight states and every hidden block 0 activation states (a ReLU). Sweeps mark their float
 * trials by it, {@code maqd ptq} refuses other models with {@link #firstQuantized}'s field, and the window enables
 * PTQ by it. Judged on the network as resolved (each layer's own value, else the defaults'), so a layer set to 0
 * under defaults of 3 is float and a 256-state classifier under float defaults is not.
 */
public final class FloatNetwork {
    private FloatNetwork() {}

    /**
     * A layer that is not float: where it is ({@code layers[3]} in a chain, {@code nodes[stem]} in a graph, by id
     * since a graph resolves in topological order), the field and its number of states.
     */
    public record Quantized(String layer, String field, int states) {
        /** The field's path below the network, e.g. {@code layers[3].weightStates}. */
        public String path() { return layer + "." + field; }
    }

    /** The first quantized layer of {@code network} (resolved here), or null when the network is float. */
    public static Quantized firstQuantized(NetworkSpec network) {
        List<LayerSpec> layers = NetworkResolver.resolve(network).all();
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec l = layers.get(i);
            String at = network.isGraph() ? "nodes[" + l.id() + "]" : "layers[" + i + "]";
            if (LayerKinds.isWeighted(l.type()) && states(l.weightStates()) != 0) return new Quantized(at, "weightStates", l.weightStates());
            if (l.isBlock() && states(l.activationStates()) != 0) return new Quantized(at, "activationStates", l.activationStates());
        }
        return null;
    }

    public static boolean isFloat(NetworkSpec network) { return firstQuantized(network) == null; }

    private static int states(Integer v) { return v == null ? 0 : v; }
}
