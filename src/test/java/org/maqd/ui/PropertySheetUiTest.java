package org.maqd.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.ui.engine.Engine;
import org.maqd.ui.vm.LessonViewModel;
import org.maqd.ui.vm.RecentFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * With a lesson's text beside the work, the property panel is narrow: its rows stay compact (a name above its
 * field and hint) instead of wrapping "locked by the experiment" into a column a few pixels wide, rows hundreds of
 * pixels apart and every field cut at the right edge.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PropertySheetUiTest {
    @TempDir static Path dir;
    private WorkbenchApp.Window w;

    @Start
    void start(Stage stage) throws Exception {
        Path lessons = Path.of("experiments", "lessons"), copy = Files.createDirectories(dir.resolve("lesson"));
        Path lesson = copy.resolve("lbn-vs-bn.json");
        Files.copy(lessons.resolve("lbn-vs-bn.json"), lesson, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(lessons.resolve("lbn-vs-bn.lesson.md"), LessonViewModel.textFile(lesson), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        w = WorkbenchApp.open(stage, Engine.standard(), lesson, dir.resolve("runs"), new RecentFiles(null), new TestPrompts());
    }

    private static Bounds scene(Node n) { return n.localToScene(n.getLayoutBounds()); }

    /** The window at its default size (or the screen's), the composer showing the lesson's hidden layer 2. */
    private void showLayer2(FxRobot robot) {
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        TestWindows.restoreSize(robot, w, Math.min(1400, screen.getWidth()), Math.min(900, screen.getHeight()));
        robot.clickOn("Composer");
        robot.interact(() -> w.vm().composer().selectedProperty().set(2));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void lockedFieldsBesideALessonStayInCompactRowsInsideThePanel(FxRobot robot) {
        showLayer2(robot);
        assertTrue(robot.lookup("#lessonPane").query().isVisible());
        Node units = robot.lookup("#field-units").query(), states = robot.lookup("#field-weightStates").query();
        Node sheet = units.getParent();
        Bounds u = scene(units), s = scene(states), panel = scene(sheet.getParent());
        assertTrue(s.getMinY() - u.getMinY() < 70, "rows " + (s.getMinY() - u.getMinY()) + " px apart");
        assertTrue(u.getMaxX() <= panel.getMaxX() + 0.5, "field " + u + " cut by the panel " + panel);
        for (Node hint : robot.lookup(".locked").queryAll()) {
            if (hint instanceof javafx.scene.control.Label l && l.getText().contains("locked"))
                assertTrue(l.getHeight() < 2 * l.getFont().getSize() + 6, "hint '" + l.getText() + "' " + l.getHeight() + " px tall");
        }
    }

    @Test
    void aFieldBeingTypedInKeepsItsFocusAndTextWhenThePanelWidens(FxRobot robot) {
        showLayer2(robot);
        javafx.scene.control.TextField clip = robot.lookup("#field-weightClip").queryAs(javafx.scene.control.TextField.class);
        Label name = robot.lookup((Label l) -> "Weight clip s".equals(l.getText())).queryAs(Label.class);
        assertTrue(scene(name).getMaxY() <= scene(clip).getMinY() + 1, "stacked beside the lesson: the name above its field");
        robot.clickOn(clip).write("1.5");
        javafx.scene.Node n = clip;
        while (!(n instanceof javafx.scene.control.SplitPane sp && sp.getOrientation() == javafx.geometry.Orientation.HORIZONTAL))
            n = n.getParent();
        javafx.scene.control.SplitPane columns = (javafx.scene.control.SplitPane) n;
        robot.interact(() -> columns.setDividerPositions(0.1, 0.25));   // the user drags the panel wide
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TextField now = robot.lookup("#field-weightClip").queryAs(javafx.scene.control.TextField.class);
        assertTrue(Math.abs(scene(name).getCenterY() - scene(now).getCenterY()) < 6, "side by side now");
        assertTrue(now == clip && now.isFocused() && "1.5".equals(now.getText()), "the same field, focused, with its text: "
                + now.getText() + " focused " + now.isFocused());
    }

    /** A choice field goes back to the network's default as an emptied text field does (once set, a norm stayed the layer's). */
    @Test
    void aChoiceFieldCanGoBackToTheNetworkDefault(FxRobot robot) {
        showLayer2(robot);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> norm = robot.lookup("#field-norm").queryAs(javafx.scene.control.ComboBox.class);
        assertTrue(norm.getItems().contains("network default"), norm.getItems().toString());
        robot.interact(() -> norm.setValue("bn"));
        WaitForAsyncUtils.waitForFxEvents();
        org.junit.jupiter.api.Assertions.assertEquals("bn", w.vm().composer().layer(2).norm());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> again = robot.lookup("#field-norm").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> again.setValue("network default"));
        WaitForAsyncUtils.waitForFxEvents();
        org.junit.jupiter.api.Assertions.assertNull(w.vm().composer().layer(2).norm(), "the layer takes the network's norm again");
    }
}
