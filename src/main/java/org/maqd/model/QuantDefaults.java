package org.maqd.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Network-wide defaults for the quantization fields of hidden blocks. Any field a layer sets overrides these.
 * Defaults (method.md): weightStates 3, activationStates 2, norm lbn, groups 8, weight standardization on,
 * weightStep gaussian, activationStep gaussian, weightSurrogate ste, activationSurrogate triangle (measured best,
 * see docs/surrogates.md), alpha 4.
 * {@code firstWeightStates} and {@code outputWeightStates} (default 256) set the first block's and the classifier's
 * weight precision (method.md §8: 8-bit first layer and classifier weights, float logits).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuantDefaults(
        Integer weightStates,
        Integer activationStates,
        String norm,
        Integer groups,
        Boolean weightStandardization,
        String weightStep,
        Double weightClip,
        String activationStep,
        Double activationStepValue,
        String weightSurrogate,
        String activationSurrogate,
        Double alpha,
        Integer firstWeightStates,
        Integer outputWeightStates) {

    public static final QuantDefaults STANDARD = new QuantDefaults(3, 2, "lbn", 8, true, "gaussian", null,
            "gaussian", null, "ste", "triangle", 4.0, 256, 256);

    /** Fills every null field from {@link #STANDARD}. */
    public QuantDefaults orStandard() {
        QuantDefaults s = STANDARD;
        return new QuantDefaults(
                weightStates != null ? weightStates : s.weightStates,
                activationStates != null ? activationStates : s.activationStates,
                norm != null ? norm : s.norm,
                groups != null ? groups : s.groups,
                weightStandardization != null ? weightStandardization : s.weightStandardization,
                weightStep != null ? weightStep : s.weightStep,
                weightClip != null ? weightClip : s.weightClip,
                activationStep != null ? activationStep : s.activationStep,
                activationStepValue != null ? activationStepValue : s.activationStepValue,
                weightSurrogate != null ? weightSurrogate : s.weightSurrogate,
                activationSurrogate != null ? activationSurrogate : s.activationSurrogate,
                alpha != null ? alpha : s.alpha,
                firstWeightStates != null ? firstWeightStates : s.firstWeightStates,
                outputWeightStates != null ? outputWeightStates : s.outputWeightStates);
    }
}
