package org.maqd.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;
import org.maqd.data.DataSpec;
import org.maqd.ui.chart.PngWriter;
import org.maqd.ui.vm.RunState;

/**
 * {@code --tour DIR}: drives the open window as a user would and writes what it shows to DIR: every view at
 * 900×600 and 1920×1080 in the light and the dark theme (after a short real run, so the charts have data), each
 * lesson under experiments/lessons, teacher mode, and the playground while it trains; prints the time from Train to
 * the first chart point and the playground's updates per second; then exits.
 */
final class ScreenshotTour {
    private static final String[] TABS = {"Composer", "Training", "Quantizer explorer", "Runs", "Sweep", "Playground"};
    private final WorkbenchApp.Window w;
    private final Path dir;
    private final Deque<Step> steps = new ArrayDeque<>();

    /** One action, then a pause (or a wait for a condition) before the next. */
    private record Step(Runnable action, double pauseSeconds, BooleanSupplier until) {}

    ScreenshotTour(WorkbenchApp.Window w, Path dir) {
        this.w = w;
        this.dir = dir;
    }

    /**
     * {@code --measure}: the open experiment as it is (JIT warm-up and all), Train pressed; prints the time to the
     * first chart point, stops the run, trains the playground for 30 s and prints its updates per second.
     */
    /** Selects the tab titled {@code title} (by title, so a new tab does not shift the tour). */
    private void show(String title) {
        w.view().tabs().getTabs().stream().filter(t -> t.getText().equals(title)).findFirst()
                .ifPresentOrElse(t -> w.view().tabs().getSelectionModel().select(t),
                        () -> { throw new IllegalStateException("no tab titled " + title); });
    }

    void measure() {
        step(() -> {
            show("Training");
            w.view().trainingView().onStart();
        }, 0.2);
        waitFor(() -> !Double.isNaN(w.view().trainingView().firstPointMillis()));
        step(() -> {
            System.out.printf("measure: first chart point %.0f ms after Train%n", w.view().trainingView().firstPointMillis());
            w.vm().training().stop();
        }, 2);
        waitFor(() -> !w.vm().training().stateProperty().get().active());
        playground(15, 2);
        step(Platform::exit, 0);
        next();
    }

    /** Trains the playground, then samples its updates per second every {@code every} s, {@code n} times. */
    private void playground(int n, double every) {
        step(() -> {
            show("Playground");
            w.vm().playground().start();
        }, 4);
        List<String> rates = new ArrayList<>();
        for (int i = 0; i < n; i++) step(() -> {
            var f = w.vm().playground().frame();
            if (f != null) rates.add(String.format("%.1f (step %d)", f.framesPerSecond(), f.steps()));
        }, every);
        step(() -> {
            System.out.println("measure: playground updates/s " + rates);
            w.vm().playground().stop();
        }, 0.5);
    }

    void start() {
        var doc = w.vm().document();
        DataSpec d = doc.get().data() == null ? new DataSpec("mnist-10k", null, null, null, null, null, null, null, null) : doc.get().data();
        step(() -> {
            doc.edit("Tour subset", e -> e.withData(d.withTrainLimit(2048).withTestLimit(1000)).withTraining(e.training().withEpochs(2)));
            show("Training");
            w.vm().training().start();
        }, 1);
        waitFor(() -> w.vm().training().stateProperty().get() == RunState.FINISHED);
        step(() -> System.out.printf("tour: first chart point %.0f ms after Train%n", w.view().trainingView().firstPointMillis()), 0.5);
        for (int[] size : new int[][] {{900, 600}, {1920, 1080}}) {
            for (String theme : new String[] {"light", "dark"}) {
                step(() -> {
                    if (!w.vm().themeProperty().get().equals(theme)) w.vm().toggleTheme();
                    w.stage().setWidth(size[0]);
                    w.stage().setHeight(size[1]);
                }, 1);
                for (String tab : TABS) {
                    step(() -> {
                        show(tab);
                        if (tab.equals("Composer")) w.vm().composer().selectedProperty().set(1);
                        if (tab.equals("Runs")) w.view().runsView().selectAll();
                    }, 1.2);
                    shot(size[0] + "x" + size[1] + "-" + theme + "-" + tab.split(" ")[0].toLowerCase());
                }
            }
        }
        step(() -> {
            if (!w.vm().themeProperty().get().equals("light")) w.vm().toggleTheme();
            w.stage().setWidth(1600);
            w.stage().setHeight(1000);
        }, 1);
        for (Path lesson : lessons()) {
            String name = lesson.getFileName().toString().replace(".json", "");
            String tab = name.startsWith("affine") ? "Quantizer explorer" : name.startsWith("playground") ? "Playground" : "Training";
            step(() -> {
                w.view().open(lesson);
                show(tab);
            }, 1.5);
            shot("lesson-" + name);
            if (name.startsWith("states")) {
                step(() -> show("Composer"), 1.2);
                shot("lesson-" + name + "-composer");
                step(() -> w.vm().lesson().teacherModeProperty().set(true), 1.2);
                shot("teacher-mode-composer");
                step(() -> show("Training"), 1.2);
                shot("teacher-mode-training");
                step(() -> w.vm().lesson().teacherModeProperty().set(false), 0.5);
            }
        }
        step(() -> {
            show("Playground");
            w.vm().playground().start();
        }, 8);
        shot("playground-training");
        playground(3, 2);
        step(() -> {
            System.out.println("tour: screenshots written to " + dir.toAbsolutePath());
            Platform.exit();
        }, 0);
        next();
    }

    private static List<Path> lessons() {
        Path folder = Path.of("experiments", "lessons");
        if (!Files.isDirectory(folder)) return List.of();
        try (var s = Files.list(folder)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void step(Runnable r, double pause) { steps.add(new Step(r, pause, null)); }

    private void waitFor(BooleanSupplier c) { steps.add(new Step(() -> { }, 0.5, c)); }

    private void shot(String name) {
        step(() -> {
            try {
                w.scene().getRoot().applyCss();
                w.scene().getRoot().layout();
                PngWriter.write(w.scene().snapshot(null), dir.resolve(name + ".png"));
            } catch (IOException e) {
                System.err.println("tour: cannot write " + name + ": " + e.getMessage());
            }
        }, 0.2);
    }

    private void next() {
        Step s = steps.peek();
        if (s == null) return;
        if (s.until() != null && !s.until().getAsBoolean()) {
            later(s.pauseSeconds(), this::next);
            return;
        }
        steps.poll();
        s.action().run();
        later(s.pauseSeconds(), this::next);
    }

    private static void later(double seconds, Runnable r) {
        PauseTransition p = new PauseTransition(Duration.seconds(Math.max(0.01, seconds)));
        p.setOnFinished(e -> r.run());
        p.play();
    }
}
