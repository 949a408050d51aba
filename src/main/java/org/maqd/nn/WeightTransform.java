package org.maqd.nn;

import org.maqd.tensor.Tensor;

/**
 * Maps latent weights to the weights a layer computes with (weight standardization, quantization), and
 * back-propagates through that map. Applied once per step, not per sample. Shapes: the latent weight is
 * {@code [out, fanIn...]}; the effective weight has the same shape.
 */
public interface WeightTransform {
    /** Computes the effective weights from {@code latent}; returns a buffer owned by the transform. */
    Tensor forward(Tensor latent, Mode mode);

    /** Given dL/d(effective), writes dL/d(latent) into {@code gradLatent} (accumulating). */
    void backward(Tensor gradEffective, Tensor gradLatent);

    /** Identity: float weights. */
    WeightTransform IDENTITY = new WeightTransform() {
        @Override public Tensor forward(Tensor latent, Mode mode) { return latent; }
        @Override public void backward(Tensor g, Tensor gradLatent) {
            float[] a = gradLatent.data, b = g.data;
            for (int i = 0; i < a.length; i++) a[i] += b[i];
        }
    };
}
