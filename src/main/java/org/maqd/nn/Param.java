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

    /**
     * An optimizer's update of a run of this parameter's elements from their gradient, applied by the layer that
     * computes the gradient, row by row while each row is still in cache, instead of adding it to {@link #grad}
     * for a later pass of the optimizer ({@link #takeUpdate}).
     */
    @FunctionalInterface
    public interface Update {
        /**
         * Updates elements {@code [from, from + n)} given their complete gradient {@code g[gOff…gOff + n)} (which
         * it may overwrite). Runs on any thread, for disjoint runs; the gradient of each element is passed once.
         */
        void apply(int from, int n, float[] g, int gOff);
    }

    private Update update;
    private boolean updated;

    /** Offered by an optimizer before the backward pass (null withdraws it); clears {@link #updatedInBackward}. */
    public void offerUpdate(Update u) {
        update = u;
        updated = false;
    }

    /**
     * The offered update, or null: a layer that takes it promises to pass it the complete gradient of every
     * element exactly once in this backward pass (and to leave {@link #grad} untouched, except where the update
     * itself writes it), so the optimizer skips this parameter in its own pass.
     */
    public Update takeUpdate() {
        Update u = update;
        update = null;
        if (u != null) updated = true;
        return u;
    }

    /** True when a layer took this step's update ({@link #takeUpdate}). */
    public boolean updatedInBackward() { return updated; }

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
