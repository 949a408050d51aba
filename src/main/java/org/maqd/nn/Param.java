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

    /** True when {@link #grad} is known to be all zeros (an optimizer cleared it while reading it). */
    private boolean gradCleared;

    /** Sets the gradient to zero (free when the last optimizer step already cleared it). */
    public void zeroGrad() {
        if (!gradCleared) grad.fill(0f);
        gradCleared = false;
    }

    /**
     * Records that {@link #grad} is all zeros now (an optimizer that clears the gradient as it reads it calls
     * this), so the next {@link #zeroGrad} skips its pass. Gradients are only ever added to after a
     * {@link #zeroGrad}, which resets the record.
     */
    public void gradCleared() { gradCleared = true; }
}
