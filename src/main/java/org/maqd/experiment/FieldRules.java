package org.maqd.experiment;

import java.util.List;
import java.util.Set;

/**
 * The rule each value of a layer (or of the network defaults) must meet, by its JSON field name: the one owner of
 * these limits. {@link ExperimentValidator} applies them to a file; the window applies them to what is typed, so a
 * value the window accepts is one the file accepts. {@link #expected} names what is expected, in the words of the
 * validator's messages ("expected …, got …").
 */
public final class FieldRules {
    /** Largest number of states accepted (codes are stored as unsigned bytes). */
    public static final int MAX_STATES = 256;
    public static final Set<String> NORMS = Set.of("lbn", "bn", "ln", "gn", "none");
    public static final Set<String> SURROGATES = Set.of("ste", "sigmoid", "triangle");
    public static final Set<String> WEIGHT_STEPS = Set.of("gaussian", "fixed");
    public static final Set<String> ACTIVATION_STEPS = Set.of("gaussian", "fixed", "learned");

    public static final String STATES = "0 (float) or a number of states from 2 to " + MAX_STATES;
    public static final String POSITIVE_INT = "a positive integer";
    public static final String POSITIVE_NUM = "a positive number";
    public static final String RATE = "a number in [0, 1)";
    public static final String NON_NEGATIVE_INT = "an integer >= 0";
    public static final String INPUT = "[channels, height, width] with positive sizes, e.g. [1, 28, 28]";

    private FieldRules() {}

    /**
     * What field {@code name} expects when {@code value} breaks its rule, or null when the value is allowed (null, the
     * default, is always allowed here; whether a field is required is the kind's business) or the field has no rule.
     */
    public static String expected(String name, Object value) {
        if (value == null) return null;
        return switch (name) {
            case "weightStates", "activationStates", "firstWeightStates", "outputWeightStates" ->
                    value instanceof Integer v && (v == 0 || v >= 2 && v <= MAX_STATES) ? null : STATES;
            case "units", "channels", "kernel", "stride", "groups" -> value instanceof Integer v && v >= 1 ? null : POSITIVE_INT;
            case "padding" -> value instanceof Integer v && v >= 0 ? null : NON_NEGATIVE_INT;
            case "rate" -> value instanceof Double v && v >= 0 && v < 1 ? null : RATE;
            case "alpha", "weightClip", "activationStepValue" ->
                    value instanceof Double v && v > 0 && Double.isFinite(v) ? null : POSITIVE_NUM;
            case "norm" -> oneOf(value, NORMS);
            case "weightStep" -> oneOf(value, WEIGHT_STEPS);
            case "activationStep" -> oneOf(value, ACTIVATION_STEPS);
            case "weightSurrogate", "activationSurrogate" -> oneOf(value, SURROGATES);
            default -> null;
        };
    }

    /** What the network input expects when {@code in} breaks its rule, or null when it is a valid sample shape. */
    public static String expectedInput(List<Integer> in) {
        return in == null || in.size() != 3 || in.stream().anyMatch(d -> d == null || d < 1) ? INPUT : null;
    }

    private static String oneOf(Object v, Set<String> allowed) {
        return allowed.contains(v) ? null : "one of " + sorted(allowed);
    }

    static String sorted(Set<String> s) { return s.stream().sorted().toList().toString(); }
}
