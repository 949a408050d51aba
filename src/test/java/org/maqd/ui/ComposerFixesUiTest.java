package org.maqd.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.model.LayerSpec;
import org.maqd.ui.vm.LayerField;
import org.maqd.ui.vm.Templates;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue-12 regressions in the composer: the bulk edit of hidden layers and the composer at the minimum window size. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ComposerFixesUiTest {
    @TempDir static Path dir;
    private WorkbenchApp.Window w;

    @Start
    void start(Stage stage) throws Exception {
        w = TestWindows.quickstartLoaded(stage, dir);
    }

    private void laidOut() throws Exception { TestWindows.laidOut(w); }

    @Test
    void bulkEditSwitchingToNormOffersNormsAndAppliesThePickedOne(FxRobot robot) throws Exception {
        robot.interact(() -> {
            var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            w.stage().setWidth(Math.min(1400, screen.getWidth()));
            w.stage().setHeight(Math.min(900, screen.getHeight()));
        });
        laidOut();
        @SuppressWarnings("unchecked") ComboBox<LayerField> field = robot.lookup("#bulkField").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked") ComboBox<String> value = robot.lookup("#bulkValue").queryAs(ComboBox.class);
        robot.interact(() -> field.setValue(LayerField.NORM));
        String shown = value.isEditable() ? value.getEditor().getText() : value.getValue();
        assertNotEquals("3", shown, "the old weight-states value stays in the box");
        assertTrue(shown == null || shown.isEmpty() || LayerField.NORM.choices.contains(shown), shown);
        robot.clickOn(value);
        assertTrue(value.isShowing(), "the value list opens: " + value.localToScene(value.getLayoutBounds()) + " items " + value.getItems());
        robot.clickOn("bn");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("bn", value.isEditable() ? value.getEditor().getText() : value.getValue());
        Node apply = robot.lookup("#bulkButton").query();
        robot.interact(() -> { // as a user would: scroll the palette down to Apply when the window is short
            for (Node n = apply; n != null; n = n.getParent()) {
                if (n instanceof javafx.scene.control.ScrollPane sp) { sp.setVvalue(sp.getVmax()); break; }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(apply);
        assertEquals("", w.vm().composer().messageProperty().get());
        for (LayerSpec l : w.vm().document().get().network().layers()) {
            if (l.isBlock()) assertEquals("bn", l.norm(), l.type());
        }
    }

    @Test
    void atTheMinimumWindowSizeEveryNodeOfTheCnnIsVisible(FxRobot robot) throws Exception {
        laidOut();
        robot.interact(() -> {
            w.vm().composer().applyTemplate("LeNet-style CNN");
            w.stage().setWidth(w.stage().getMinWidth());
            w.stage().setHeight(w.stage().getMinHeight());
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node viewport = robot.lookup("#composerViewport").query();
        Bounds port = viewport.localToScene(viewport.getLayoutBounds());
        int n = w.vm().document().get().network().layers().size();
        for (int i = 0; i < n; i++) {
            Node node = robot.lookup("#layer-" + i).query();
            Bounds b = node.localToScene(node.getLayoutBounds());
            assertTrue(port.contains(b.getMinX(), b.getMinY()) && port.contains(b.getMaxX() - 1, b.getMaxY() - 1),
                    "layer " + i + " at " + b + " is cut off by the composer view " + port);
        }
    }

    @Test
    void theTemplateBoxNamesTheOpenNetwork(FxRobot robot) {
        @SuppressWarnings("unchecked") ComboBox<String> box = robot.lookup("#templateBox").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked") ComboBox<Integer> depth = robot.lookup("#depthBox").queryAs(ComboBox.class);
        assertEquals("MLP", box.getValue(), "the quickstart is an MLP");
        var q = Templates.quickstart();
        robot.interact(() -> w.vm().document().load(q.withNetwork(Templates.network(Templates.RESNET, 8)), null));
        assertEquals(Templates.RESNET, box.getValue(), "a ResNet-8 document");
        assertEquals(8, depth.getValue());
        robot.interact(() -> w.vm().document().load(q.withNetwork(Templates.network("LeNet-style CNN")), null));
        assertEquals("LeNet-style CNN", box.getValue());
        robot.interact(() -> w.vm().composer().insert(1, "dropout"));
        assertEquals(org.maqd.ui.vm.TemplateMatch.CUSTOM, box.getValue(), "a CNN with a dropout is none of the templates");
        assertEquals(org.maqd.ui.vm.TemplateMatch.CUSTOM, robot.from(box).lookup(".list-cell").match(n -> n.getParent() == box)
                .queryAs(javafx.scene.control.ListCell.class).getText(), "and the box shows it (its button cell went blank)");
        assertTrue(robot.lookup("#templateButton").query().isDisabled(), "nothing to apply under Custom");
        robot.interact(() -> box.setValue("MLP"));
        robot.clickOn("#templateButton");
        assertEquals("MLP", box.getValue());
        assertEquals(4, w.vm().document().get().network().layers().size());
    }

    @Test
    void theComposerShowsTheTrainingMemoryAtTheBatchSize(FxRobot robot) {
        javafx.scene.control.Label memory = robot.lookup("#memoryLabel").queryAs(javafx.scene.control.Label.class);
        assertTrue(memory.getText().contains("at batch size 64"), memory.getText());
        String before = memory.getText();
        robot.interact(() -> w.vm().document().edit("batch", e -> e.withTraining(e.training().withBatchSize(256))));
        assertTrue(memory.getText().contains("at batch size 256"), memory.getText());
        assertNotEquals(before.replace("64", "256"), memory.getText(), "the figure follows the batch size");
    }

    /** A lesson that locks the network: the template button and the palette are disabled, not refused after a click. */
    @Test
    void aLockedLayerListDisablesTheTemplateButtonAndThePalette(FxRobot robot) throws Exception {
        laidOut();
        javafx.scene.control.Button use = robot.lookup("#templateButton").queryAs(javafx.scene.control.Button.class);
        Node palette = robot.lookup("#palette").query();
        robot.interact(() -> robot.lookup("#templateBox").queryAs(ComboBox.class).getSelectionModel().select(Templates.RESNET));
        assertTrue(!use.isDisabled() && !palette.isDisabled(), "an unlocked network: both usable");
        robot.interact(() -> w.vm().document().load(Templates.quickstart().withLocks(java.util.List.of("network")), null));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#templateBox").queryAs(ComboBox.class).getSelectionModel().select(Templates.RESNET));
        assertTrue(use.isDisabled(), "Use this template would only say the layer list is locked");
        assertTrue(palette.isDisabled(), "so would every palette button");
        robot.interact(() -> w.vm().document().load(Templates.quickstart(), null));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!palette.isDisabled(), "the next document is not locked");
    }
}
