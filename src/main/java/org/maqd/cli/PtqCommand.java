package org.maqd.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.maqd.experiment.ExperimentException;
import org.maqd.experiment.PtqSpec;
import org.maqd.experiment.ptq.PtqEvaluator;
import org.maqd.experiment.ptq.PtqReport;
import org.maqd.tensor.Parallel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code maqd ptq RUN_DIR --states M}: post-training quantization of a trained float run (method.md §10). Prints
 * the quantized model's test accuracy against float, whether it collapsed, and every layer's error, and writes
 * the same as {@code RUN_DIR/ptq/<options>.json}. Every option of the affine baseline is reachable: symmetric or
 * asymmetric weights and activations, per-tensor or per-channel ranges, static (minmax, percentile, mse) or
 * dynamic activation calibration, the weight calibration, the calibration set size and the percentile.
 */
@Command(name = "ptq", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Post-training quantization of a trained float run at M states: test accuracy against float and "
                + "per-layer error (SQNR); written to RUN_DIR/ptq/<options>.json.")
public final class PtqCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", description = "a finished float run (weightStates 0, ReLU activations)") Path runDir;
    @Option(names = "--states", paramLabel = "M", required = true, description = "number of states of hidden weights and activations (2..256)") int states;
    @Option(names = "--weights", paramLabel = "symmetric|asymmetric", description = "weight quantizer (default symmetric)") String weights = "symmetric";
    @Option(names = "--activations", paramLabel = "symmetric|asymmetric", description = "activation quantizer (default asymmetric: ReLU outputs are non-negative)") String activations = "asymmetric";
    @Option(names = "--granularity", paramLabel = "tensor|channel", description = "ranges per tensor or per channel, for weights and activations (default: weights per channel, activations per tensor)") String granularity;
    @Option(names = "--weight-granularity", paramLabel = "tensor|channel", description = "weights only (overrides --granularity)") String weightGranularity;
    @Option(names = "--activation-granularity", paramLabel = "tensor|channel", description = "activations only (overrides --granularity)") String activationGranularity;
    @Option(names = "--calibration", paramLabel = "minmax|percentile|mse|dynamic", description = "activation ranges: static over the calibration samples, or dynamic per test batch (default minmax)") String calibration = "minmax";
    @Option(names = "--calibration-samples", paramLabel = "N", description = "first N training samples for static calibration (default 512)") int calibrationSamples = 512;
    @Option(names = "--weight-calibration", paramLabel = "minmax|percentile|mse", description = "weight ranges (default mse)") String weightCalibration = "mse";
    @Option(names = "--percentile", paramLabel = "P", description = "for percentile calibration, in (50, 100] (default 99.99)") double percentile = 99.99;
    @Option(names = "--first-states", paramLabel = "M", description = "first block's weight states (default 256; 0 = float)") int firstStates = 256;
    @Option(names = "--output-states", paramLabel = "M", description = "classifier's weight states (default 256; 0 = float)") int outputStates = 256;
    @Option(names = "--threads", paramLabel = "N", description = "compute threads (default 2)") int threads = 2;
    @Spec picocli.CommandLine.Model.CommandSpec cmd;

    @Override
    public Integer call() {
        PtqSpec spec = checked(spec());
        PrintWriter out = cmd.commandLine().getOut();
        try (Parallel par = new Parallel(Math.max(1, threads))) {
            PtqEvaluator ev = PtqEvaluator.forRun(runDir, runDir, spec, par);
            PtqReport report = ev.report(states, calibration);
            out.print(report.describe());
            out.println("written: " + report.write(runDir));
            out.flush();
        }
        return MaqdCommand.OK;
    }

    /** The options as a spec with one state count and one method; errors name the option. */
    PtqSpec spec() {
        String wg = granularity("weight-granularity", weightGranularity, granularity, "channel");
        String ag = granularity("activation-granularity", activationGranularity, granularity, "tensor");
        return new PtqSpec(List.of(states), List.of(calibration), weightCalibration, "channel".equals(wg), percentile,
                calibrationSamples, firstStates, outputStates, weights, activations, "channel".equals(ag));
    }

    /** The spec checked, its errors naming the command-line option rather than the sweep field. */
    static PtqSpec checked(PtqSpec spec) {
        try {
            return spec.checked("option '--");
        } catch (ExperimentException e) {
            String m = e.getMessage();
            for (String[] r : OPTION_NAMES) m = m.replace("'--" + r[0] + "'", "'--" + r[1] + "'");
            throw new ExperimentException(m, e);
        }
    }

    private static final String[][] OPTION_NAMES = {{"states[0]", "states"}, {"methods[0]", "calibration"},
            {"weightCalibration", "weight-calibration"}, {"calibrationSamples", "calibration-samples"},
            {"firstWeightStates", "first-states"}, {"outputWeightStates", "output-states"}};

    private static String granularity(String option, String own, String shared, String dflt) {
        String v = own != null ? own : shared != null ? shared : dflt;
        if (!v.equals("tensor") && !v.equals("channel")) {
            throw new ExperimentException("maqd ptq: option '--" + (own != null ? option : "granularity")
                    + "': expected tensor or channel, got \"" + v + "\"");
        }
        return v;
    }
}
