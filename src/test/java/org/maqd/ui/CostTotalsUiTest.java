package org.maqd.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Composer's cost line wraps inside the window. A float network's line ("… · not integer-only: layer 1 (linear)
 * has float weights (weightStates 0)") was one label wider than the window: the cost panel grew past the window's
 * right edge, the text ran under the lesson pane, and the palette column widened.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CostTotalsUiTest {
    @TempDir static Path dir;
    private WorkbenchApp.Window w;

    @Start
    void start(Stage stage) throws Exception {
        Path file = dir.resolve("mlp-fp32.json");
        Files.copy(Path.of("experiments/mlp-fp32.json"), file);
        w = TestWindows.onFile(stage, file, dir);
    }

    @AfterEach
    void restoreSize(FxRobot robot) {
        TestWindows.restoreOpenedSize(robot, w);
    }

    @Test
    void theCostLineOfAFloatNetworkStaysInsideTheWindowAt900x600(FxRobot robot) {
        robot.interact(() -> {
            w.stage().setWidth(900);
            w.stage().setHeight(600);
        });
        robot.interact(() -> w.scene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> w.scene().getRoot().layout());
        List<String> outside = new ArrayList<>();
        boolean[] floatLine = {false};
        robot.interact(() -> {
            double sceneWidth = w.scene().getWidth();
            Node panel = robot.lookup(".cost-panel").query();
            Bounds p = panel.localToScene(panel.getLayoutBounds());
            if (p.getMaxX() > sceneWidth + 0.5) outside.add("cost panel ends at " + p.getMaxX() + " in a " + sceneWidth + " px scene");
            for (Node n : panel.lookupAll(".cost-totals")) {
                Label l = (Label) n;
                if (l.getText().contains("not integer-only")) floatLine[0] = true;
                Bounds b = l.localToScene(l.getLayoutBounds());
                if (!l.getText().isEmpty() && b.getMaxX() > sceneWidth + 0.5) outside.add("'" + l.getText() + "' ends at " + b.getMaxX());
            }
        });
        assertTrue(floatLine[0], "the cost line says the float network is not integer-only");
        assertTrue(outside.isEmpty(), "cost line outside the 900 px window: " + outside);
    }
}
