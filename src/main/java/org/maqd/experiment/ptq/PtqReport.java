package org.maqd.experiment.ptq;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.maqd.experiment.PtqSpec;
import org.maqd.run.PtqReportFiles;

/**
 * One {@code maqd ptq} evaluation of a float run: the options (a resolved {@link PtqSpec} with one state count and
 * one method), accuracy against float, and every layer's error. Saved as {@code ptq/<tag>.json} in the run
 * folder, one file per distinct set of options, so evaluations with different options sit side by side.
 */
public record PtqReport(PtqSpec spec, PtqResult result, List<PtqLayerError> layers) {
    /** Accuracy lost to quantization, in points of percent, above which the report calls it a collapse. */
    public static final double COLLAPSE_POINTS = 10;

    /** The file name for these options, e.g. {@code M8_minmax_w-sym-channel-mse_a-asym-tensor_n512.json}. */
    public String fileName() {
        PtqSpec s = spec.resolved();
        return String.format(Locale.ROOT, "M%d_%s_w-%s-%s-%s_a-%s-%s_n%d%s.json", result.states(), result.method(),
                s.weightsSymmetric() ? "sym" : "asym", s.perChannel() ? "channel" : "tensor", s.weightCalibration(),
                s.activationsSymmetric() ? "sym" : "asym", s.activationPerChannel() ? "channel" : "tensor",
                s.calibrationSamples(), percentileTag(s));
    }

    private static String percentileTag(PtqSpec s) {
        boolean used = "percentile".equals(s.weightCalibration()) || s.methods().contains("percentile");
        return used && s.percentile() != 99.99 ? "_p" + s.percentile() : "";
    }

    /** Points of accuracy lost against the float model. */
    public double lossPoints() {
        return 100 * (result.floatTestAccuracy() - result.testAccuracy());
    }

    public boolean collapsed() { return lossPoints() > COLLAPSE_POINTS; }

    /** Writes {@code runDir/ptq/<fileName()>} ({@link PtqReportFiles}); returns the file. */
    public Path write(Path runDir) {
        return PtqReportFiles.write(runDir, fileName(), this);
    }

    /** Every report saved in {@code runDir/ptq/}, by file name; none when the folder does not exist. */
    public static List<PtqReport> readAll(Path runDir) {
        return PtqReportFiles.readAll(runDir, PtqReport.class, List.of("spec", "result", "layers"));
    }

    /** The console form: accuracy, the verdict, and one line per layer. */
    public String describe() {
        PtqSpec s = spec.resolved();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "PTQ at %d states: weights %s per %s (%s ranges; first %s, classifier %s), "
                        + "activations %s per %s, %s calibration%s%n", result.states(), s.weights(),
                s.perChannel() ? "channel" : "tensor", s.weightCalibration(), statesText(s.firstWeightStates()),
                statesText(s.outputWeightStates()), s.activations(), s.activationPerChannel() ? "channel" : "tensor",
                result.method(), "dynamic".equals(result.method()) ? " (per test batch)"
                        : " over " + s.calibrationSamples() + " training samples"));
        sb.append(String.format(Locale.ROOT, "test accuracy %.4f (float %.4f, %+.2f points)%s%n", result.testAccuracy(),
                result.floatTestAccuracy(), -lossPoints(), collapsed()
                        ? String.format(Locale.ROOT, ": COLLAPSE, the quantized model loses more than %.0f points", COLLAPSE_POINTS) : ""));
        sb.append(String.format(Locale.ROOT, "%-22s %-12s %7s %12s %12s%n", "layer", "quantity", "states", "SQNR dB", "vs float dB"));
        for (PtqLayerError l : layers) {
            sb.append(String.format(Locale.ROOT, "%-22s %-12s %7s %12s %12s%n", l.layer(), l.quantity(),
                    statesText(l.states()), db(l.sqnrDb()), db(l.driftSqnrDb())));
        }
        return sb.toString();
    }

    private static String statesText(int m) { return m == 0 ? "float" : Integer.toString(m); }

    private static String db(double v) {
        if (Double.isNaN(v)) return "-";
        if (Double.isInfinite(v)) return v > 0 ? "exact" : "-inf";
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
