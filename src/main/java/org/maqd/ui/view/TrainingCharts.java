package org.maqd.ui.view;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import org.maqd.train.LayerProbe;
import org.maqd.train.ProbeSnapshot;
import org.maqd.ui.chart.BarsCanvas;
import org.maqd.ui.chart.ChartPane;
import org.maqd.ui.chart.ChartStyle;
import org.maqd.ui.chart.HeatmapCanvas;
import org.maqd.ui.chart.HistogramCanvas;
import org.maqd.ui.chart.LineChartCanvas;
import org.maqd.ui.chart.LineChartCanvas.Series;
import org.maqd.ui.chart.RasterCanvas;
import org.maqd.ui.vm.LiveFeed;
import org.maqd.ui.vm.QuantizerViewModel;
import org.maqd.ui.vm.SeriesBuffer;
import org.maqd.ui.vm.StateBins;

/** The training view's live charts and how each is filled from a run's {@link LiveFeed}. */
final class TrainingCharts {
    final LineChartCanvas loss = new LineChartCanvas(), accuracy = new LineChartCanvas(), flips = new LineChartCanvas();
    final HistogramCanvas weights = new HistogramCanvas();
    final BarsCanvas weightStates = new BarsCanvas(), activationStates = new BarsCanvas();
    final RasterCanvas raster = new RasterCanvas();
    final HeatmapCanvas error = new HeatmapCanvas();
    final LineChartCanvas normStats = new LineChartCanvas();
    final List<ChartPane> panes = new ArrayList<>();
    private final ChartPane weightPane, errorPane;
    private String errorMetric = "Weight SQNR (dB)";

    TrainingCharts(ObjectProperty<ChartStyle> style) {
        loss.setXLabel("step");
        accuracy.setXLabel("step");
        accuracy.setYRange(0, 1);
        accuracy.setLegendBottom(true);
        flips.setXLabel("step");
        normStats.setXLabel("step");
        weights.setXLabel("standardized weight Ŵ");
        panes.add(new ChartPane("Loss", "Cross-entropy loss of each training batch (thin, noisy) and, at each epoch end, the "
                + "mean training loss and the test loss (dots).", loss));
        panes.add(new ChartPane("Accuracy", "Fraction of correct predictions: per training batch, and per epoch on the "
                + "training and the test set.", accuracy));
        weightPane = new ChartPane("Latent weights", "Histogram of the selected layer's standardized latent (float) "
                + "weights. Red lines are the quantization levels Δ·(k − (M−1)/2); shaded areas lie outside the clip range. "
                + "Each weight is quantized to the nearest level. The histogram stays broad: training moves weights across the "
                + "rounding thresholds rather than onto the levels. What settles is which state each weight is in: see "
                + "Weight states and Flip rate.", weights);
        panes.add(weightPane);
        panes.add(new ChartPane("Weight states", "Share of the selected layer's weights in each quantized state (the value "
                + "under each bar is the level in units of Δ). Above 32 states, neighbouring states share a bar.", weightStates));
        panes.add(new ChartPane("Flip rate", "Fraction of the selected layer's weights whose quantized state changed since "
                + "the previous sample point. It falls as the network settles.", flips));
        panes.add(new ChartPane("Activation states", "Share of the selected layer's outputs in each activation state. With "
                + "2 states the second bar is the firing rate of a spiking unit.", activationStates));
        panes.add(new ChartPane("Spike raster", "Outputs of a few samples (rows) for up to 64 units (columns) spread "
                + "evenly across the selected layer (every fourth of 256): a dark cell is a nonzero state (a spike for 2 states).", raster));
        errorPane = new ChartPane("Quantization error", "Per layer (rows) and sample point (columns): how much the "
                + "quantizer distorts its input. SQNR in dB (higher = more faithful) or MSE. The selected layer is outlined.", error);
        panes.add(errorPane);
        panes.add(new ChartPane("Normalization statistics", "Running mean and variance the selected layer's normalization "
                + "uses at inference (LBN: one pair per layer; BN: averaged over channels).", normStats));
        for (ChartPane p : panes) p.chart().chartStyleProperty().bind(style);
        raster.setEmptyText(NO_RASTER_YET);
    }

    private static final String NO_RASTER_YET = "No raster yet (shown for quantized activations)";

