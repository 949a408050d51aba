package org.maqd.ui.engine;

import org.maqd.quant.GaussianStep;
import org.maqd.quant.RoundClip;
import org.maqd.quant.Surrogate;

/**
 * The explorer's curves from the engine's quantizer primitives: {@link GaussianStep} for the default step,
 * {@link RoundClip} for the staircase and {@link Surrogate} for backward. Signed (weight) levels are
 * Δ·(k − (M−1)/2) for codes k in [0, M−1], so the scaled input is shifted by (M−1)/2 before round-clip.
 */
public final class EngineQuantMath implements QuantMath {
    @Override
    public double gaussianStep(int states, boolean signed) {
        return signed ? GaussianStep.symmetric(states) : GaussianStep.unsigned(states);
    }

    @Override
    public double quantize(double z, double step, int states, boolean signed) {
        double offset = signed ? (states - 1) / 2.0 : 0;
        return step * (RoundClip.codeOfScaled(z / step + offset, 0, states - 1) - offset);
    }

    @Override
    public double surrogate(String kind, double alpha, double z, double step, int states, boolean signed) {
        double offset = signed ? (states - 1) / 2.0 : 0;
        return Surrogate.parse(kind, alpha).factor(z / step + offset, 0, states - 1);
    }
}
