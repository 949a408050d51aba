package org.maqd.nn;

import java.util.List;
import org.maqd.tensor.Tensor;

/**
 * A layer with forward and backward side by side. {@code forward} caches what {@code backward} needs;
 * {@code backward} takes dL/d(output) and returns dL/d(input), <em>adding</em> parameter gradients into
 * {@link Param#grad}. Returned tensors are owned by the layer and reused on the next call with the same
 * batch size (no allocation in the steady state).
 */
public interface Layer {
    /** Output shape (batch first) for an input shape (batch first). Throws {@link ShapeException} if impossible. */
    int[] outputShape(int[] inputShape);

    Tensor forward(Tensor x, Mode mode);

    Tensor backward(Tensor gradOut);

    /** Trainable parameters, in a stable order. */
    default List<Param> params() { return List.of(); }

    /** Non-trainable state saved with the model (running statistics), in a stable order. */
    default List<Buffer> buffers() { return List.of(); }

    /** Sub-layers, for composite layers (residual blocks, quantized blocks). */
    default List<Layer> children() { return List.of(); }

    /**
     * Whether {@link #backward} must compute the input gradient. A network turns it off for its first layer with
     * parameters when nothing before it has any (the gradient with respect to the data is never used); layers that
     * support it then return null from {@link #backward} and skip that work. Default: always computed.
     */
    default void setInputGradientNeeded(boolean needed) {}

    /** Short kind name, e.g. "linear", "lbn", "qact". */
    String kind();
}