    /**
     * Why a layer has no activation states (null: it has them). The probe records a 0/1 raster (output &gt; 0) for float
     * activations too: drawn, it contradicted the raster's own text and the empty Activation states beside it.
     */
    static String noActivationStates(LayerProbe p) {
        if (p.activationStates() >= 2) return null;
        // the probe has a firing rate (nonzero share) for float activations, none for a block without Q_a (the classifier)
        return Double.isNaN(p.firingRate()) ? "this layer has no activation quantizer" : "this layer's activations are float";
    }

    void setErrorMetric(String m) { errorMetric = m; }

    /** Draws the run in {@code f} (null: no run, every chart empty); charts without data for it are emptied. */
    void update(LiveFeed f, int layer) {
        if (f == null) {
            loss.setSeries(List.of());
            accuracy.setSeries(List.of());
            clearLayerCharts();
            return;
        }
        int window = f.info() == null ? 1 : batchWindow(f.info().batchSize());
        List<Series> ls = new ArrayList<>(List.of(perBatch(f.stepLoss.view(), window)));
        List<Series> as = new ArrayList<>(List.of(perBatch(f.stepAccuracy.view(), window)));
        List<org.maqd.train.EpochMetrics> ep = f.epochs.snapshot();
        if (!ep.isEmpty()) {
            double[] x = new double[ep.size()], tl = new double[ep.size()], vl = new double[ep.size()], ta = new double[ep.size()], va = new double[ep.size()];
            for (int i = 0; i < ep.size(); i++) {
                x[i] = ep.get(i).step();
                tl[i] = ep.get(i).trainLoss();
                vl[i] = ep.get(i).testLoss();
                ta[i] = ep.get(i).trainAccuracy();
                va[i] = ep.get(i).testAccuracy();
            }
            ls.add(Series.of("train (epoch)", x, tl, 2));
            ls.add(Series.of("test", x, vl, 1));
            as.add(Series.of("train (epoch)", x, ta, 2));
            as.add(Series.of("test", x, va, 1));
        }
        loss.setSeries(ls);
        accuracy.setSeries(as);
        List<ProbeSnapshot> probes = f.probes.snapshot();
        ProbeSnapshot last = probes.isEmpty() ? null : probes.get(probes.size() - 1);
        if (last == null || last.layers().isEmpty()) {
            clearLayerCharts();
            return;
        }
        if (layer < 0 || layer >= last.layers().size()) layer = 0;
        updateLayer(last.layers().get(layer), probes, layer);
        updateHeatmap(probes, layer);
    }

    /** Empties the seven charts drawn from probes (a run that has not probed yet shows none of another run's data). */
    private void clearLayerCharts() {
        weightPane.setTitle("Latent weights");
        weights.setData(new float[0], 0, 0, null, Double.NaN, Double.NaN);
        weightStates.setData(new long[0], new String[0], "");
        activationStates.setEmptyText("No data yet");
        activationStates.setData(new long[0], new String[0], "");
        raster.setEmptyText(NO_RASTER_YET);
        raster.setData(new byte[0], 0, 0, 2);
        flips.setSeries(List.of());
        flips.setEmptyText("No data yet");
        normStats.setSeries(List.of());
        error.setData(new double[0][0], new String[0], new double[0], "");
    }

