package org.maqd.ui.view;

import java.io.File;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.Duration;
import org.maqd.train.ProbeSnapshot;
import org.maqd.ui.chart.ChartPane;
import org.maqd.ui.chart.ChartStyle;
import org.maqd.ui.chart.LineChartCanvas;
import org.maqd.ui.chart.LineChartCanvas.Series;
import org.maqd.ui.vm.AffineViewModel;
import org.maqd.ui.vm.LiveFeed;
import org.maqd.ui.vm.QuantizerViewModel;
import org.maqd.ui.vm.TrainingViewModel;

/**
 * The quantizer explorer: MaQD's round-clip (M, step, surrogate) or the affine quantizer of the PTQ baseline
 * (symmetric, per channel, calibration, α and β), drawn over a live layer's weights or activations.
 */
public final class QuantizerView {
    @FXML private Slider statesSlider, stepSlider, alphaSlider, percentileSlider;
    @FXML private Label statesLabel, stepLabel, alphaLabel, summaryLabel, numbersLabel, percentileLabel, sourceLabel;
    @FXML private RadioButton signedRadio, unsignedRadio, maqdRadio, affineRadio;
    @FXML private CheckBox gaussianCheck, liveCheck, symmetricCheck, perChannelCheck;
    @FXML private ComboBox<String> surrogateBox, calibrationBox;
    @FXML private VBox plots, maqdBox, affineBox;
    @FXML private Button openRunButton;

    private QuantizerViewModel vm;
    private AffineViewModel affine;
    private TrainingViewModel training;
    private final LineChartCanvas stairs = new LineChartCanvas(), grad = new LineChartCanvas();
    private ExplorerPlots layerPlots;

    public void init(QuantizerViewModel vm, TrainingViewModel training, StringProperty theme) {
        this.vm = vm;
        this.affine = vm.affine();
        this.training = training;
        var style = new SimpleObjectProperty<ChartStyle>();
        style.bind(Bindings.createObjectBinding(() -> "dark".equals(theme.get()) ? ChartStyle.DARK : ChartStyle.LIGHT, theme));
        bindMaqd();
        bindAffine();
        stairs.setXLabel("input z");
        grad.setXLabel("input z");
        ChartPane sp = new ChartPane("Staircase Q(z)", "The forward quantizer: every input z is mapped to the nearest of the "
                + "M levels (dashed: the identity). Outside the clip range the output stays at the end levels.", stairs);
        ChartPane gp = new ChartPane("Surrogate gradient dQ/dz", "What backward uses instead of the true derivative of the "
                + "staircase (zero almost everywhere): STE passes 1 inside the clip range; sigmoid and triangle put bumps at "
                + "each step, sharper for larger α.", grad);
        layerPlots = new ExplorerPlots(vm, affine);
        for (ChartPane p : List.of(sp, gp)) {
            p.visibleProperty().bind(affine.activeProperty().not());
            p.managedProperty().bind(p.visibleProperty());
        }
        for (ChartPane p : List.of(sp, gp, layerPlots.layerPane(), layerPlots.batchPane())) {
            p.chart().chartStyleProperty().bind(style);
            VBox.setVgrow(p, Priority.ALWAYS);
            plots.getChildren().add(p);
        }
        plots.getChildren().add(layerPlots.table());
        numbersLabel.textProperty().bind(layerPlots.numbersProperty());
        for (var p : List.of(vm.statesProperty(), vm.signedProperty(), vm.surrogateProperty(), vm.alphaProperty(), vm.stepProperty()))
            p.addListener(o -> draw());
        Timeline t = new Timeline(new KeyFrame(Duration.seconds(1), e -> takeLive()));
        t.setCycleCount(Animation.INDEFINITE);
        liveCheck.selectedProperty().addListener((o, was, now) -> {
            layerPlots.overlayTicked(now);
            if (now) t.play();
            else t.stop();
            takeLive();
        });
        training.feedProperty().addListener(o -> {
            if (liveCheck.isSelected()) vm.clearData();
            takeLive();
        });
        training.selectedLayerProperty().addListener(o -> takeLayer());
        training.stateProperty().addListener(o -> takeLive());   // "live run" becomes "last run" when it ends
        vm.signedProperty().addListener(o -> takeLayer());
        openRunButton.setOnAction(e -> openRun());
        sourceLabel.textProperty().bind(vm.sourceProperty());
        draw();
    }

