package org.maqd.optim;

import java.util.List;
import java.util.Map;
import org.maqd.nn.Param;
import org.maqd.tensor.Tensor;

/**
 * Updates parameters from their gradients. Element-wise, so parallel updates give identical results for any
 * thread count. State (moments) is exposed by name for checkpoints.
 */
public interface Optimizer {
    void step(double learningRate);

    /**
     * Optionally called before the backward pass of a step whose {@link #step} follows with the same learning
     * rate: the optimizer may offer its update to the parameters ({@link Param#offerUpdate}), for layers that
     * apply it while the gradient is in cache. The results are those of the plain step. Default: nothing.
     */
    default void prepare(double learningRate) {}

    /** Named state tensors ("exp_avg.3" ...) plus the step count, for checkpoint and resume. */
    Map<String, Tensor> state();

    long steps();

    void setSteps(long steps);

    List<Param> params();
}