    private void updateLayer(LayerProbe p, List<ProbeSnapshot> probes, int layer) {
        weightPane.setTitle("Latent weights · " + p.name());
        if (p.weightStates() >= 2) {
            double[] levels = QuantizerViewModel.levels(p.weightStates(), p.weightStep(), true);
            weights.setData(p.latentHistogram(), p.histMin(), p.histMax(), levels,
                    levels[0] - p.weightStep() / 2, levels[levels.length - 1] + p.weightStep() / 2);
        } else {
            weights.setData(p.latentHistogram(), p.histMin(), p.histMax(), null, Double.NaN, Double.NaN);
        }
        StateBins wb = StateBins.of(p.weightOccupancy(), stateLabels(p.weightOccupancy().length, true), StateBins.MAX_BARS);
        weightStates.setData(wb.counts(), wb.labels(), caption(p.weightStates() == 0 ? "float weights" : "M_w = " + p.weightStates(), wb));
        StateBins ab = StateBins.of(p.activationOccupancy(), stateLabels(p.activationOccupancy().length, false), StateBins.MAX_BARS);
        activationStates.setData(ab.counts(), ab.labels(),
                caption(Double.isNaN(p.firingRate()) ? "" : String.format("firing rate %.1f%%", 100 * p.firingRate()), ab));
        String none = noActivationStates(p);
        activationStates.setEmptyText(none == null ? "No data yet" : "No activation states: " + none);
        raster.setEmptyText(none == null ? NO_RASTER_YET : "No raster: " + none);
        if (none == null) raster.setData(p.spikeRaster(), p.rasterRows(), p.rasterCols(), p.activationStates());
        else raster.setData(new byte[0], 0, 0, 2);
        int n = probes.size();
        double[] x = new double[n], fr = new double[n], mean = new double[n], var = new double[n];
        for (int i = 0; i < n; i++) {
            ProbeSnapshot s = probes.get(i);
            LayerProbe q = layer < s.layers().size() ? s.layers().get(layer) : null;
            x[i] = s.step();
            fr[i] = q == null ? Double.NaN : q.flipRate();
            mean[i] = q == null ? Double.NaN : avg(q.runningMean());
            var[i] = q == null ? Double.NaN : avg(q.runningVar());
        }
        // the first sample point has nothing to compare with, and float weights have no states to flip
        boolean anyFlip = java.util.Arrays.stream(fr).anyMatch(v -> !Double.isNaN(v));
        flips.setEmptyText(p.weightStates() < 2 ? "No flip rate: this layer's weights are float"
                : "No flip rate yet: it starts at the second sample point");
        flips.setSeries(anyFlip ? List.of(Series.of("flip rate", x, fr, 3)) : List.of());
        normStats.setSeries(List.of(Series.of("running mean", x, mean, 0), Series.of("running variance", x, var, 1)));
    }

    private void updateHeatmap(List<ProbeSnapshot> probes, int layer) {
        int rows = probes.get(probes.size() - 1).layers().size();
        int cols = probes.size();
        double[][] v = new double[rows][cols];
        String[] names = new String[rows];
        double[] t = new double[cols];
        for (int c = 0; c < cols; c++) {
            ProbeSnapshot s = probes.get(c);
            t[c] = s.step();
            for (int r = 0; r < rows; r++) {
                LayerProbe q = r < s.layers().size() ? s.layers().get(r) : null;
                if (c == cols - 1 && q != null) names[r] = q.name();
                v[r][c] = q == null ? Double.NaN : switch (errorMetric) {
                    case "Weight MSE" -> q.weightMse();
                    case "Activation SQNR (dB)" -> q.activationSqnrDb();
                    case "Activation MSE" -> q.activationMse();
                    default -> q.weightSqnrDb();
                };
            }
        }
        error.setData(v, names, t, errorMetric.contains("dB") ? "dB" : "MSE");
        error.setHighlight(layer);
    }

    /** Batches averaged per point so each point covers at least {@value #SAMPLES_PER_POINT} samples. */
    static final int SAMPLES_PER_POINT = 128;

    static int batchWindow(int batchSize) { return Math.max(1, (SAMPLES_PER_POINT + batchSize - 1) / Math.max(1, batchSize)); }

    /**
     * The per-batch curve: raw for large batches; for small ones the mean of the last {@code window} batches, since
     * a batch of 4 has accuracy 0, ¼, ½, ¾ or 1 and its raw curve fills the chart, hiding the epoch and test lines.
     */
    static Series perBatch(SeriesBuffer.View v, int window) {
        if (window <= 1) return new Series("train (batch)", v.xs(), v.ys(), v.n(), 0, false);
        double[] y = new double[v.n()];
        double sum = 0;
        for (int i = 0; i < v.n(); i++) {
            sum += v.ys()[i];
            if (i >= window) sum -= v.ys()[i - window];
            y[i] = sum / Math.min(i + 1, window);
        }
        return new Series("train (mean of " + window + " batches)", v.xs(), y, v.n(), 0, false);
    }

    private static String caption(String text, StateBins b) {
        if (b.perBar() == 1) return text;
        return (text.isEmpty() ? "" : text + " · ") + b.perBar() + " states per bar";
    }

    private static String[] stateLabels(int m, boolean signed) {
        String[] l = new String[m];
        for (int k = 0; k < m; k++) {
            double v = signed ? k - (m - 1) / 2.0 : k;
            l[k] = v == Math.rint(v) ? String.format("%.0f", v) : String.format("%.1f", v);
        }
        return l;
    }

    private static double avg(float[] a) {
        if (a == null || a.length == 0) return Double.NaN;
        double s = 0;
        for (float v : a) s += v;
        return s / a.length;
    }
}
