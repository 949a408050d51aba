package org.maqd.ui.view;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import org.maqd.ui.vm.PlaygroundViewModel;
import org.maqd.ui.vm.PlaygroundViewModel.Frame;

/**
 * The playground tab: the decision regions of the quantized network and of the same network with float weights,
 * drawn over the training points while both train; redrawn 10 times a second from the newest frame. Training
 * pauses while the tab is not shown (the view model's {@code shown} follows the tab).
 */
public final class PlaygroundView extends BorderPane {
    static final Color[] CLASS = {Color.web("#1f77b4"), Color.web("#d62728"), Color.web("#2ca02c"), Color.web("#ff7f0e")};
    private final PlaygroundViewModel vm;
    private final Canvas quantized = new Canvas(), floating = new Canvas();
    private final Label quantizedTitle = new Label(), floatTitle = new Label(), rate = new Label();
    private Frame drawn;

    public PlaygroundView(PlaygroundViewModel vm, javafx.beans.value.ObservableBooleanValue showing) {
        this.vm = vm;
        setId("playground");
        ComboBox<String> data = new ComboBox<>();
        data.setId("playgroundData");
        data.getItems().setAll(PlaygroundViewModel.DATASETS);
        data.valueProperty().bindBidirectional(vm.datasetProperty());
        ComboBox<Integer> states = new ComboBox<>();
        states.setId("playgroundStates");
        states.getItems().setAll(2, 3, 4, 8, 16);
        states.setValue(vm.weightStatesProperty().get());
        states.valueProperty().addListener((o, a, b) -> { if (b != null) vm.weightStatesProperty().set(b); });
        // one button for ▶ Train / ❚❚ Pause / ▶ Resume, as a media player's; starting over is ↺ Restart's alone
        Button train = new Button();
        train.setId("playgroundTrain");
        train.getStyleClass().add("run-button");
        train.textProperty().bind(Bindings.when(vm.runningProperty()).then("❚❚ Pause")
                .otherwise(Bindings.when(vm.pausedProperty()).then("▶ Resume").otherwise("▶ Train")));
        train.setOnAction(e -> vm.train());
        Button restart = new Button("↺ Restart");
        restart.setId("playgroundRestart");
        restart.setTooltip(new Tooltip("Train both networks again from step 0"));
        restart.setOnAction(e -> vm.start());
        restart.disableProperty().bind(vm.runningProperty().or(vm.pausedProperty()).not());
        data.valueProperty().addListener(o -> draw());
        states.valueProperty().addListener(o -> draw());
        Label error = new Label();
        error.getStyleClass().add("message");
        error.textProperty().bind(vm.errorProperty());
        rate.setId("playgroundRate");
        rate.getStyleClass().add("hint");
        HBox bar = new HBox(8, new Label("Data:"), data, new Label("Weight states:"), states, train, restart, rate, error);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        Label about = new Label(PlaygroundViewModel.about());
        about.setId("playgroundAbout");
        about.setWrapText(true);
        about.getStyleClass().add("hint");
        about.setPadding(new Insets(0, 8, 4, 8));
        setTop(new VBox(bar, about));
        HBox panes = new HBox(10, pane(quantizedTitle, quantized), pane(floatTitle, floating));
        panes.setPadding(new Insets(4, 8, 8, 8));
        setCenter(panes);
        vm.shownProperty().bind(showing);
        Timeline t = new Timeline(new KeyFrame(Duration.millis(100), e -> { if (showing.get()) draw(); }));
        t.setCycleCount(Timeline.INDEFINITE);
        vm.runningProperty().addListener((o, a, b) -> { if (b) t.play(); else { t.stop(); draw(); } });
        draw();
    }

    private VBox pane(Label title, Canvas c) {
        title.getStyleClass().add("chart-title");
        Pane holder = new javafx.scene.layout.StackPane(c); // the square plot centred in its half
        holder.setMinSize(120, 120);
        c.widthProperty().bind(javafx.beans.binding.Bindings.min(holder.widthProperty(), holder.heightProperty()));
        c.heightProperty().bind(c.widthProperty());
        c.widthProperty().addListener(o -> { drawn = null; draw(); });
        VBox box = new VBox(4, title, holder);
        VBox.setVgrow(holder, Priority.ALWAYS);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.getStyleClass().add("chart-pane");
        return box;
    }

    /** Draws the newest frame when it is new (or the canvas changed). */
    void draw() {
        Frame f = vm.frame();
        if (f != null && f == drawn) return;
        drawn = f;
        int m = vm.weightStatesProperty().get();
        quantizedTitle.setText(f == null ? m + "-state weights" : String.format("%d-state weights · test accuracy %.1f%%", m, 100 * f.quantizedAccuracy()));
        floatTitle.setText(f == null ? "Float weights" : String.format("Float weights · test accuracy %.1f%%", 100 * f.floatAccuracy()));
        rate.setText(f == null ? "" : String.format("step %,d · %.1f updates/s", f.steps(), f.framesPerSecond()));
        paint(quantized, f == null ? null : f.quantized());
        paint(floating, f == null ? null : f.floating());
    }

    private void paint(Canvas c, int[] regions) {
        GraphicsContext g = c.getGraphicsContext2D();
        double w = c.getWidth();
        g.setFill(Color.web("#f4f4f6"));
        g.fillRect(0, 0, w, w);
        int n = PlaygroundViewModel.GRID;
        double cell = w / n;
        if (regions != null) {
            for (int r = 0; r < n; r++) {
                for (int k = 0; k < n; k++) {
                    // opaque tints: overlapping translucent cells would draw a grid of darker seams
                    g.setFill(CLASS[regions[r * n + k] % CLASS.length].interpolate(Color.WHITE, 0.7));
                    g.fillRect(Math.floor(k * cell), Math.floor(r * cell), Math.ceil(cell) + 1, Math.ceil(cell) + 1);
                }
            }
        }
        float[] p = vm.points();
        int[] y = vm.labels();
        double e = PlaygroundViewModel.EXTENT;
        for (int i = 0; i < y.length; i++) {
            double px = (p[2 * i] + e) / (2 * e) * w, py = (e - p[2 * i + 1]) / (2 * e) * w;
            g.setFill(CLASS[y[i] % CLASS.length]);
            g.fillOval(px - 2.5, py - 2.5, 5, 5);
            g.setStroke(Color.WHITE);
            g.setLineWidth(0.6);
            g.strokeOval(px - 2.5, py - 2.5, 5, 5);
        }
        if (regions == null) { // below the points, on a plate of its own
            String text = vm.runningProperty().get() ? "Starting…" : vm.pausedProperty().get() ? "Paused: press ▶ Resume"
                    : "Press ▶ Train: the network learns " + vm.datasetProperty().get() + " here, live";
            javafx.scene.text.Text probe = new javafx.scene.text.Text(text);
            probe.setFont(g.getFont());
            double tw = probe.getLayoutBounds().getWidth();
            g.setFill(Color.rgb(255, 255, 255, 0.85));
            double base = w - 16;
            g.fillRoundRect(w / 2 - tw / 2 - 10, base - 17, tw + 20, 26, 8, 8);
            g.setFill(Color.web("#4a4a50"));
            g.setTextAlign(javafx.scene.text.TextAlignment.CENTER);
            g.fillText(text, w / 2, base);
        }
    }
}
