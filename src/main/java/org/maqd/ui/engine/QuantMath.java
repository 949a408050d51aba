package org.maqd.ui.engine;

/**
 * The quantizer formulas the explorer plots (method.md §2, §4–6): the default (gaussian) step for M states, the
 * scaled round-clip staircase and the surrogate derivative used in backward.
 */
public interface QuantMath {
    /** Gaussian-optimal step for M states; signed = symmetric weight levels, unsigned = activation levels. */
    double gaussianStep(int states, boolean signed);

    /** Q(z): the quantized value of z for M states and step. */
    double quantize(double z, double step, int states, boolean signed);

    /** The surrogate d Q / d z at z: kind ste | sigmoid | triangle. */
    double surrogate(String kind, double alpha, double z, double step, int states, boolean signed);
}
