package org.maqd.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.maqd.experiment.Experiment;
import org.maqd.ui.engine.Engine;
import org.maqd.ui.view.FxPrompts;
import org.maqd.ui.view.MainView;
import org.maqd.ui.view.Prompts;
import org.maqd.ui.vm.RecentFiles;
import org.maqd.ui.vm.ShellViewModel;
import org.maqd.ui.vm.Templates;

/**
 * The JavaFX application: opens the experiment given on the command line, else experiments/quickstart.json, else
 * the built-in quickstart. Hidden options: {@code --screenshots DIR [--train]} renders every view to PNG and exits;
 * {@code --measure-canvas} prints the composer's open-to-drawn time and pan/zoom frame rate and exits;
 * {@code --tour DIR} writes every view at two sizes and both themes, the lessons and the playground; {@code --measure}
 * prints the time from Train to the first chart point and the playground's updates per second ({@link ScreenshotTour}).
 * {@code -Dmaqd.prewarm=false}: no background JIT warm-up when the window opens.
 */
public final class WorkbenchApp extends Application {

    /** The window's parts, for tests and the screenshot renderer. */
    public record Window(Stage stage, Scene scene, MainView view, ShellViewModel vm) {}

    @Override
    public void start(Stage stage) throws IOException {
        List<String> args = getParameters().getRaw();
        Path file = null;
        for (String a : args) if (!a.startsWith("--") && a.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) file = Path.of(a);
        Window w = open(stage, Engine.standard(), file, Path.of("runs"),
                new RecentFiles(Path.of(System.getProperty("user.home"), ".maqd", "recent-files.txt")), new FxPrompts(stage));
        // the first run's JIT warm-up starts now, in the background (only here: tests open windows with open() and
        // stay deterministic and fast); -Dmaqd.prewarm=false leaves it to Train, to measure what it buys
        if (!"false".equals(System.getProperty("maqd.prewarm"))) w.vm().training().prepare();
        int i = args.indexOf("--screenshots");
        if (i >= 0 && i + 1 < args.size()) new Screenshots(w, Path.of(args.get(i + 1)), args.contains("--train")).start();
        if (args.contains("--measure-canvas")) new CanvasMeasure(w, file).start();
        int t = args.indexOf("--tour");
        if (t >= 0 && t + 1 < args.size()) new ScreenshotTour(w, Path.of(args.get(t + 1))).start();
        if (args.contains("--measure")) new ScreenshotTour(w, null).measure();
    }

    /** Builds and shows the window on the given stage. */
    public static Window open(Stage stage, Engine engine, Path file, Path runsRoot, RecentFiles recent, Prompts prompts)
            throws IOException {
        TextLayoutRace.avoid();
        Experiment initial = Templates.quickstart();
        Path source = null;
        String openError = null;
        Path candidate = file != null ? file : Path.of("experiments", "quickstart.json");
        if (Files.isRegularFile(candidate)) {
            try {
                initial = engine.files().read(candidate);
                source = candidate;
            } catch (RuntimeException e) {
                openError = e.getMessage();
            }
        } else if (file != null) {
            openError = file + ": no such file";
        }
        ShellViewModel vm = new ShellViewModel(engine, initial, source, runsRoot, recent);
        FXMLLoader loader = new FXMLLoader(WorkbenchApp.class.getResource("/fxml/MainView.fxml"));
        Parent root = loader.load();
        MainView view = loader.getController();
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1400, screen.getWidth()), Math.min(900, screen.getHeight()));
        view.init(vm, stage, prompts);
        view.applyTheme(scene);
        stage.setScene(scene);
        stage.setMinWidth(Math.min(900, screen.getWidth()));
        stage.setMinHeight(Math.min(600, screen.getHeight()));
        stage.show();
        if (openError != null) {
            String msg = openError;
            javafx.application.Platform.runLater(() -> prompts.error("Cannot open the experiment", msg + "\nThe built-in quickstart is open instead."));
        }
        return new Window(stage, scene, view, vm);
    }
}
