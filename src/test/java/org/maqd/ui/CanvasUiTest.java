package org.maqd.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
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
import org.maqd.experiment.ExperimentIO;
import org.maqd.model.LayerSpec;
import org.maqd.ui.vm.LayerField;
import org.maqd.ui.vm.Templates;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the composer canvas as a user would: drop on a wire, wire ports, a refused wire's reason, undo, zoom and fit.
 * The palette drags (platform drag and drop) run first: under Monocle a drag and drop started after a plain mouse drag
 * in the same window loses its drop target.
 */
@Tag("ui")
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
@ExtendWith(ApplicationExtension.class)
class CanvasUiTest {
    @TempDir static Path dir;
    private WorkbenchApp.Window w;

    @Start
    void start(Stage stage) throws Exception {
        w = TestWindows.quickstartLoaded(stage, dir);
    }

    private void laidOut() throws Exception { TestWindows.laidOut(w); }

    private List<String> types() {
        return w.vm().document().get().network().layers().stream().map(LayerSpec::type).toList();
    }

    private static Point2D center(Node n) {
        Bounds b = n.localToScreen(n.getBoundsInLocal());
        return new Point2D(b.getCenterX(), b.getCenterY());
    }

    @Test
    @org.junit.jupiter.api.Order(1)
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

    private org.maqd.model.NetworkSpec net() { return w.vm().document().get().network(); }

    @Test
    @org.junit.jupiter.api.Order(2)
    void connectingTwoPortsMakesABranchAndAShapeMismatchIsRefusedAtThePort(FxRobot robot) throws Exception {
        laidOut();
        Group wire = robot.lookup("#wire-2-3").queryAs(Group.class);
        robot.drag("#palette-add").dropTo(center(wire.getChildren().get(0)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("flatten", "linear", "linear", "add", "output"), types());
        // flatten's [784] cannot join the add's [256]: refused, the reason at the port while dragging
        var before = w.vm().document().get();
        robot.drag("#out-0", MouseButton.PRIMARY).moveTo("#in-3");
        Label reason = robot.lookup("#port-reason").queryAs(Label.class);
        assertTrue(reason.isVisible() && reason.getText().contains("[256] and [784] differ"), reason.getText());
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, w.vm().document().get());
        // the first linear's [256] fits: the wire is made and the chain becomes a graph
        robot.drag("#out-1", MouseButton.PRIMARY).moveTo("#in-3");
        assertTrue(robot.lookup("#port-reason").tryQuery().isEmpty(), "no reason for a wire that fits");
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(net().isGraph(), "a branch turns the chain into nodes");
        assertEquals(List.of("linear_2", "linear"), net().nodes().get(3).inputs());
        assertTrue(robot.lookup("#wire-1-3").tryQuery().isPresent(), "the new wire is drawn");
        assertEquals("[256]", w.vm().composer().graph().layerNode(3).shape());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!net().isGraph() && robot.lookup("#wire-1-3").tryQuery().isEmpty(), "undo takes the wire back");
    }

    @Test
    void aWireIsSelectedByClickAndDeletedThenANodeIsMovedAndKeepsItsPlace(FxRobot robot) throws Exception {
        laidOut();
        Group wire = robot.lookup("#wire-1-2").queryAs(Group.class);
        robot.clickOn(center(wire.getChildren().get(0)));
        assertTrue(wire.getStyleClass().contains("selected") || robot.lookup("#wire-1-2").query().getStyleClass().contains("selected"));
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(net().isGraph() && net().nodes().get(2).inputs().isEmpty(), "the wire is gone");
        assertTrue(robot.lookup("#layer-2").query().getStyleClass().contains("unfinished"), "the unwired node says so");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        moveNode(robot);
    }

    private void moveNode(FxRobot robot) {
        Node card = robot.lookup("#layer-3").query();
        double x0 = w.vm().canvas().boxes().get("3").x();
        robot.drag(card, MouseButton.PRIMARY).moveBy(60, 0).moveBy(60, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        var pos = net().layers().get(3).pos();
        assertTrue(pos != null && pos.get(0) > x0 + 40, "the place is kept in the experiment: " + pos);
        assertEquals(pos.get(0), w.vm().canvas().boxes().get("3").x(), 1e-9);
    }

    @Test
    void theResnetTemplateFromTheWindowIsAGraphThatFitsTheView(FxRobot robot) throws Exception {
        laidOut();
        robot.interact(() -> {
            robot.lookup("#templateBox").queryComboBox().getSelectionModel().select(Templates.RESNET);
            robot.lookup("#depthBox").<Integer>queryComboBox().getSelectionModel().select(Integer.valueOf(20));
        });
        robot.clickOn("#templateButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(net().isGraph());
        assertEquals(org.maqd.model.NetworkTemplates.resnet(List.of(1, 28, 28), 10, 20, 16, false), net());
        laidOut();
        Node canvas = robot.lookup("#composerViewport").query();
        Bounds port = canvas.localToScreen(canvas.getLayoutBounds());
        for (int i = 0; i < net().nodes().size(); i++) {
            Node n = robot.lookup("#layer-" + i).query();
            Bounds b = n.localToScreen(n.getLayoutBounds());
            assertTrue(port.contains(b.getMinX(), b.getMinY()) && port.contains(b.getMaxX() - 1, b.getMaxY() - 1),
                    "node " + net().nodes().get(i).id() + " at " + b + " is cut off by " + port);
        }
    }

    // the cards show the network as it is now: an edit that changes a card's text without moving it, and a newly
    // opened network of the same shape, redraw them (they kept the old text when the layout's boxes came out equal)

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
