package org.maqd.ui.view;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Background;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.ui.WorkbenchApp;
import org.maqd.ui.TestWindows;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Text the themes draw faintly, measured as WCAG contrast ratios: the bulk edit's placeholder (at least 4.5:1, the
 * level for normal text) and the composer's wire labels (10.5 px: at least 7:1), in both themes.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ThemeContrastUiTest {
    @TempDir static Path dir;
    private WorkbenchApp.Window w;

    @Start
    void start(Stage stage) throws Exception {
        w = TestWindows.quickstartLoaded(stage, dir);
    }

    private static Color lastFill(Background b) {
        assertNotNull(b, "no background");
        javafx.scene.paint.Paint p = b.getFills().get(b.getFills().size() - 1).getFill();
        // a gradient (an editor's inner field): its last stop, where the text sits
        if (p instanceof javafx.scene.paint.LinearGradient g) return g.getStops().get(g.getStops().size() - 1).getColor();
        return (Color) p;
    }

    private void check(FxRobot robot, String theme) throws Exception {
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> w.vm().canvas().laidOutProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked") ComboBox<String> value = robot.lookup("#bulkValue").queryAs(ComboBox.class);
        TextField editor = value.getEditor();
        robot.interact(() -> editor.setText(""));
        Text prompt = robot.from(editor).lookup((Text t) -> editor.getPromptText().equals(t.getText())).query();
        double placeholder = RunsViewUiTest.contrast((Color) prompt.getFill(), lastFill(editor.getBackground()));
        assertTrue(placeholder >= 4.5, theme + ": the bulk edit placeholder has contrast " + placeholder);
        Label wire = robot.lookup(".wire-label").queryAs(Label.class);
        double label = RunsViewUiTest.contrast((Color) wire.getTextFill(), lastFill(wire.getBackground()));
        assertTrue(label >= 7, theme + ": wire labels have contrast " + label);
    }

    @Test
    void placeholderAndWireLabelsAreReadableInBothThemes(FxRobot robot) throws Exception {
        check(robot, "light");
        robot.interact(() -> w.vm().toggleTheme());
        check(robot, "dark");
    }
}
