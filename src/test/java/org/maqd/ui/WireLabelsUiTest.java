package org.maqd.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.ui.vm.Templates;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The shape labels of the composer's wires stay readable where a node feeds several others (a residual block). */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WireLabelsUiTest {
    @TempDir static Path dir;
    private WorkbenchApp.Window w;

    @Start
    void start(Stage stage) throws Exception {
        w = TestWindows.quickstartLoaded(stage, dir);
    }

    @Test
    void noTwoWireLabelsOfTheResNetOverlap(FxRobot robot) throws Exception {
        TestWindows.laidOut(w);
        robot.interact(() -> w.vm().composer().applyTemplate(Templates.RESNET));
        WaitForAsyncUtils.waitForFxEvents();
        TestWindows.laidOut(w);
        List<Node> labels = new ArrayList<>(robot.lookup(".wire-label").queryAll());
        assertTrue(labels.size() >= 10, "the ResNet's wires are labelled: " + labels.size());
        for (int i = 0; i < labels.size(); i++) {
            Bounds a = labels.get(i).localToScene(labels.get(i).getBoundsInLocal());
            for (int j = i + 1; j < labels.size(); j++) {
                Bounds b = labels.get(j).localToScene(labels.get(j).getBoundsInLocal());
                assertTrue(!a.intersects(b), "two wire labels drawn over each other: " + labels.get(i).getParent().getId()
                        + " and " + labels.get(j).getParent().getId() + " at " + a);
            }
        }
    }
}
