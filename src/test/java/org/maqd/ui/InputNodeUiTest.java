package org.maqd.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The input node is edited where layers are: selecting it shows its shape in the property sheet, double-clicking it
 * puts the caret there, and a shape typed there is the network's input (a toy data set's "2" included).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class InputNodeUiTest {
    @TempDir static Path dir;
    private WorkbenchApp.Window w;

    @Start
    void start(Stage stage) throws Exception {
        w = TestWindows.quickstartLoaded(stage, dir);
    }

    private List<Integer> input() { return w.vm().document().get().network().input(); }

    @Test
    void selectingTheInputNodeShowsItsShapeFieldAndDoubleClickEditsIt(FxRobot robot) throws Exception {
        TestWindows.laidOut(w);
        robot.clickOn("Composer");
        robot.clickOn("#input-node");
        TextField field = robot.lookup("#field-input").queryAs(TextField.class);
        assertEquals("1, 28, 28", field.getText());
        assertTrue(robot.lookup((Label l) -> "Select a layer to edit it.".equals(l.getText())).tryQuery().isEmpty());

        robot.clickOn("#layer-1");
        assertTrue(robot.lookup("#field-input").tryQuery().isEmpty(), "a layer selected: its fields, not the input's");

        robot.doubleClickOn("#input-node", MouseButton.PRIMARY);
        TextField focused = robot.lookup("#field-input").queryAs(TextField.class);
        assertTrue(focused.isFocused(), "double-click puts the caret in the input shape field");
        robot.write("1, 28").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(1, 28, 28), input(), "bad text changes nothing");
        assertEquals("1, 28, 28", robot.lookup("#field-input").queryAs(TextField.class).getText(), "the field shows the shape again");
        assertTrue(w.vm().composer().messageProperty().get().startsWith("Input shape: expected"), w.vm().composer().messageProperty().get());

        robot.doubleClickOn("#input-node", MouseButton.PRIMARY).write("2").type(KeyCode.ENTER);   // the text is selected: typing replaces it
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(2, 1, 1), input());
        assertEquals("2, 1, 1", robot.lookup("#field-input").queryAs(TextField.class).getText());
        assertTrue(robot.lookup((Label l) -> "input [2, 1, 1]".equals(l.getText())).tryQuery().isPresent(), "the node shows it");
    }
}
