package org.maqd.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.experiment.ExperimentIO;
import org.maqd.model.LayerSpec;
import org.maqd.ui.vm.LayerField;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The canvas cards show the network as it is now: an edit that changes a card's text without moving it, and a
 * newly opened network of the same shape, redraw them (they kept the old text when the layout's boxes came out
 * equal).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CanvasCardsUiTest {
    @TempDir static Path dir;
    private WorkbenchApp.Window w;

    @Start
    void start(Stage stage) throws Exception {
        w = TestWindows.quickstartLoaded(stage, dir);
    }

    private void laidOut() throws Exception { TestWindows.laidOut(w); }

    /** The text of every label on layer {@code i}'s card. */
    private String card(FxRobot robot, int i) {
        Node card = robot.lookup("#layer-" + i).query();
        StringBuilder s = new StringBuilder();
        for (Node n : ((javafx.scene.Parent) card).getChildrenUnmodifiable()) {
            if (n instanceof Label l) s.append(l.getText()).append('\n');
        }
        return s.toString();
    }

    private int firstHiddenLinear() {
        List<LayerSpec> layers = w.vm().document().get().network().layers();
        for (int i = 0; i < layers.size(); i++) if (layers.get(i).type().equals("linear")) return i;
        throw new AssertionError("the quickstart has a linear layer");
    }

    @Test
    void theQuickstartsCardsShowTheirWholeText(FxRobot robot) throws Exception {
        laidOut();
        int n = w.vm().document().get().network().layers().size();
        for (int i = 0; i < n; i++) {
            for (Node c : ((javafx.scene.Parent) robot.lookup("#layer-" + i).query()).getChildrenUnmodifiable()) {
                if (c instanceof Label l && !l.isWrapText())
                    assertTrue(l.prefWidth(-1) <= l.getWidth() + 1, "layer " + i + ": '" + l.getText() + "' cut to " + l.getWidth() + " px");
            }
        }
    }

    @Test
    void editingUnitsStatesAndNormRedrawsTheCard(FxRobot robot) throws Exception {
        laidOut();
        int i = firstHiddenLinear();
        assertTrue(card(robot, i).contains("linear 256"), card(robot, i));
        robot.interact(() -> w.vm().composer().setField(i, LayerField.UNITS, "64"));
        WaitForAsyncUtils.waitForFxEvents();
        String c = card(robot, i);
        assertTrue(c.contains("linear 64") && c.contains("→ [64]") && !c.contains("linear 256"), c);
        robot.interact(() -> w.vm().composer().setField(i, LayerField.WEIGHT_STATES, "5"));
        robot.interact(() -> w.vm().composer().setField(i, LayerField.NORM, "bn"));
        WaitForAsyncUtils.waitForFxEvents();
        c = card(robot, i);
        assertTrue(c.contains("W 5 ·") && c.contains("· bn") && !c.contains("lbn"), c);
    }

    @Test
    void addingLayersKeepsTheWholeNetworkInViewUntilTheUserZooms(FxRobot robot) throws Exception {
        laidOut();
        int i = firstHiddenLinear();
        robot.interact(() -> {
            w.vm().composer().insert(i + 1, "linear");
            w.vm().composer().insert(i + 1, "linear");
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node port = robot.lookup("#composerViewport").query();
        javafx.geometry.Bounds view = port.localToScene(port.getLayoutBounds());
        int n = w.vm().document().get().network().layers().size();
        for (int k = 0; k < n; k++) {
            Node card = robot.lookup("#layer-" + k).query();
            javafx.geometry.Bounds b = card.localToScene(card.getLayoutBounds());
            assertTrue(view.contains(b.getCenterX(), b.getMaxY() - 1), "layer " + k + " " + b + " outside the view " + view);
        }
    }

    @Test
    void movingACardDoesNotRezoomTheView(FxRobot robot) throws Exception {
        laidOut();
        var c = w.vm().canvas();
        double zoom = c.viewport().zoomProperty().get(), panX = c.viewport().panXProperty().get();
        var b = c.boxes().get("3");
        robot.interact(() -> c.place(java.util.Map.of("3", new double[] {b.x() + 900, b.y() + 600})));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(c.boxes().get("3").x() > b.x() + 800, "the card moved");
        assertTrue(zoom == c.viewport().zoomProperty().get() && panX == c.viewport().panXProperty().get(),
                "the view stays where it was: zoom " + zoom + " → " + c.viewport().zoomProperty().get());
    }

    @Test
    void openingANetworkOfTheSameShapeRedrawsEveryCard(FxRobot robot) throws Exception {
        laidOut();
        int i = firstHiddenLinear();
        assertTrue(card(robot, i).contains("lbn"), card(robot, i));
        Path bn = Path.of("experiments/quickstart-bn.json");
        robot.interact(() -> w.vm().document().load(ExperimentIO.read(bn), bn));
        WaitForAsyncUtils.waitForFxEvents();
        String c = card(robot, i);
        assertTrue(c.contains("bn") && !c.contains("lbn"), c);
    }
}
