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
 * A combo box emptied after a value was chosen shows its prompt again (the Training view's layer box went blank after
 * File → New, where it said "(after Train)" before the first run).
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
        robot.interact(() -> {
            box.getItems().addListener((javafx.collections.ListChangeListener<String>) c -> box.getSelectionModel().select(1));
            box.getItems().clear();   // what File → New does to the layer names
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> shown[2] = shownText());
        assertEquals("(after Train)", shown[0]);
        assertEquals("2:linear", shown[1]);
        assertEquals("(after Train)", shown[2], "the emptied box went blank");
    }

    /** The text the box shows (its button cell's). */
    private String shownText() {
        return ((javafx.scene.control.ListCell<?>) ((javafx.scene.control.skin.ComboBoxListViewSkin<?>) box.getSkin()).getDisplayNode()).getText();
    }
}
