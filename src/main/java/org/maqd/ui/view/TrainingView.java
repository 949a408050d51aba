package org.maqd.ui.view;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.util.Duration;
import org.maqd.ui.chart.ChartPane;
import org.maqd.ui.chart.ChartStyle;
import org.maqd.ui.vm.LiveFeed;
import org.maqd.ui.vm.RunState;
import org.maqd.ui.vm.TrainingViewModel;

/**
 * Run settings, start/pause/resume/stop, the shared layer selector, and the live charts. A 10 Hz timeline samples
 * the run and redraws only when new data arrived; it also records the longest gap between its ticks (the
 * longest time the FX thread was busy) and shows it.
 */
public final class TrainingView {
    static final double HZ = 10;
    /** Charts redraw at most twice a second: live enough to watch, cheap for a 2-core machine that trains. */
    static final long CHART_PERIOD_NANOS = 500_000_000L;
    private boolean pending;
    private long lastDraw;
    @FXML private FlowPane settings;
    @FXML private Button startButton, pauseButton, stopButton;
    @FXML private ComboBox<String> layerBox;
    @FXML private Label settingMessage, settingsNote;
    @FXML private GridPane charts;

    private TrainingViewModel vm;
    private Prompts prompts;
    private TrainingCharts live;
    private final SimpleObjectProperty<ChartStyle> style = new SimpleObjectProperty<>(ChartStyle.LIGHT);
    private final ReadOnlyStringWrapper pulseText = new ReadOnlyStringWrapper("");
    private long lastTick;
    private double maxGapMs, maxUpdateMs, maxCpuMs;
    private long lastCpu;
    private int ticks, maxCpuTick;
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private final java.util.List<Double> updates = new java.util.ArrayList<>();
    private Timeline timer;
    private javafx.beans.value.ObservableBooleanValue showing;

    private SettingsForm form;

