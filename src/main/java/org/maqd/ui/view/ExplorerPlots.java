package org.maqd.ui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import org.maqd.quant.ptq.AffineQuantizer;
import org.maqd.quant.ptq.Calibrator;
import org.maqd.ui.chart.ChartPane;
import org.maqd.ui.chart.LineChartCanvas;
import org.maqd.ui.chart.LineChartCanvas.Series;
import org.maqd.ui.chart.QuantizerPlotCanvas;
import org.maqd.ui.chart.QuantizerPlotCanvas.Bracket;
import org.maqd.ui.vm.AffineExplorer;
import org.maqd.ui.vm.AffineViewModel;
import org.maqd.ui.vm.PlotModel;
import org.maqd.ui.vm.QuantizerViewModel;

/**
 * The explorer's plots of a layer's real data: the chosen quantizer over the histogram (with the calibration
 * methods' ranges and the α/β handles in affine mode), the clip range per batch (dynamic vs static), and the
 * MaQD-vs-affine table at 2, 3, 4 and 8 states.
 */
final class ExplorerPlots {
    /** The layer chart's title, followed by what its data is ("Layer data · weights of 2:linear"). */
    private static final String LAYER_TITLE = "Layer data";

    private static final String[] METHOD_LABELS = {"min-max", "percentile", "MSE-optimal"};
    /** Purple, brown and the text color: none shared with the data, the staircase or the two sets of levels. */
    private static final int[] BRACKET_COLORS = {4, 5, -1};
    private final QuantizerViewModel vm;
    private final AffineViewModel affine;
    private final QuantizerPlotCanvas plot = new QuantizerPlotCanvas();
    private final LineChartCanvas batches = new LineChartCanvas();
    private final ChartPane layerPane, batchPane;
    private final GridPane table = new GridPane();
    private final javafx.scene.control.ScrollPane tableScroll = new javafx.scene.control.ScrollPane(table);
    private final StringProperty numbers = new SimpleStringProperty("");
    private String waiting = "";

