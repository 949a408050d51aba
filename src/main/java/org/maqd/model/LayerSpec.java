package org.maqd.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One layer of a network spec, as written in experiment files. Fields that do not apply to a type stay null;
 * quantization fields left null take the network's {@link QuantDefaults}.
 *
 * <p>Types: {@code linear} (units), {@code conv2d} (channels, kernel, stride, padding), {@code maxpool} and
 * {@code avgpool} (kernel, stride), {@code globalavgpool}, {@code flatten}, {@code dropout} (rate),
 * {@code residual} (two 3×3 conv blocks with a skip; channels, stride), {@code output} (the classifier:
 * linear with bias, its own weight states, float logits).
 *
 * <p>A {@code linear}, {@code conv2d} or {@code residual} layer is a quantized block:
 * weights → [WS → Q_w] → op → norm → Q_a (activationStates 0 = ReLU).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LayerSpec(
        String type,
        String name,
        Integer units,
        Integer channels,
        Integer kernel,
        Integer stride,
        Integer padding,
        Double rate,
        Boolean bias,
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
        Double alpha) {

    public static LayerSpec of(String type) {
        return new LayerSpec(type, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
    }

    public static LayerSpec linear(int units) { return of("linear").withUnits(units); }
    public static LayerSpec output(int units) { return of("output").withUnits(units); }
    public static LayerSpec conv(int channels, int kernel, int stride, int padding) {
        return new LayerSpec("conv2d", null, null, channels, kernel, stride, padding, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
    }

    public LayerSpec withUnits(Integer v) { return new LayerSpec(type, name, v, channels, kernel, stride, padding, rate, bias, weightStates, activationStates, norm, groups, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha); }
    public LayerSpec withName(String v) { return new LayerSpec(type, v, units, channels, kernel, stride, padding, rate, bias, weightStates, activationStates, norm, groups, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha); }
    public LayerSpec withChannels(Integer v) { return new LayerSpec(type, name, units, v, kernel, stride, padding, rate, bias, weightStates, activationStates, norm, groups, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha); }
    public LayerSpec withKernel(Integer v) { return new LayerSpec(type, name, units, channels, v, stride, padding, rate, bias, weightStates, activationStates, norm, groups, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha); }
    public LayerSpec withStride(Integer v) { return new LayerSpec(type, name, units, channels, kernel, v, padding, rate, bias, weightStates, activationStates, norm, groups, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha); }
    public LayerSpec withPadding(Integer v) { return new LayerSpec(type, name, units, channels, kernel, stride, v, rate, bias, weightStates, activationStates, norm, groups, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha); }
    public LayerSpec withRate(Double v) { return new LayerSpec(type, name, units, channels, kernel, stride, padding, v, bias, weightStates, activationStates, norm, groups, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha); }
    public LayerSpec withBias(Boolean v) { return new LayerSpec(type, name, units, channels, kernel, stride, padding, rate, v, weightStates, activationStates, norm, groups, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha); }
    public LayerSpec withWeightStates(Integer v) { return new LayerSpec(type, name, units, channels, kernel, stride, padding, rate, bias, v, activationStates, norm, groups, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha); }
    public LayerSpec withActivationStates(Integer v) { return new LayerSpec(type, name, units, channels, kernel, stride, padding, rate, bias, weightStates, v, norm, groups, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha); }
    public LayerSpec withNorm(String v) { return new LayerSpec(type, name, units, channels, kernel, stride, padding, rate, bias, weightStates, activationStates, v, groups, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha); }
    public LayerSpec withGroups(Integer v) { return new LayerSpec(type, name, units, channels, kernel, stride, padding, rate, bias, weightStates, activationStates, norm, v, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha); }
    public LayerSpec withWeightStandardization(Boolean v) { return new LayerSpec(type, name, units, channels, kernel, stride, padding, rate, bias, weightStates, activationStates, norm, groups, v, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha); }
    public LayerSpec withWeightStep(String v) { return new LayerSpec(type, name, units, channels, kernel, stride, padding, rate, bias, weightStates, activationStates, norm, groups, weightStandardization, v, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha); }
    public LayerSpec withWeightClip(Double v) { return new LayerSpec(type, name, units, channels, kernel, stride, padding, rate, bias, weightStates, activationStates, norm, groups, weightStandardization, weightStep, v, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha); }
    public LayerSpec withActivationStep(String v) { return new LayerSpec(type, name, units, channels, kernel, stride, padding, rate, bias, weightStates, activationStates, norm, groups, weightStandardization, weightStep, weightClip, v, activationStepValue, weightSurrogate, activationSurrogate, alpha); }
    public LayerSpec withActivationStepValue(Double v) { return new LayerSpec(type, name, units, channels, kernel, stride, padding, rate, bias, weightStates, activationStates, norm, groups, weightStandardization, weightStep, weightClip, activationStep, v, weightSurrogate, activationSurrogate, alpha); }
    public LayerSpec withWeightSurrogate(String v) { return new LayerSpec(type, name, units, channels, kernel, stride, padding, rate, bias, weightStates, activationStates, norm, groups, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, v, activationSurrogate, alpha); }
    public LayerSpec withActivationSurrogate(String v) { return new LayerSpec(type, name, units, channels, kernel, stride, padding, rate, bias, weightStates, activationStates, norm, groups, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, v, alpha); }
    public LayerSpec withAlpha(Double v) { return new LayerSpec(type, name, units, channels, kernel, stride, padding, rate, bias, weightStates, activationStates, norm, groups, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, v); }

    /** True for layers that carry weights and form a quantized block. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isBlock() { return "linear".equals(type) || "conv2d".equals(type) || "residual".equals(type); }
}
