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

    /** Named state tensors ("exp_avg.3" ...) plus the step count, for checkpoint and resume. */
    Map<String, Tensor> state();

    long steps();

    void setSteps(long steps);

    List<Param> params();
}