    ExplorerPlots(QuantizerViewModel vm, AffineViewModel affine) {
        this.vm = vm;
        this.affine = affine;
        overlayTicked(false);
        plot.setOnHandleMoved(affine::moveHandle);
        layerPane = new ChartPane(LAYER_TITLE, "The chosen layer's values (bars: histogram), the quantizer's staircase x ↦ x̃ "
                + "(red, against the dotted identity), its levels with the share of values each takes (orange), MaQD's levels "
                + "at the same M (green, dashed), the ranges each calibration method picks (brackets) and the clip range "
                + "[α, β] (dark handles; shaded outside). Weights are standardized (Ŵ, what MaQD quantizes); activations are ReLU "
                + "of the activation input (what a float network computes).", plot);
        layerPane.setId("chart-explorer-layer");
        batches.setXLabel("batch (oldest first)");
        batchPane = new ChartPane("Clip range per batch: dynamic vs static", "Dynamic quantization takes each batch's own "
                + "min-max range when the batch arrives (blue); static calibration chose one range on the calibration set "
                + "(red, flat) and keeps it. The legend gives each one's mean error over the batches.", batches);
        batchPane.visibleProperty().bind(affine.activeProperty().and(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> affine.dataProperty().get() != null && !affine.dataProperty().get().weights(), affine.dataProperty())));
        batchPane.managedProperty().bind(batchPane.visibleProperty());
        table.setHgap(14);
        table.setVgap(2);
        table.getStyleClass().add("explorer-table");
        table.setPadding(new javafx.geometry.Insets(0, 0, 14, 0));   // room for the scroll bar under the last row
        tableScroll.getStyleClass().add("explorer-table-scroll");
        tableScroll.setFitToHeight(true);
        tableScroll.setVbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        tableScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.AS_NEEDED);
        tableScroll.setMinHeight(Region.USE_PREF_SIZE);
        affine.resultProperty().addListener(o -> redraw());
        affine.activeProperty().addListener(o -> redraw());
        for (var p : List.of(vm.statesProperty(), vm.stepProperty(), vm.signedProperty())) p.addListener(o -> redraw());
        affine.table().addListener((javafx.collections.ListChangeListener<AffineViewModel.Row>) c -> fillTable());
        affine.messageProperty().addListener(o -> redraw());
        affine.targetProperty().addListener(o -> redraw());
        redraw();
    }

    /**
     * What the empty layer plot asks for: with the overlay ticked and no run yet it told the student to tick the box
     * they had just ticked.
     */
    void overlayTicked(boolean on) {
        waiting = on ? "No layer data yet: press Train (the overlay shows the layer picked in the Training tab), "
                + "or open a run folder" : "No layer data: tick \"Overlay the live layer's data\" while a run trains, or open a run folder";
        plot.setEmptyText(emptyText());
    }

    /** The empty plot says why it is empty: what to do while waiting, or why the chosen layer has nothing to show. */
    private String emptyText() {
        String why = affine.messageProperty().get();
        return why == null || why.isEmpty() || AffineViewModel.NO_DATA.equals(why) ? waiting : why;
    }

    ChartPane layerPane() { return layerPane; }
    ChartPane batchPane() { return batchPane; }
    /** The MaQD-vs-affine table in its sideways scroll pane. */
    javafx.scene.Node table() { return tableScroll; }
    StringProperty numbersProperty() { return numbers; }

    private void redraw() {
        AffineViewModel.Result r = affine.resultProperty().get();
        boolean active = affine.activeProperty().get();
        if (affine.target() == null || (active && r == null)) {
            plot.setData(new float[0], 0, 0);
            plot.setEmptyText(emptyText());
            layerPane.setTitle(LAYER_TITLE);   // it kept naming the last data's layer over the empty chart
            numbers.set(affine.messageProperty().get());
            batches.setSeries(List.of());
            return;
        }
        layerPane.setTitle(LAYER_TITLE + " · " + affine.dataProperty().get().describe());
        if (active) drawAffine(r);
        else drawMaqd();
        if (r != null) drawBatches(r);
        plot.redraw();
    }

    private void drawAffine(AffineViewModel.Result r) {
        AffineQuantizer q = r.quantizer();
        DoubleUnaryOperator f = x -> q.dequantize(q.code(x, 0), 0);
        List<Bracket> br = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Calibrator.Range> e : r.methodRanges().entrySet()) {
            String label = METHOD_LABELS[i] + ("percentile".equals(e.getKey())
                    ? String.format(Locale.ROOT, " p%.1f", affine.percentileProperty().get()) : "");
            br.add(new Bracket(label, e.getValue().lo()[0], e.getValue().hi()[0], BRACKET_COLORS[i++]));
        }
        double a = affine.alphaProperty().get(), b = affine.betaProperty().get();
        PlotModel m = PlotModel.of(affine.target(), f, r.levels(), r.maqdLevels(), a, b,
                br.get(0).lo(), br.get(0).hi());
        String ch = q.channelCount() > 1 ? " (channel 0 of " + q.channelCount() + ")" : "";
        plot.setData(m.bins(), m.min(), m.max());
        plot.setQuantizer(m.xs(), m.ys(), m.levels(), m.share(), "affine levels" + ch, m.otherLevels(), "MaQD levels");
        plot.setRanges(a, b, br);
        plot.setNote(note("affine", r.error()) + " · " + note("MaQD", r.maqdError()));
        plot.setXLabel(xLabel());
        numbers.set(affine.numbersProperty().get());
    }

    private void drawMaqd() {
        QuantizerViewModel.Curves c = vm.curves(2);
        int m = vm.statesProperty().get();
        double d = vm.stepProperty().get();
        boolean signed = vm.signedProperty().get();
        DoubleUnaryOperator f = x -> vm.quantize(x);
        AffineExplorer.Error e = affine.errorOf(f);
        PlotModel pm = PlotModel.of(affine.target(), f, c.levels(), new double[0], c.lo(), c.hi());
        plot.setData(pm.bins(), pm.min(), pm.max());
        plot.setQuantizer(pm.xs(), pm.ys(), pm.levels(), pm.share(), "MaQD levels (M, Δ above)", pm.otherLevels(), "");
        plot.setRanges(Double.NaN, Double.NaN, List.of());
        plot.setNote(note("MaQD", e));
        plot.setXLabel(xLabel());
        numbers.set(String.format(Locale.ROOT, "MaQD at M = %d, Δ = %.3f on %s: MSE %.4g, SQNR %.2f dB, %.1f %% of nonzero values → 0 or flipped",
                m, d, signed ? "Ŵ" : "ReLU(x)", e.mse(), e.sqnrDb(), 100 * e.signLost()));
    }

    private String xLabel() {
        return affine.dataProperty().get().weights() ? "standardized weight Ŵ" : "activation ReLU(x)";
    }

    private static String note(String who, AffineExplorer.Error e) {
        return String.format(Locale.ROOT, "%s: MSE %.3g, SQNR %.1f dB%s", who, e.mse(), e.sqnrDb(),
                e.signLost() > 0 ? String.format(Locale.ROOT, ", %.0f %% → 0 or flipped", 100 * e.signLost()) : "");
    }

    private void drawBatches(AffineViewModel.Result r) {
        List<AffineExplorer.BatchRow> rows = r.batches();
        if (rows.isEmpty()) {
            batches.setEmptyText(affine.dataProperty().get().weights()
                    ? "Weights are calibrated once; dynamic ranges are for activations (pick Activations)"
                    : "One batch so far: dynamic ranges need more batches (a running run sends one per probe)");
            batches.setSeries(List.of());
            return;
        }
        int n = rows.size();
        double[] x = new double[n], dl = new double[n], dh = new double[n], sl = new double[n], sh = new double[n];
        double dm = 0, sm = 0;
        for (int i = 0; i < n; i++) {
            AffineExplorer.BatchRow b = rows.get(i);
            x[i] = i + 1;
            dl[i] = b.dynamicLo();
            dh[i] = b.dynamicHi();
            sl[i] = b.staticLo();
            sh[i] = b.staticHi();
            dm += b.dynamicMse() / n;
            sm += b.staticMse() / n;
        }
        String dn = String.format(Locale.ROOT, "dynamic β (MSE %.3g)", dm), sn = String.format(Locale.ROOT, "static β (MSE %.3g)", sm);
        batches.setSeries(List.of(new Series(dn, x, dh, n, 0, false), new Series("dynamic α", x, dl, n, 0, false),
                new Series(sn, x, sh, n, 1, false), new Series("static α", x, sl, n, 1, false)));
    }

    /**
     * The quantizer's name heads its columns once, over their measures: with "MaQD → 0 or flipped" and the like in
     * one header row the table was wider than the plots and its headers and numbers were cut ("MaQD → 0 or fli…").
     * No cell is cut: a pane too narrow for the table scrolls it sideways.
     */
    private void fillTable() {
        table.getChildren().clear();
        table.add(bold("MaQD"), 1, 0, 3, 1);
        table.add(bold("affine"), 4, 0, 5, 1);
        String[] head = {"M", "MSE", "SQNR", "→ 0 or flipped", "MSE", "SQNR", "→ 0 or flipped", "S", "Z"};
        for (int c = 0; c < head.length; c++) table.add(bold(head[c]), c, 1);
        int r = 2;
        for (AffineViewModel.Row row : affine.table()) {
            String[] cells = {Integer.toString(row.states()), fmt(row.maqd().mse()), db(row.maqd().sqnrDb()),
                    pct(row.maqd().signLost()), fmt(row.affine().mse()), db(row.affine().sqnrDb()),
                    pct(row.affine().signLost()), fmt(row.scale()), Integer.toString(row.zero())};
            for (int c = 0; c < cells.length; c++) table.add(whole(new Label(cells[c])), c, r);
            r++;
        }
    }

    private static Label bold(String t) {
        Label l = whole(new Label(t));
        l.setStyle("-fx-font-weight: bold");
        return l;
    }

    private static Label whole(Label l) {
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static String fmt(double v) { return String.format(Locale.ROOT, "%.4g", v); }
    private static String db(double v) { return String.format(Locale.ROOT, "%.2f dB", v); }
    private static String pct(double v) { return String.format(Locale.ROOT, "%.1f %%", 100 * v); }
}
