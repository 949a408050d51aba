package org.maqd.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A network: the input shape per sample {@code [C, H, W]}, defaults for the quantization fields, and either
 * {@code layers} (a chain, each layer's input the previous layer's output) or {@code nodes} (a graph: each node
 * names its {@code inputs} by id; {@code "input"} is the image). Exactly one of the two is set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NetworkSpec(List<Integer> input, QuantDefaults defaults, List<LayerSpec> layers, List<LayerSpec> nodes) {
    /** The reserved id of the network input in {@code inputs}. */
    public static final String INPUT = "input";

    public NetworkSpec {
        layers = layers == null ? null : List.copyOf(layers);
        nodes = nodes == null ? null : List.copyOf(nodes);
        input = input == null ? null : List.copyOf(input);
    }

    /** A chain. */
    public NetworkSpec(List<Integer> input, QuantDefaults defaults, List<LayerSpec> layers) {
        this(input, defaults, layers, null);
    }

    /** A graph. */
    public static NetworkSpec graph(List<Integer> input, QuantDefaults defaults, List<LayerSpec> nodes) {
        return new NetworkSpec(input, defaults, null, nodes);
    }

    /** True for a {@code nodes} graph. */
    @JsonIgnore
    public boolean isGraph() { return nodes != null; }

    /** The layers of a chain or the nodes of a graph (an empty list when neither is set). */
    @JsonIgnore
    public List<LayerSpec> all() { return nodes != null ? nodes : layers != null ? layers : List.of(); }

    /** The classifier's units (the last layer or node of a resolved spec), or null. */
    @JsonIgnore
    public Integer outputUnits() {
        List<LayerSpec> a = all();
        for (int i = a.size() - 1; i >= 0; i--) if (a.get(i) != null && LayerKinds.isOutput(a.get(i).type())) return a.get(i).units();
        return null;
    }

    public NetworkSpec withLayers(List<LayerSpec> l) { return new NetworkSpec(input, defaults, l, null); }
    public NetworkSpec withNodes(List<LayerSpec> n) { return new NetworkSpec(input, defaults, null, n); }
    public NetworkSpec withDefaults(QuantDefaults d) { return new NetworkSpec(input, d, layers, nodes); }
    public NetworkSpec withInput(List<Integer> in) { return new NetworkSpec(in, defaults, layers, nodes); }
}
