package org.maqd.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.control.Tab;
import javafx.util.Duration;
import org.maqd.data.DataSpec;
import org.maqd.ui.chart.PngWriter;

/**
 * Renders each view of an open window to DIR/&lt;view&gt;.png (and a dark-theme composer), optionally after
 * training the open experiment for a moment on a small subset so the live charts have data; then exits.
 */
final class Screenshots {
    private final WorkbenchApp.Window w;
    private final Path dir;
    private final boolean train;

    Screenshots(WorkbenchApp.Window w, Path dir, boolean train) {
        this.w = w;
        this.dir = dir;
        this.train = train;
    }

    void start() {
        System.out.printf("window shown %.1f s after the JVM started%n",
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
        if (train && w.vm().training().trainerAvailable()) {
            var doc = w.vm().document();
            DataSpec d = doc.get().data() == null ? new DataSpec("mnist-10k", null, null, null, null, null, null, null, null) : doc.get().data();
            doc.edit("Screenshot subset", e -> e.withData(d.withTrainLimit(2048).withTestLimit(1000))
                    .withTraining(e.training().withEpochs(2)));
            w.vm().training().start();
            later(20, this::verifyThenShoot);
        } else {
            later(1, this::shoot);
        }
    }

    /** Verifies the integer model of the run just trained (so the runs view shows its badge), then shoots. */
    private void verifyThenShoot() {
        var runs = w.vm().runs();
        runs.refresh();
        Path last = w.vm().training().lastRunDirProperty().get();
        var row = runs.rows().stream().filter(r -> last != null && r.run().dir().toAbsolutePath().equals(last.toAbsolutePath()))
                .findFirst().orElse(null);
        if (row == null || !runs.verify(row)) {
            shoot();
            return;
        }
        waitForVerify(0);
    }

    private void waitForVerify(int tries) {
        if (!w.vm().runs().busyProperty().get() || tries > 120) shoot();
        else later(0.5, () -> waitForVerify(tries + 1));
    }

    private void shoot() {
        List<Tab> tabs = w.view().tabs().getTabs();
        String[] names = {"composer", "training", "quantizer", "runs"};
        try {
            for (int i = 0; i < tabs.size(); i++) {
                w.view().tabs().getSelectionModel().select(i);
                if (i == 0) w.vm().composer().selectedProperty().set(2);
                if (i == 3) w.view().runsView().selectAll();
                w.scene().getRoot().applyCss();
                w.scene().getRoot().layout();
                PngWriter.write(w.scene().snapshot(null), dir.resolve(names[i] + ".png"));
            }
            w.view().tabs().getSelectionModel().select(0);
            w.vm().composer().remove(0);
            w.vm().composer().selectedProperty().set(0);
            snap("composer-error.png");
            w.vm().document().undo();
            if (w.vm().composer().setField(2, org.maqd.ui.vm.LayerField.NORM, "ln")) {
                w.vm().composer().selectedProperty().set(2);
                snap("composer-ln.png");
                w.vm().document().undo();
            }
            w.vm().toggleTheme();
            snap("composer-dark.png");
            w.view().tabs().getSelectionModel().select(1);
            snap("training-dark.png");
            for (var pane : w.scene().getRoot().lookupAll(".chart-pane")) {
                if (pane instanceof org.maqd.ui.chart.ChartPane cp && cp.isVisible() && cp.getId() != null
                        && (cp.getId().equals("chart-latent-weights") || cp.getId().equals("chart-loss")
                        || cp.getId().equals("chart-quantization-error") || cp.getId().equals("chart-weight-states"))) {
                    cp.saveSvg(dir.resolve(cp.getId() + ".svg"));
                }
            }
            System.out.println("screenshots written to " + dir.toAbsolutePath());
        } catch (IOException e) {
            System.err.println("cannot write screenshots: " + e.getMessage());
        }
        w.vm().training().stop();
        Platform.exit();
    }

    private void snap(String name) throws IOException {
        w.scene().getRoot().applyCss();
        w.scene().getRoot().layout();
        PngWriter.write(w.scene().snapshot(null), dir.resolve(name));
    }

    private static void later(double seconds, Runnable r) {
        PauseTransition p = new PauseTransition(Duration.seconds(seconds));
        p.setOnFinished(e -> r.run());
        p.play();
    }
}