    public void init(TrainingViewModel vm, StringProperty theme, Prompts prompts, javafx.beans.value.ObservableBooleanValue showing) {
        this.showing = showing;
        showing.addListener((o, was, now) -> { if (now) redraw(); });
        this.vm = vm;
        this.prompts = prompts;
        style.bind(Bindings.createObjectBinding(() -> "dark".equals(theme.get()) ? ChartStyle.DARK : ChartStyle.LIGHT, theme));
        form = new SettingsForm(settings, vm);
        form.build();
        settingMessage.textProperty().bind(vm.settingMessageProperty());
        settingsNote.textProperty().bind(vm.settingsNoteProperty());
        javafx.scene.control.Tooltip noteTip = new javafx.scene.control.Tooltip(TrainingViewModel.NEXT_RUN_NOTE);
        noteTip.setWrapText(true);
        noteTip.setMaxWidth(420);
        settingsNote.setTooltip(noteTip);
        settingMessage.managedProperty().bind(settingMessage.textProperty().isNotEmpty());
        var active = Bindings.createBooleanBinding(() -> vm.stateProperty().get().active(), vm.stateProperty());
        startButton.disableProperty().bind(active);
        pauseButton.disableProperty().bind(active.not());
        stopButton.disableProperty().bind(active.not());
        pauseButton.textProperty().bind(Bindings.when(vm.stateProperty().isEqualTo(RunState.PAUSED)).then("▶ Resume").otherwise("❚❚ Pause"));
        layerBox.setItems(vm.layerNames());
        vm.layerNames().addListener((javafx.collections.ListChangeListener<String>) c -> {
            if (vm.selectedLayerProperty().get() >= 0) layerBox.getSelectionModel().select(vm.selectedLayerProperty().get());
        });
        layerBox.setPromptText("(after Train)");
        PromptCell.keep(layerBox);
        layerBox.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0) vm.selectedLayerProperty().set(b.intValue());
        });
        vm.selectedLayerProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0 && layerBox.getSelectionModel().getSelectedIndex() != b.intValue())
                layerBox.getSelectionModel().select(b.intValue());
            redraw();
        });
        live = new TrainingCharts(style);
        layout();
        vm.errorProperty().addListener((o, a, msg) -> {
            if (msg == null) return;
            javafx.application.Platform.runLater(() -> {
                prompts.error("Training", msg);
                vm.errorProperty().set(null);
            });
        });
        vm.feedProperty().addListener((o, a, b) -> redraw());
        vm.feedProperty().addListener((o, a, b) -> { maxGapMs = 0; maxUpdateMs = 0; maxCpuMs = 0; ticks = 0; maxCpuTick = 0; lastTick = 0; updates.clear(); });
        timer = new Timeline(new KeyFrame(Duration.millis(1000 / HZ), e -> tick()));
        timer.setCycleCount(Timeline.INDEFINITE);
        // the timer runs only while a run is active (an idle window costs nothing); one last tick after it ends
        vm.stateProperty().addListener((o, was, now) -> {
            if (now.active()) timer.play();
            else {
                timer.stop();
                tick();
                redraw();
            }
        });
    }

    private void layout() {
        for (int c = 0; c < 3; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100 / 3.0);
            cc.setHgrow(Priority.ALWAYS);
            charts.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < 3; r++) {
            javafx.scene.layout.RowConstraints rc = new javafx.scene.layout.RowConstraints();
            rc.setVgrow(Priority.ALWAYS);
            rc.setPercentHeight(100 / 3.0);
            charts.getRowConstraints().add(rc);
        }
        int i = 0;
        for (ChartPane p : live.panes) {
            // 150 px each (3 × 150 + gaps) lets the grid fit, and so grow with, a 1280×800 window; below that it scrolls
            p.setPrefHeight(180);
            p.setMinHeight(150);
            p.setMaxHeight(Double.MAX_VALUE);
            charts.add(p, i % 3, i / 3);
            i++;
        }
        ComboBox<String> metric = new ComboBox<>();
        metric.getItems().setAll("Weight SQNR (dB)", "Weight MSE", "Activation SQNR (dB)", "Activation MSE");
        metric.setValue("Weight SQNR (dB)");
        metric.setOnAction(e -> { live.setErrorMetric(metric.getValue()); redraw(); });
        metric.getStyleClass().add("chart-button");
        metric.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ChartPane errorPane = live.panes.get(7);
        // the metric chooser sits under the title, not beside it: in the header it made that column the widest (the
        // grid overflowed the window at 900 px) and cut the title to "Quantization er…"
        metric.setId("errorMetric");
        errorPane.getChildren().add(1, metric);
    }

    private void tick() {
        long now = System.nanoTime();
        if (!vm.stateProperty().get().active() && vm.stateProperty().get() != org.maqd.ui.vm.RunState.IDLE) timer.stop();
        boolean measuring = vm.stateProperty().get().active() && lastTick != 0;
        long cpu = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
        if (measuring) {
            maxGapMs = Math.max(maxGapMs, (now - lastTick) / 1e6);
            ticks++;
            if ((cpu - lastCpu) / 1e6 > maxCpuMs) {
                maxCpuMs = (cpu - lastCpu) / 1e6;
                maxCpuTick = ticks;
            }
        }
        lastTick = now;
        lastCpu = cpu;
        if (vm.sample(now)) pending = true;
        LiveFeed f = vm.feedProperty().get();
        if (f != null && f != startedFeed && f.info() != null && vm.startedNanos() != 0) {   // a feed Train started
            startedFeed = f;
            LOG.log(System.Logger.Level.INFO, String.format("run started (data read, network built) %.0f ms after Train",
                    (System.nanoTime() - vm.startedNanos()) / 1e6));
        }
        if (pending && now - lastDraw >= CHART_PERIOD_NANOS) {
            pending = false;
            lastDraw = now;
            redraw();
        }
        if (measuring) {
            double ms = (System.nanoTime() - now) / 1e6;
            maxUpdateMs = Math.max(maxUpdateMs, ms);
            if (updates.size() < 100_000) updates.add(ms);
            pulseText.set(String.format("FX busy max %.0f ms/tick (CPU, tick %d of %d) · tick gap max %.0f ms",
                    maxCpuMs, maxCpuTick, ticks, maxGapMs));
        }
    }

    /** Redraws the charts from the feed; skipped while the Training tab is hidden (redrawn when shown). */
    private void redraw() {
        if (showing != null && !showing.get()) return;
        LiveFeed f = vm.feedProperty().get();
        live.update(f, vm.selectedLayerProperty().get());
        if (f != null && f != timedFeed && live.loss.hasData() && vm.startedNanos() != 0) {
            timedFeed = f;
            firstPointMillis = (System.nanoTime() - vm.startedNanos()) / 1e6;
            LOG.log(System.Logger.Level.INFO, String.format("first chart point drawn %.0f ms after Train", firstPointMillis));
        }
    }

    private static final System.Logger LOG = System.getLogger(TrainingView.class.getName());
    private LiveFeed timedFeed, startedFeed;
    private double firstPointMillis = Double.NaN;

    /** Milliseconds from pressing Train to the first point drawn in the charts, for the latest run (NaN before). */
    public double firstPointMillis() { return firstPointMillis; }

    /** Train: the settings typed but not yet committed (no Enter, F5 pressed in the field) are the run's settings. */
    @FXML public void onStart() {
        if (form.commitPending()) vm.start();
    }

    /** Commits the settings typed but not yet committed; false (the field says why) when one is refused. */
    boolean commitPending() { return form.commitPending(); }

    @FXML public void onPause() {
        if (vm.stateProperty().get() == RunState.PAUSED) vm.resume();
        else vm.pause();
    }

    @FXML public void onStop() { vm.stop(); }

    public ReadOnlyStringProperty pulseTextProperty() { return pulseText.getReadOnlyProperty(); }
    /** The longest gap between timer ticks during the current run, in ms. */
    public double maxGapMs() { return maxGapMs; }
    TrainingCharts charts() { return live; }

    /** The most CPU time the FX thread used between two timer ticks during the current run (ms). */
    public double maxFxCpuMs() { return maxCpuMs; }

    /** Durations (ms) of every timer tick's sample + redraw during the current run, in order. */
    public java.util.List<Double> updateDurations() { return java.util.List.copyOf(updates); }
}
