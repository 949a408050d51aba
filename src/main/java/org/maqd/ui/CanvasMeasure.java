package org.maqd.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.maqd.ui.view.GraphCanvas;

/**
 * Hidden option {@code --measure-canvas [FILE]}: times opening FILE (default: the window's document) to the first
 * frame drawn with the layered layout, then pans and zooms the canvas on every frame for a few seconds and prints
 * the frame rate and frame-interval percentiles. A measurement printed for people, not a test.
 */
final class CanvasMeasure {
    private final WorkbenchApp.Window w;
    private final Path file;
    private final List<Double> intervals = new ArrayList<>();

    CanvasMeasure(WorkbenchApp.Window w, Path file) {
        this.w = w;
        this.file = file;
    }

    void start() {
        w.view().tabs().getSelectionModel().select(0);
        new AnimationTimer() {
            @Override public void handle(long now) {
                if (!w.vm().canvas().laidOutProperty().get()) return;
                stop();
                System.out.printf("[measure] JVM start → first frame with the layered layout: %.0f ms%n",
                        (double) java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
                Platform.runLater(CanvasMeasure.this::reopen);
            }
        }.start();
    }

    private void reopen() {
        long t0 = System.nanoTime();
        if (file != null) w.vm().document().open(file);
        new AnimationTimer() {
            @Override public void handle(long now) {
                if (!w.vm().canvas().laidOutProperty().get()) return;
                stop();
                System.out.printf("[measure] open %s again → next frame drawn: %.0f ms (%d nodes)%n",
                        file == null ? "(window document)" : file, (System.nanoTime() - t0) / 1e6,
                        w.vm().composer().graph().nodes().size());
                Platform.runLater(CanvasMeasure.this::animate);
            }
        }.start();
    }

    private void animate() {
        GraphCanvas canvas = w.view().composerView().canvas();
        long start = System.nanoTime();
        new AnimationTimer() {
            private long last;
            private int frame;

            @Override public void handle(long now) {
                if (last != 0) intervals.add((now - last) / 1e6);
                last = now;
                frame++;
                var v = w.vm().canvas().viewport();
                if (now - start < 3_000_000_000L) v.panBy(Math.sin(frame / 10.0) * 12, Math.cos(frame / 13.0) * 8);
                else v.zoomAt(frame % 60 < 30 ? 1.03 : 1 / 1.03, canvas.getWidth() / 2, canvas.getHeight() / 2);
                if (now - start > 6_000_000_000L) {
                    stop();
                    report();
                }
            }
        }.start();
    }

    private void report() {
        List<Double> d = new ArrayList<>(intervals);
        double total = 0;
        for (double x : d) total += x;
        Collections.sort(d);
        System.out.printf("[measure] pan then zoom, %d frames in %.1f s: %.1f frames/s; frame interval median %.1f ms, p95 %.1f ms, max %.1f ms%n",
                d.size(), total / 1000, d.size() / (total / 1000), d.get(d.size() / 2), d.get((int) (d.size() * 0.95)), d.get(d.size() - 1));
        Platform.exit();
    }
}
