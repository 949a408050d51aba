package org.maqd.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A network: the input shape per sample {@code [C, H, W]}, defaults for the quantization fields, and the layers
 * in order (a chain; residual blocks carry their own skip).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NetworkSpec(List<Integer> input, QuantDefaults defaults, List<LayerSpec> layers) {
    public NetworkSpec {
        layers = layers == null ? null : List.copyOf(layers);
        input = input == null ? null : List.copyOf(input);
    }

    public NetworkSpec withLayers(List<LayerSpec> l) { return new NetworkSpec(input, defaults, l); }
    public NetworkSpec withDefaults(QuantDefaults d) { return new NetworkSpec(input, d, layers); }
    public NetworkSpec withInput(List<Integer> in) { return new NetworkSpec(in, defaults, layers); }
}
