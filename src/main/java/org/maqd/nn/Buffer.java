package org.maqd.nn;

import org.maqd.tensor.Tensor;

/** Non-trainable persistent state of a layer (e.g. running_mean), saved and restored with the model. */
public record Buffer(String name, Tensor value) {}
