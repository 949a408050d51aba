package org.maqd.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A combo box emptied after a value was chosen shows its prompt again, in the placeholder colour (the Training view's
 * layer box went blank after File → New in the window under Xvfb, where it said "(after Train)" before the first run;
 * the headless toolkit keeps JavaFX's own prompt, so the :prompt look is what tells the two cells apart here).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PromptCellUiTest {
    private ComboBox<String> box;

    @Start
    void start(Stage stage) {
        box = new ComboBox<>();
        box.setPromptText("(after Train)");
        PromptCell.keep(box);
        stage.setScene(new Scene(new StackPane(box), 300, 100));
        stage.show();
    }

    @Test
    void anEmptiedBoxShowsItsPromptAgain(FxRobot robot) {
        String[] shown = new String[3];
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> shown[0] = shownText());
        robot.interact(() -> {
            box.getItems().setAll("1:linear", "2:linear");
            box.getSelectionModel().select(1);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> shown[1] = shownText());
        robot.interact(() -> box.getItems().clear());   // what File → New does to the layer names
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> shown[2] = shownText());
        assertEquals("(after Train)", shown[0]);
        assertEquals("2:linear", shown[1]);
        assertEquals("(after Train)", shown[2], "the emptied box went blank");
        boolean[] prompt = new boolean[1];
        robot.interact(() -> prompt[0] = promptLook());
        org.junit.jupiter.api.Assertions.assertTrue(prompt[0], "the prompt is drawn in the placeholder colour (:prompt)");
        robot.interact(() -> box.getItems().setAll("1:linear"));
        robot.interact(() -> box.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> prompt[0] = promptLook());
        org.junit.jupiter.api.Assertions.assertFalse(prompt[0], "a chosen value is not drawn as a prompt");
    }

    /** Whether the shown cell has the {@code :prompt} look (placeholder colour in both themes). */
    private boolean promptLook() {
        javafx.scene.Node cell = ((javafx.scene.control.skin.ComboBoxListViewSkin<?>) box.getSkin()).getDisplayNode();
        return cell.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("prompt"));
    }

    /** The text the box shows (its button cell's). */
    private String shownText() {
        return ((javafx.scene.control.ListCell<?>) ((javafx.scene.control.skin.ComboBoxListViewSkin<?>) box.getSkin()).getDisplayNode()).getText();
    }
}