    private void bindMaqd() {
        statesSlider.valueProperty().bindBidirectional(vm.statesProperty());
        statesLabel.textProperty().bind(Bindings.format("States M = %d", vm.statesProperty()));
        ToggleGroup g = new ToggleGroup();
        signedRadio.setToggleGroup(g);
        unsignedRadio.setToggleGroup(g);
        (vm.signedProperty().get() ? signedRadio : unsignedRadio).setSelected(true);
        g.selectedToggleProperty().addListener((o, a, b) -> { if (b != null) vm.signedProperty().set(b == signedRadio); });
        vm.signedProperty().addListener((o, a, now) -> (now ? signedRadio : unsignedRadio).setSelected(true));
        gaussianCheck.selectedProperty().bindBidirectional(vm.gaussianStepProperty());
        stepSlider.valueProperty().bindBidirectional(vm.stepProperty());
        stepSlider.disableProperty().bind(vm.gaussianStepProperty());
        stepLabel.textProperty().bind(Bindings.format("Step Δ = %.3f", vm.stepProperty()));
        surrogateBox.getItems().setAll(QuantizerViewModel.SURROGATES);
        surrogateBox.valueProperty().bindBidirectional(vm.surrogateProperty());
        alphaSlider.valueProperty().bindBidirectional(vm.alphaProperty());
        alphaLabel.textProperty().bind(Bindings.format("Sigmoid sharpness = %.1f", vm.alphaProperty()));
        alphaSlider.disableProperty().bind(vm.surrogateProperty().isNotEqualTo("sigmoid"));
        alphaLabel.disableProperty().bind(alphaSlider.disableProperty());   // greyed with its slider, not only the slider
        summaryLabel.textProperty().bind(vm.summaryProperty());
    }

    private void bindAffine() {
        ToggleGroup mode = new ToggleGroup();
        maqdRadio.setToggleGroup(mode);
        affineRadio.setToggleGroup(mode);
        (affine.activeProperty().get() ? affineRadio : maqdRadio).setSelected(true);
        mode.selectedToggleProperty().addListener((o, a, b) -> { if (b != null) affine.activeProperty().set(b == affineRadio); });
        affine.activeProperty().addListener((o, a, now) -> (now ? affineRadio : maqdRadio).setSelected(true));
        maqdBox.visibleProperty().bind(affine.activeProperty().not());
        affineBox.visibleProperty().bind(affine.activeProperty());
        maqdBox.managedProperty().bind(maqdBox.visibleProperty());
        affineBox.managedProperty().bind(affineBox.visibleProperty());
        symmetricCheck.selectedProperty().bindBidirectional(affine.symmetricProperty());
        perChannelCheck.selectedProperty().bindBidirectional(affine.perChannelProperty());
        calibrationBox.getItems().setAll(AffineViewModel.CALIBRATIONS);
        calibrationBox.valueProperty().bindBidirectional(affine.calibrationProperty());
        percentileSlider.valueProperty().bindBidirectional(affine.percentileProperty());
        percentileSlider.disableProperty().bind(affine.calibrationProperty().isNotEqualTo("percentile"));
        percentileLabel.textProperty().bind(Bindings.format("Percentile p = %.2f", affine.percentileProperty()));
        percentileLabel.disableProperty().bind(percentileSlider.disableProperty());
    }

    private void draw() {
        QuantizerViewModel.Curves c = vm.curves(801);
        double[] id = {c.z()[0], c.z()[c.z().length - 1]};
        stairs.setSeries(List.of(new Series("identity", id, id, 2, 5, false),
                new Series("Q(z)", c.z(), c.q(), c.z().length, 0, false)));
        stairs.setVerticals(c.lo(), c.hi());
        grad.setVerticals(c.lo(), c.hi());
        grad.setSeries(List.of(new Series(vm.surrogateProperty().get(), c.z(), c.grad(), c.z().length, 1, false)));
    }

    private void takeLayer() {
        if (liveCheck.isSelected()) takeLive();
        else vm.showFolderLayer(training.selectedLayerProperty().get());
    }

    /** Gives the explorer the selected layer's values from the latest probe (weights or activation input). */
    private void takeLive() {
        if (!liveCheck.isSelected()) return;
        LiveFeed f = training.feedProperty().get();
        int layer = training.selectedLayerProperty().get();
        if (f == null || layer < 0) return;
        // a run that has ended is the last run, not a live one
        String where = training.stateProperty().get().active() ? "live run, step " : "last run, step ";
        for (ProbeSnapshot s : f.recentValues()) {
            if (layer < s.values().size()) vm.takeLayer(s.values().get(layer), s.step(), where + s.step());
        }
    }

    private void openRun() {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle("Open a trained run folder");
        File dir = c.showDialog(plots.getScene().getWindow());
        if (dir == null) return;
        liveCheck.setSelected(false);
        vm.openRunFolder(dir.toPath(), training.selectedLayerProperty().get());
    }
}
