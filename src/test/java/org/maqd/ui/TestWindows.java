package org.maqd.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.maqd.experiment.ExperimentIO;
import org.maqd.ui.engine.Engine;
import org.maqd.ui.vm.RecentFiles;
import org.maqd.ui.vm.Templates;
import org.testfx.api.FxRobot;

/** Workbench windows as the UI tests open them: the standard engine, runs under {@code dir}, no recent files. */
public final class TestWindows {
    private TestWindows() {}

    /** A window on no file with the quickstart loaded as an unsaved document. */
    public static WorkbenchApp.Window quickstartLoaded(Stage stage, Path dir) throws Exception {
        WorkbenchApp.Window w = WorkbenchApp.open(stage, Engine.standard(), dir.resolve("none.json"), dir.resolve("runs"),
                new RecentFiles(null), new TestPrompts());
        w.vm().document().load(Templates.quickstart(), null);
        return w;
    }

    /** Waits until the canvas has swapped its placeholder column for the layered layout (the layout library loaded). */
    public static void laidOut(WorkbenchApp.Window w) throws Exception {
        org.testfx.util.WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
                () -> w.vm().canvas().laidOutProperty().get());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    /** A window on a fresh copy of the quickstart saved under {@code dir}. */
    public static WorkbenchApp.Window quickstartFile(Stage stage, Path dir) throws Exception {
        Path file = dir.resolve("quickstart-" + System.nanoTime() + ".json");
        Files.writeString(file, ExperimentIO.toJson(Templates.quickstart()));
        return onFile(stage, file, dir);
    }

    /** A window on {@code file}, runs under {@code dir}; its opening size is kept for {@link #restoreOpenedSize}. */
    public static WorkbenchApp.Window onFile(Stage stage, Path file, Path dir) throws Exception {
        WorkbenchApp.Window w = WorkbenchApp.open(stage, Engine.standard(), file, dir.resolve("runs"), new RecentFiles(null),
                new TestPrompts());
        stage.getProperties().put(OPENED_SIZE, new double[] {stage.getWidth(), stage.getHeight()});
        return w;
    }

    private static final String OPENED_SIZE = "test.openedSize";

    /** Back to the size the window opened at ({@link #onFile}): after a test that resized it. */
    public static void restoreOpenedSize(FxRobot robot, WorkbenchApp.Window w) {
        double[] size = (double[]) w.stage().getProperties().get(OPENED_SIZE);
        restoreSize(robot, w, size[0], size[1]);
    }

    /**
     * Back to a size the window had. Monocle's headless painter keeps the pixel buffer of the smallest size a scene
     * had and fails to paint it larger, so the scene leaves the window while it grows (a new peer paints it).
     */
    /**
     * The Quantizer explorer's affine panel over layer 0 of {@code feed}, as a user gets there: the tab, the overlay
     * check box, the Affine choice. Its numbers may still be computing.
     */
    public static org.maqd.ui.vm.AffineViewModel affineOverlay(FxRobot robot, WorkbenchApp.Window w, org.maqd.ui.vm.LiveFeed feed) {
        robot.clickOn("Quantizer explorer");
        robot.interact(() -> {
            w.vm().training().feedProperty().set(feed);
            w.vm().training().selectedLayerProperty().set(0);
        });
        robot.clickOn(robot.lookup((javafx.scene.control.CheckBox c) -> c.getText().startsWith("Overlay"))
                .queryAs(javafx.scene.control.CheckBox.class));
        robot.clickOn(robot.lookup((javafx.scene.control.RadioButton r) -> r.getText().startsWith("Affine"))
                .queryAs(javafx.scene.control.RadioButton.class));
        return w.vm().quantizer().affine();
    }

    public static void restoreSize(FxRobot robot, WorkbenchApp.Window w, double width, double height) {
        robot.interact(() -> {
            Scene s = w.stage().getScene();
            w.stage().setScene(null);
            w.stage().setWidth(width);
            w.stage().setHeight(height);
            w.stage().setScene(s);
        });
    }
}
