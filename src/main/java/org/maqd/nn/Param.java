package org.maqd.nn;

import org.maqd.tensor.Tensor;

/**
 * A trainable tensor and its gradient. {@code name} is the PyTorch-style local name ("weight", "bias", "step");
 * the model prefixes it with the layer path when saving. {@code decay} says whether weight decay applies.
 */
public final class Param {
    public final String name;
    public final Tensor value;
    public final Tensor grad;
    public final boolean decay;

    public Param(String name, Tensor value, boolean decay) {
        this.name = name;
        this.value = value;
        this.grad = Tensor.zeros(value.shape());
        this.decay = decay;
    }

    public void zeroGrad() { grad.fill(0f); }
}
