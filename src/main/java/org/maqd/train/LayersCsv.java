package org.maqd.train;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes {@code layers.csv} (one row per quantized layer per probe sample point) and
 * {@code histograms.csv} (latent weight histograms, compact: one row per layer per sample point with the bin
 * counts separated by spaces). The first column of both is the epoch, for resume truncation.
 */
public final class LayersCsv implements TrainingListener {
    public static final String HEADER = "epoch,step,layer,name,norm,weight_states,activation_states,weight_step,activation_step,"
            + "weight_mse,weight_sqnr_db,activation_mse,activation_sqnr_db,flip_rate,firing_rate,weight_occupancy,activation_occupancy,running_mean,running_var";
    public static final String HIST_HEADER = "epoch,step,layer,kind,min,max,counts";

    private final Path layers, histograms;

    public LayersCsv(Path runDir) {
        this.layers = runDir.resolve("layers.csv");
        this.histograms = runDir.resolve("histograms.csv");
    }

    @Override
    public void onStart(RunInfo info) {
        MetricsCsv.truncateAfterEpoch(layers, HEADER, info.startEpoch());
        MetricsCsv.truncateAfterEpoch(histograms, HIST_HEADER, info.startEpoch());
    }

    @Override
    public void onProbe(ProbeSnapshot s) {
        StringBuilder sb = new StringBuilder();
        StringBuilder hb = new StringBuilder();
        for (LayerProbe p : s.layers()) {
            sb.append(String.format(Locale.ROOT, "%d,%d,%d,%s,%s,%d,%d,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s%n",
                    s.epoch(), s.step(), p.index(), p.name(), p.norm(), p.weightStates(), p.activationStates(),
                    g(p.weightStep()), g(p.activationStep()), g(p.weightMse()), g(p.weightSqnrDb()),
                    g(p.activationMse()), g(p.activationSqnrDb()), g(p.flipRate()), g(p.firingRate()),
                    join(p.weightOccupancy()), join(p.activationOccupancy()), join(p.runningMean()), join(p.runningVar())));
            if (p.latentHistogram().length > 0) {
                hb.append(String.format(Locale.ROOT, "%d,%d,%d,weight,%s,%s,%s%n", s.epoch(), s.step(), p.index(),
                        g(p.histMin()), g(p.histMax()), join(p.latentHistogram())));
            }
            if (p.activationHistogram().length > 0) {
                hb.append(String.format(Locale.ROOT, "%d,%d,%d,activation,%s,%s,%s%n", s.epoch(), s.step(), p.index(),
                        g(p.actMin()), g(p.actMax()), join(p.activationHistogram())));
            }
        }
        if (sb.length() > 0) MetricsCsv.append(layers, sb.substring(0, sb.length() - 1));
        if (hb.length() > 0) MetricsCsv.append(histograms, hb.substring(0, hb.length() - 1));
    }

    private static String g(double v) { return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v); }

    static String join(long[] a) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.length; i++) { if (i > 0) sb.append(' '); sb.append(a[i]); }
        return sb.toString();
    }

    static String join(float[] a) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.length; i++) { if (i > 0) sb.append(' '); sb.append(String.format(Locale.ROOT, "%.6g", a[i])); }
        return sb.toString();
    }
}
