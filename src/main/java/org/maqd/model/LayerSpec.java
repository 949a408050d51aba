package org.maqd.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One layer (in a {@code layers} chain) or node (in a {@code nodes} graph) of a network spec, as written in
 * experiment files. Fields that do not apply to a type stay null; quantization fields left null take the network's
 * {@link QuantDefaults}. The types and their fields are defined by {@link LayerKinds}, one class per kind.
 *
 * <p>Graph fields: {@code id} (unique), {@code inputs} (node ids; {@code "input"} is the image) and {@code pos}
 * ([x, y] on the composer canvas, kept for the canvas and ignored by the engine). {@code activation} false ends a
 * block after its norm (no Q_a), for branches that feed an {@code add}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LayerSpec(        String type,
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
        Double alpha,
        Boolean activation,
        String id,
        List<String> inputs,
        List<Double> pos) {
    public LayerSpec {
        inputs = inputs == null ? null : List.copyOf(inputs);
        pos = pos == null ? null : List.copyOf(pos);
    }

    public static LayerSpec of(String type) {
        return new LayerSpec(type, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static LayerSpec linear(int units) { return of("linear").withUnits(units); }
    public static LayerSpec output(int units) { return of("output").withUnits(units); }
    public static LayerSpec conv(int channels, int kernel, int stride, int padding) {
        return of("conv2d").withChannels(channels).withKernel(kernel).withStride(stride).withPadding(padding);
    }

    public LayerSpec withType(String v) { return new LayerSpec(v, name, units, channels, kernel, stride, padding, rate, bias, weightStates, activationStates, norm, groups, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha, activation, id, inputs, pos); }
    public LayerSpec withName(String v) { return new LayerSpec(type, v, units, channels, kernel, stride, padding, rate, bias, weightStates, activationStates, norm, groups, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha, activation, id, inputs, pos); }
    public LayerSpec withUnits(Integer v) { return new LayerSpec(type, name, v, channels, kernel, stride, padding, rate, bias, weightStates, activationStates, norm, groups, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha, activation, id, inputs, pos); }
    public LayerSpec withChannels(Integer v) { return new LayerSpec(type, name, units, v, kernel, stride, padding, rate, bias, weightStates, activationStates, norm, groups, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha, activation, id, inputs, pos); }
    public LayerSpec withKernel(Integer v) { return new LayerSpec(type, name, units, channels, v, stride, padding, rate, bias, weightStates, activationStates, norm, groups, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha, activation, id, inputs, pos); }
    public LayerSpec withStride(Integer v) { return new LayerSpec(type, name, units, channels, kernel, v, padding, rate, bias, weightStates, activationStates, norm, groups, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha, activation, id, inputs, pos); }
    public LayerSpec withPadding(Integer v) { return new LayerSpec(type, name, units, channels, kernel, stride, v, rate, bias, weightStates, activationStates, norm, groups, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha, activation, id, inputs, pos); }
    public LayerSpec withRate(Double v) { return new LayerSpec(type, name, units, channels, kernel, stride, padding, v, bias, weightStates, activationStates, norm, groups, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha, activation, id, inputs, pos); }
    public LayerSpec withBias(Boolean v) { return new LayerSpec(type, name, units, channels, kernel, stride, padding, rate, v, weightStates, activationStates, norm, groups, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha, activation, id, inputs, pos); }
    public LayerSpec withWeightStates(Integer v) { return new LayerSpec(type, name, units, channels, kernel, stride, padding, rate, bias, v, activationStates, norm, groups, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha, activation, id, inputs, pos); }
    public LayerSpec withActivationStates(Integer v) { return new LayerSpec(type, name, units, channels, kernel, stride, padding, rate, bias, weightStates, v, norm, groups, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha, activation, id, inputs, pos); }
    public LayerSpec withNorm(String v) { return new LayerSpec(type, name, units, channels, kernel, stride, padding, rate, bias, weightStates, activationStates, v, groups, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha, activation, id, inputs, pos); }
    public LayerSpec withGroups(Integer v) { return new LayerSpec(type, name, units, channels, kernel, stride, padding, rate, bias, weightStates, activationStates, norm, v, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha, activation, id, inputs, pos); }
    public LayerSpec withWeightStandardization(Boolean v) { return new LayerSpec(type, name, units, channels, kernel, stride, padding, rate, bias, weightStates, activationStates, norm, groups, v, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha, activation, id, inputs, pos); }
    public LayerSpec withWeightStep(String v) { return new LayerSpec(type, name, units, channels, kernel, stride, padding, rate, bias, weightStates, activationStates, norm, groups, weightStandardization, v, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha, activation, id, inputs, pos); }
    public LayerSpec withWeightClip(Double v) { return new LayerSpec(type, name, units, channels, kernel, stride, padding, rate, bias, weightStates, activationStates, norm, groups, weightStandardization, weightStep, v, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha, activation, id, inputs, pos); }
    public LayerSpec withActivationStep(String v) { return new LayerSpec(type, name, units, channels, kernel, stride, padding, rate, bias, weightStates, activationStates, norm, groups, weightStandardization, weightStep, weightClip, v, activationStepValue, weightSurrogate, activationSurrogate, alpha, activation, id, inputs, pos); }
    public LayerSpec withActivationStepValue(Double v) { return new LayerSpec(type, name, units, channels, kernel, stride, padding, rate, bias, weightStates, activationStates, norm, groups, weightStandardization, weightStep, weightClip, activationStep, v, weightSurrogate, activationSurrogate, alpha, activation, id, inputs, pos); }
    public LayerSpec withWeightSurrogate(String v) { return new LayerSpec(type, name, units, channels, kernel, stride, padding, rate, bias, weightStates, activationStates, norm, groups, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, v, activationSurrogate, alpha, activation, id, inputs, pos); }
    public LayerSpec withActivationSurrogate(String v) { return new LayerSpec(type, name, units, channels, kernel, stride, padding, rate, bias, weightStates, activationStates, norm, groups, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, v, alpha, activation, id, inputs, pos); }
    public LayerSpec withAlpha(Double v) { return new LayerSpec(type, name, units, channels, kernel, stride, padding, rate, bias, weightStates, activationStates, norm, groups, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, v, activation, id, inputs, pos); }
    public LayerSpec withActivation(Boolean v) { return new LayerSpec(type, name, units, channels, kernel, stride, padding, rate, bias, weightStates, activationStates, norm, groups, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha, v, id, inputs, pos); }
    public LayerSpec withId(String v) { return new LayerSpec(type, name, units, channels, kernel, stride, padding, rate, bias, weightStates, activationStates, norm, groups, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha, activation, v, inputs, pos); }
    public LayerSpec withInputs(List<String> v) { return new LayerSpec(type, name, units, channels, kernel, stride, padding, rate, bias, weightStates, activationStates, norm, groups, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha, activation, id, v, pos); }
    public LayerSpec withPos(List<Double> v) { return new LayerSpec(type, name, units, channels, kernel, stride, padding, rate, bias, weightStates, activationStates, norm, groups, weightStandardization, weightStep, weightClip, activationStep, activationStepValue, weightSurrogate, activationSurrogate, alpha, activation, id, inputs, v); }

    /** True for layers that carry weights and end in a quantized activation (linear, conv2d, residual). */
    @JsonIgnore
    public boolean isBlock() { return LayerKinds.isHiddenBlock(type); }

    /** True when the block ends with Q_a (the default); false for {@code activation: false}. */
    @JsonIgnore
    public boolean hasActivation() { return !Boolean.FALSE.equals(activation); }
}
