package org.maqd.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.model.LayerSpec;
import org.maqd.ui.engine.Engine;
import org.maqd.ui.vm.RecentFiles;
import org.maqd.ui.vm.Templates;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the composer canvas as a user would: drop on a wire, wire ports, a refused wire's reason, undo, zoom and fit. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CanvasUiTest {
    @TempDir static Path dir;
    private WorkbenchApp.Window w;

    @Start
    void start(Stage stage) throws Exception {
        w = WorkbenchApp.open(stage, Engine.standard(), dir.resolve("none.json"), dir.resolve("runs"), new RecentFiles(null),
                new TestPrompts());
        w.vm().document().load(Templates.quickstart(), null);
    }

    private void laidOut() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> w.vm().canvas().laidOutProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> types() {
        return w.vm().document().get().network().layers().stream().map(LayerSpec::type).toList();
    }

    private static Point2D center(Node n) {
        Bounds b = n.localToScreen(n.getBoundsInLocal());
        return new Point2D(b.getCenterX(), b.getCenterY());
    }

    @Test
    void dropALayerFromThePaletteOntoAWireThenUndo(FxRobot robot) throws Exception {
        laidOut();
        Group wire = robot.lookup("#wire-1-2").queryAs(Group.class);
        robot.drag("#palette-dropout").dropTo(center(wire.getChildren().get(0)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("flatten", "linear", "dropout", "linear", "output"), types(), "inserted on the wire 1 → 2");
        assertTrue(robot.lookup("#layer-2").query().getStyleClass().contains("selected"));
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertEquals(List.of("flatten", "linear", "linear", "output"), types());
    }

    @Test
    void anImpossibleWireShowsItsReasonAtThePortAndChangesNothing(FxRobot robot) throws Exception {
        laidOut();
        var before = w.vm().document().get();
        robot.drag("#out-2", MouseButton.PRIMARY).moveTo("#in-1");
        Label reason = robot.lookup("#port-reason").queryAs(Label.class);
        assertTrue(reason.isVisible() && reason.getText().contains("cycle"), reason.getText());
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, w.vm().document().get());
        assertTrue(w.vm().composer().messageProperty().get().contains("cycle"), w.vm().composer().messageProperty().get());
        assertTrue(robot.lookup("#port-reason").tryQuery().isEmpty(), "the reason goes when the drag ends");
    }

    @Test
    void zoomButtonsWheelAndFitKeepTheNetworkInView(FxRobot robot) throws Exception {
        laidOut();
        var viewport = w.vm().canvas().viewport();
        double z0 = viewport.zoom();
        robot.clickOn("#zoomInButton");
        assertEquals(z0 * 1.25, viewport.zoom(), 1e-9);
        robot.moveTo("#layer-1").scroll(3, javafx.geometry.VerticalDirection.DOWN);
        assertTrue(viewport.zoom() != z0 * 1.25, "the wheel zooms");
        Node canvas = robot.lookup("#composerViewport").query();
        Bounds port = canvas.localToScreen(canvas.getLayoutBounds());
        robot.drag(new Point2D(port.getMinX() + 8, port.getMinY() + 8), MouseButton.PRIMARY).moveBy(3000, 0).drop();
        assertTrue(!port.contains(center(robot.lookup("#layer-1").query())), "panned away");
        robot.clickOn("#fitButton");
        for (int i = 0; i < types().size(); i++) {
            Bounds b = robot.lookup("#layer-" + i).query().localToScreen(robot.lookup("#layer-" + i).query().getLayoutBounds());
            assertTrue(port.contains(b.getMinX(), b.getMinY()) && port.contains(b.getMaxX() - 1, b.getMaxY() - 1), "layer " + i + " in view after Fit");
        }
    }
}
