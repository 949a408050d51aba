package org.maqd.ui.vm;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.maqd.experiment.FieldRules;
import org.maqd.model.LayerKind;
import org.maqd.model.LayerKinds;
import org.maqd.model.LayerSpec;
import org.maqd.model.QuantDefaults;

/** The editable fields of a layer: which layer types have them, how to read, parse and write them. */
public enum LayerField {
    UNITS("units", "Units", Kind.INT, null, LayerSpec::units, (l, v) -> l.withUnits((Integer) v), null),
    CHANNELS("channels", "Channels", Kind.INT, null, LayerSpec::channels, (l, v) -> l.withChannels((Integer) v), null),
    KERNEL("kernel", "Kernel", Kind.INT, null, LayerSpec::kernel, (l, v) -> l.withKernel((Integer) v), null),
    STRIDE("stride", "Stride", Kind.INT, null, LayerSpec::stride, (l, v) -> l.withStride((Integer) v), null),
    PADDING("padding", "Padding", Kind.INT, null, LayerSpec::padding, (l, v) -> l.withPadding((Integer) v), null),
    RATE("rate", "Drop rate", Kind.DOUBLE, null, LayerSpec::rate, (l, v) -> l.withRate((Double) v), null),
    WEIGHT_STATES("weightStates", "Weight states M_w", Kind.INT, null, LayerSpec::weightStates, (l, v) -> l.withWeightStates((Integer) v), QuantDefaults::weightStates),
    ACTIVATION_STATES("activationStates", "Activation states M_a", Kind.INT, null, LayerSpec::activationStates, (l, v) -> l.withActivationStates((Integer) v), QuantDefaults::activationStates),
    NORM("norm", "Normalization", Kind.CHOICE, null, LayerSpec::norm, (l, v) -> l.withNorm((String) v), QuantDefaults::norm, "lbn", "bn", "ln", "gn", "none"),
    GROUPS("groups", "GN groups", Kind.INT, null, LayerSpec::groups, (l, v) -> l.withGroups((Integer) v), QuantDefaults::groups),
    WS("weightStandardization", "Weight standardization (WS)", Kind.CHOICE, null, LayerSpec::weightStandardization, (l, v) -> l.withWeightStandardization((Boolean) v), QuantDefaults::weightStandardization, "true", "false"),
    WEIGHT_STEP("weightStep", "Weight step rule", Kind.CHOICE, null, LayerSpec::weightStep, (l, v) -> l.withWeightStep((String) v), QuantDefaults::weightStep, "gaussian", "fixed"),
    WEIGHT_CLIP("weightClip", "Weight clip s", Kind.DOUBLE, null, LayerSpec::weightClip, (l, v) -> l.withWeightClip((Double) v), QuantDefaults::weightClip),
    ACTIVATION_STEP("activationStep", "Activation step rule", Kind.CHOICE, null, LayerSpec::activationStep, (l, v) -> l.withActivationStep((String) v), QuantDefaults::activationStep, "gaussian", "fixed", "learned"),
    ACTIVATION_STEP_VALUE("activationStepValue", "Activation step Δ_a", Kind.DOUBLE, null, LayerSpec::activationStepValue, (l, v) -> l.withActivationStepValue((Double) v), QuantDefaults::activationStepValue),
    WEIGHT_SURROGATE("weightSurrogate", "Weight surrogate", Kind.CHOICE, null, LayerSpec::weightSurrogate, (l, v) -> l.withWeightSurrogate((String) v), QuantDefaults::weightSurrogate, "ste", "sigmoid", "triangle"),
    ACTIVATION_SURROGATE("activationSurrogate", "Activation surrogate", Kind.CHOICE, null, LayerSpec::activationSurrogate, (l, v) -> l.withActivationSurrogate((String) v), QuantDefaults::activationSurrogate, "ste", "sigmoid", "triangle"),
    ALPHA("alpha", "Surrogate α", Kind.DOUBLE, null, LayerSpec::alpha, (l, v) -> l.withAlpha((Double) v), QuantDefaults::alpha);

    public enum Kind { INT, DOUBLE, CHOICE }

    public final String key;
    public final String label;
    public final Kind kind;
    private final Function<LayerSpec, Object> getter;
    private final BiFunction<LayerSpec, Object, LayerSpec> setter;
    private final Function<QuantDefaults, Object> fallback;
    public final List<String> choices;

    @SuppressWarnings("unchecked")
    <T> LayerField(String key, String label, Kind kind, Object types, Function<LayerSpec, T> getter,
                   BiFunction<LayerSpec, Object, LayerSpec> setter, Function<QuantDefaults, ?> fallback, String... choices) {
        this.key = key;
        this.label = label;
        this.kind = kind;
        this.getter = (Function<LayerSpec, Object>) getter;
        this.setter = setter;
        this.fallback = (Function<QuantDefaults, Object>) fallback;
        this.choices = List.of(choices);
    }

    /** True when the kind registry lists this field for the type. */
    public boolean appliesTo(String type) {
        LayerKind k = LayerKinds.find(type);
        return k != null && k.fields().stream().anyMatch(f -> f.name().equals(key));
    }

    /** The value the layer sets itself, or null when it takes the network default. */
    public Object explicit(LayerSpec l) { return getter.apply(l); }

    /** Whether the layer may leave this field to the network's default (quantization and normalization fields). */
    public boolean hasDefault() { return fallback != null; }

    /** The network default for this field (null for shape fields). */
    public Object fallback(QuantDefaults d) { return fallback == null ? null : fallback.apply(d.orStandard()); }

    public LayerSpec with(LayerSpec l, Object v) { return setter.apply(l, v); }

    /**
     * Parses user text; empty text means "use the network default". Throws with a readable reason naming the field and
     * what it expects: the limits are {@link FieldRules}', the rules the experiment file is checked by.
     */
    public Object parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) return null;
        Object v;
        try {
            v = switch (kind) {
                case INT -> Integer.parseInt(t);
                case DOUBLE -> Double.parseDouble(t);
                case CHOICE -> this == WS ? (Object) Boolean.valueOf(t) : t;
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + ": '" + t + "' is not a " + (kind == Kind.INT ? "whole number" : "number"));
        }
        if (kind == Kind.CHOICE && !choices.contains(t)) throw new IllegalArgumentException(label + " must be one of " + choices);
        String expected = FieldRules.expected(key, v);
        if (expected != null) throw new IllegalArgumentException(label + ": expected " + expected + ", got " + t);
        return v;
    }

    /** True when {@link #parse} takes the text. */
    public boolean accepts(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
