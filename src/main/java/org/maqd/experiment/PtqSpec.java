package org.maqd.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Post-training quantization of a trained float model (method.md §10), as declared in a sweep or on the
 * {@code maqd ptq} command line.
 * {@code states}: the numbers of states M to evaluate (hidden weights and all hidden activations);
 * {@code methods}: activation calibration, any of "minmax", "percentile", "mse" (static, over the first
 * {@code calibrationSamples} training samples) and "dynamic" (per batch at run time);
 * {@code weightCalibration}: how weight ranges are chosen (minmax | percentile | mse, default mse);
 * {@code weights} and {@code activations}: "symmetric" (Z = 0) or "asymmetric" (defaults: symmetric weights,
 * asymmetric activations); {@code perChannel}: weight ranges per output channel (default true);
 * {@code activationPerChannel}: activation ranges per channel (feature or conv channel; default false, per tensor);
 * {@code percentile} (default 99.99);
 * {@code firstWeightStates} and {@code outputWeightStates}: the first block's and the classifier's weight states
 * (default 256, as MaQD's QAT uses; 0 keeps them float). Null fields take these defaults.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PtqSpec(
        List<Integer> states,
        List<String> methods,
        String weightCalibration,
        Boolean perChannel,
        Double percentile,
        Integer calibrationSamples,
        Integer firstWeightStates,
        Integer outputWeightStates,
        String weights,
        String activations,
        Boolean activationPerChannel) {

    public static final List<String> METHODS = List.of("minmax", "percentile", "mse", "dynamic");
    public static final List<String> WEIGHT_CALIBRATIONS = List.of("minmax", "percentile", "mse");
    public static final List<String> SYMMETRY = List.of("symmetric", "asymmetric");

    /** The earlier eight-field form: symmetric weights, asymmetric per-tensor activations. */
    public PtqSpec(List<Integer> states, List<String> methods, String weightCalibration, Boolean perChannel,
                   Double percentile, Integer calibrationSamples, Integer firstWeightStates, Integer outputWeightStates) {
        this(states, methods, weightCalibration, perChannel, percentile, calibrationSamples, firstWeightStates,
                outputWeightStates, null, null, null);
    }

    /** Every null field replaced by its default. */
    public PtqSpec resolved() {
        return new PtqSpec(states == null ? List.of(2, 3, 4, 8, 16, 256) : states,
                methods == null ? List.of("minmax", "dynamic") : methods,
                weightCalibration == null ? "mse" : weightCalibration,
                perChannel == null ? Boolean.TRUE : perChannel,
                percentile == null ? 99.99 : percentile,
                calibrationSamples == null ? 512 : calibrationSamples,
                firstWeightStates == null ? 256 : firstWeightStates,
                outputWeightStates == null ? 256 : outputWeightStates,
                weights == null ? "symmetric" : weights,
                activations == null ? "asymmetric" : activations,
                activationPerChannel == null ? Boolean.FALSE : activationPerChannel);
    }

    /** This spec calibrating on {@code n} samples. */
    public PtqSpec withCalibrationSamples(int n) {
        return new PtqSpec(states, methods, weightCalibration, perChannel, percentile, n, firstWeightStates,
                outputWeightStates, weights, activations, activationPerChannel);
    }

    public boolean weightsSymmetric() { return "symmetric".equals(resolved().weights()); }
    public boolean activationsSymmetric() { return "symmetric".equals(resolved().activations()); }

    /**
     * The resolved spec after checking every field; errors name {@code prefix} + the field, e.g.
     * {@code "x.json: field 'sweep.ptq."}.
     */
    public PtqSpec checked(String prefix) {
        PtqSpec p = resolved();
        String f = prefix;
        if (p.states().isEmpty()) throw new ExperimentException(f + "states': expected a non-empty list of states (2.." + ExperimentValidator.MAX_STATES + ")");
        for (int i = 0; i < p.states().size(); i++) {
            Integer m = p.states().get(i);
            if (m == null || m < 2 || m > ExperimentValidator.MAX_STATES) throw new ExperimentException(f + "states[" + i + "]': expected 2.." + ExperimentValidator.MAX_STATES + ", got " + m);
        }
        if (p.methods().isEmpty()) throw new ExperimentException(f + "methods': expected a non-empty list of " + METHODS);
        for (int i = 0; i < p.methods().size(); i++) {
            if (!METHODS.contains(p.methods().get(i))) throw new ExperimentException(f + "methods[" + i + "]': expected one of " + METHODS + ", got \"" + p.methods().get(i) + "\"");
        }
        if (!WEIGHT_CALIBRATIONS.contains(p.weightCalibration())) throw new ExperimentException(f + "weightCalibration': expected one of " + WEIGHT_CALIBRATIONS + ", got \"" + p.weightCalibration() + "\"");
        if (!SYMMETRY.contains(p.weights())) throw new ExperimentException(f + "weights': expected one of " + SYMMETRY + ", got \"" + p.weights() + "\"");
        if (!SYMMETRY.contains(p.activations())) throw new ExperimentException(f + "activations': expected one of " + SYMMETRY + ", got \"" + p.activations() + "\"");
        if (!(p.percentile() > 50 && p.percentile() <= 100)) throw new ExperimentException(f + "percentile': expected a number in (50, 100], got " + p.percentile());
        if (p.calibrationSamples() < 1) throw new ExperimentException(f + "calibrationSamples': expected a positive integer, got " + p.calibrationSamples());
        for (String k : List.of("firstWeightStates", "outputWeightStates")) {
            int v = k.startsWith("first") ? p.firstWeightStates() : p.outputWeightStates();
            if (v == 1 || v < 0 || v > ExperimentValidator.MAX_STATES) throw new ExperimentException(f + k + "': expected 0 (float) or 2.." + ExperimentValidator.MAX_STATES + ", got " + v);
        }
        return p;
    }
}
