package org.maqd.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Post-training quantization of a trained float model (method.md §10), as declared in a sweep.
 * {@code states}: the numbers of states M to evaluate (hidden weights and all hidden activations);
 * {@code methods}: activation calibration, any of "minmax", "percentile", "mse" (static, over the first
 * {@code calibrationSamples} training samples) and "dynamic" (per batch at run time);
 * {@code weightCalibration}: how weight ranges are chosen (minmax | percentile | mse, default mse);
 * {@code perChannel}: weight ranges per output channel (default true; weights are always symmetric,
 * activations asymmetric per tensor); {@code percentile} (default 99.99);
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
        Integer outputWeightStates) {

    public static final List<String> METHODS = List.of("minmax", "percentile", "mse", "dynamic");
    public static final List<String> WEIGHT_CALIBRATIONS = List.of("minmax", "percentile", "mse");

    /** Every null field replaced by its default. */
    public PtqSpec resolved() {
        return new PtqSpec(states == null ? List.of(2, 3, 4, 8, 16, 256) : states,
                methods == null ? List.of("minmax", "dynamic") : methods,
                weightCalibration == null ? "mse" : weightCalibration,
                perChannel == null ? Boolean.TRUE : perChannel,
                percentile == null ? 99.99 : percentile,
                calibrationSamples == null ? 512 : calibrationSamples,
                firstWeightStates == null ? 256 : firstWeightStates,
                outputWeightStates == null ? 256 : outputWeightStates);
    }
}
