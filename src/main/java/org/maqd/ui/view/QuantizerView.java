package org.maqd.ui.view;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.maqd.train.LayerProbe;
import org.maqd.train.ProbeSnapshot;
import org.maqd.ui.chart.ChartPane;
import org.maqd.ui.chart.ChartStyle;
import org.maqd.ui.chart.HistogramCanvas;
import org.maqd.ui.chart.LineChartCanvas;
import org.maqd.ui.chart.LineChartCanvas.Series;
import org.maqd.ui.vm.LiveFeed;
import org.maqd.ui.vm.QuantizerViewModel;
import org.maqd.ui.vm.TrainingViewModel;

/** The quantizer explorer: sliders for M, step and α; the staircase, its surrogate gradient, a live histogram. */
public final class QuantizerView {
    @FXML private Slider statesSlider, stepSlider, alphaSlider;
    @FXML private Label statesLabel, stepLabel, alphaLabel, summaryLabel;
    @FXML private RadioButton signedRadio, unsignedRadio;
    @FXML private CheckBox gaussianCheck, liveCheck;
    @FXML private ComboBox<String> surrogateBox;
    @FXML private VBox plots;

    private QuantizerViewModel vm;
    private TrainingViewModel training;
    private final LineChartCanvas stairs = new LineChartCanvas(), grad = new LineChartCanvas();
    private final HistogramCanvas input = new HistogramCanvas();
    private ChartPane inputPane;

    public void init(QuantizerViewModel vm, TrainingViewModel training, StringProperty theme) {
        this.vm = vm;
        this.training = training;
        var style = new SimpleObjectProperty<ChartStyle>();
        style.bind(Bindings.createObjectBinding(() -> "dark".equals(theme.get()) ? ChartStyle.DARK : ChartStyle.LIGHT, theme));
        statesSlider.valueProperty().bindBidirectional(vm.statesProperty());
        statesLabel.textProperty().bind(Bindings.format("States M = %d", vm.statesProperty()));
        ToggleGroup g = new ToggleGroup();
        signedRadio.setToggleGroup(g);
        unsignedRadio.setToggleGroup(g);
        signedRadio.setSelected(vm.signedProperty().get());
        unsignedRadio.setSelected(!vm.signedProperty().get());
        g.selectedToggleProperty().addListener((o, a, b) -> vm.signedProperty().set(b == signedRadio));
        gaussianCheck.selectedProperty().bindBidirectional(vm.gaussianStepProperty());
        stepSlider.valueProperty().bindBidirectional(vm.stepProperty());
        stepSlider.disableProperty().bind(vm.gaussianStepProperty());
        stepLabel.textProperty().bind(Bindings.format("Step Δ = %.3f", vm.stepProperty()));
        surrogateBox.getItems().setAll(QuantizerViewModel.SURROGATES);
        surrogateBox.valueProperty().bindBidirectional(vm.surrogateProperty());
        alphaSlider.valueProperty().bindBidirectional(vm.alphaProperty());
        alphaLabel.textProperty().bind(Bindings.format("Sigmoid sharpness α = %.1f", vm.alphaProperty()));
        alphaSlider.disableProperty().bind(vm.surrogateProperty().isNotEqualTo("sigmoid"));
        summaryLabel.textProperty().bind(vm.summaryProperty());
        stairs.setXLabel("input z");
        grad.setXLabel("input z");
        input.setXLabel("layer input (latest probe)");
        ChartPane sp = new ChartPane("Staircase Q(z)", "The forward quantizer: every input z is mapped to the nearest of the "
                + "M levels (dashed: the identity). Outside the clip range the output stays at the end levels.", stairs);
        ChartPane gp = new ChartPane("Surrogate gradient dQ/dz", "What backward uses instead of the true derivative of the "
                + "staircase (zero almost everywhere): STE passes 1 inside the clip range; sigmoid and triangle put bumps at "
                + "each step, sharper for larger α.", grad);
        inputPane = new ChartPane("Live input histogram", "The selected layer at the latest probe: its standardized "
                + "latent weights (signed) or the input of its activation quantizer (unsigned), with this explorer's M levels of step Δ.", input);
        for (ChartPane p : List.of(sp, gp, inputPane)) {
            p.chart().chartStyleProperty().bind(style);
            VBox.setVgrow(p, Priority.ALWAYS);
            plots.getChildren().add(p);
        }
        inputPane.visibleProperty().bind(liveCheck.selectedProperty());
        inputPane.managedProperty().bind(liveCheck.selectedProperty());
        input.setEmptyText("No live data: start a run in the Training tab");
        for (var p : List.of(vm.statesProperty(), vm.signedProperty(), vm.surrogateProperty(), vm.alphaProperty(), vm.stepProperty()))
            p.addListener(o -> { draw(); drawLive(); });
        liveCheck.selectedProperty().addListener(o -> drawLive());
        training.feedProperty().addListener(o -> drawLive());
        training.selectedLayerProperty().addListener(o -> drawLive());
        var t = new javafx.animation.Timeline(new javafx.animation.KeyFrame(javafx.util.Duration.seconds(1), e -> drawLive()));
        t.setCycleCount(javafx.animation.Animation.INDEFINITE);
        liveCheck.selectedProperty().addListener((o, was, now) -> { if (now) t.play(); else t.stop(); });
        draw();
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

    /**
     * The selected layer's latest probe under the explorer's own quantizer: its latent weights for signed,
     * its activation input for unsigned, with the explorer's M levels of step Δ and their clip range.
     */
    private void drawLive() {
        if (!liveCheck.isSelected()) return;
        LiveFeed f = training.feedProperty().get();
        ProbeSnapshot s = f == null ? null : f.probes.last();
        int layer = training.selectedLayerProperty().get();
        if (s == null || layer < 0 || layer >= s.layers().size()) return;
        LayerProbe p = s.layers().get(layer);
        boolean weights = vm.signedProperty().get();
        inputPane.setTitle((weights ? "Live latent weights · " : "Live input histogram · ") + p.name());
        QuantizerViewModel.Curves c = vm.curves(2);
        if (weights) input.setData(p.latentHistogram(), p.histMin(), p.histMax(), c.levels(), c.lo(), c.hi());
        else input.setData(p.activationHistogram(), p.actMin(), p.actMax(), c.levels(), c.lo(), c.hi());
    }
}
