package org.maqd.model;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One editable field of a kind, as plain data (the composer's property sheet renders it; validation reads
 * {@link #required}): the JSON name, a label, the value type, the choices of a {@code CHOICE}, and how to read and
 * write it on a {@link LayerSpec}.
 */
public record KindField(String name, String label, Type type, List<String> choices, boolean required,
                        Function<LayerSpec, Object> get, BiFunction<LayerSpec, Object, LayerSpec> set) {
    public enum Type { INT, DOUBLE, BOOL, CHOICE }

    public static final List<String> NORMS = List.of("lbn", "bn", "ln", "gn", "none");
    public static final List<String> SURROGATES = List.of("ste", "sigmoid", "triangle");
    public static final List<String> WEIGHT_STEPS = List.of("gaussian", "fixed");
    public static final List<String> ACTIVATION_STEPS = List.of("gaussian", "fixed", "learned");

    static KindField integer(String name, String label, boolean required, Function<LayerSpec, Object> get,
                             BiFunction<LayerSpec, Object, LayerSpec> set) {
        return new KindField(name, label, Type.INT, List.of(), required, get, set);
    }

    public static final KindField UNITS = integer("units", "Units", true, LayerSpec::units, (l, v) -> l.withUnits((Integer) v));
    public static final KindField CHANNELS = integer("channels", "Channels", true, LayerSpec::channels, (l, v) -> l.withChannels((Integer) v));
    public static final KindField KERNEL = integer("kernel", "Kernel", true, LayerSpec::kernel, (l, v) -> l.withKernel((Integer) v));
    public static final KindField STRIDE = integer("stride", "Stride", false, LayerSpec::stride, (l, v) -> l.withStride((Integer) v));
    public static final KindField PADDING = integer("padding", "Padding", false, LayerSpec::padding, (l, v) -> l.withPadding((Integer) v));
    public static final KindField RATE = new KindField("rate", "Drop rate", Type.DOUBLE, List.of(), true,
            LayerSpec::rate, (l, v) -> l.withRate((Double) v));

    /** The quantization fields every weighted kind takes (left empty: the network's defaults). */
    public static final List<KindField> QUANT = List.of(
            integer("weightStates", "Weight states", false, LayerSpec::weightStates, (l, v) -> l.withWeightStates((Integer) v)),
            integer("activationStates", "Activation states", false, LayerSpec::activationStates, (l, v) -> l.withActivationStates((Integer) v)),
            new KindField("norm", "Norm", Type.CHOICE, NORMS, false, LayerSpec::norm, (l, v) -> l.withNorm((String) v)),
            integer("groups", "GN groups", false, LayerSpec::groups, (l, v) -> l.withGroups((Integer) v)),
            new KindField("weightStandardization", "Weight standardization", Type.BOOL, List.of(), false,
                    LayerSpec::weightStandardization, (l, v) -> l.withWeightStandardization((Boolean) v)),
            new KindField("weightStep", "Weight step", Type.CHOICE, WEIGHT_STEPS, false, LayerSpec::weightStep, (l, v) -> l.withWeightStep((String) v)),
            new KindField("weightClip", "Weight clip", Type.DOUBLE, List.of(), false, LayerSpec::weightClip, (l, v) -> l.withWeightClip((Double) v)),
            new KindField("activationStep", "Activation step", Type.CHOICE, ACTIVATION_STEPS, false, LayerSpec::activationStep, (l, v) -> l.withActivationStep((String) v)),
            new KindField("activationStepValue", "Activation step value", Type.DOUBLE, List.of(), false, LayerSpec::activationStepValue, (l, v) -> l.withActivationStepValue((Double) v)),
            new KindField("weightSurrogate", "Weight surrogate", Type.CHOICE, SURROGATES, false, LayerSpec::weightSurrogate, (l, v) -> l.withWeightSurrogate((String) v)),
            new KindField("activationSurrogate", "Activation surrogate", Type.CHOICE, SURROGATES, false, LayerSpec::activationSurrogate, (l, v) -> l.withActivationSurrogate((String) v)),
            new KindField("alpha", "Surrogate alpha", Type.DOUBLE, List.of(), false, LayerSpec::alpha, (l, v) -> l.withAlpha((Double) v)),
            new KindField("bias", "Bias", Type.BOOL, List.of(), false, LayerSpec::bias, (l, v) -> l.withBias((Boolean) v)));

    /** {@code activation: false} ends a block after its norm (a residual branch). */
    public static final KindField ACTIVATION = new KindField("activation", "Activation (Q_a)", Type.BOOL, List.of(), false,
            LayerSpec::activation, (l, v) -> l.withActivation((Boolean) v));
}
