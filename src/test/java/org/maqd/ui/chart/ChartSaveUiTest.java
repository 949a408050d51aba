package org.maqd.ui.chart;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.MenuButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A chart's Save menu is offered only while the chart shows data (on an empty chart it saved a blank image). */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ChartSaveUiTest {
    @Start
    void start(Stage stage) { }

    @Test
    void saveIsDisabledWhileTheChartIsEmpty(FxRobot robot) {
        boolean[] disabled = new boolean[3];
        robot.interact(() -> {
            LineChartCanvas c = new LineChartCanvas();
            ChartPane pane = new ChartPane("Loss", "help", c);
            MenuButton save = (MenuButton) pane.lookupAll(".menu-button").stream().filter(n -> n instanceof MenuButton
                    && "Save".equals(((MenuButton) n).getText())).findFirst().orElseThrow();
            c.resize(300, 150);
            disabled[0] = save.isDisabled();
            c.setSeries(List.of(LineChartCanvas.Series.of("loss", new double[] {1, 2, 3}, new double[] {2, 1, 0.5}, 0)));
            disabled[1] = save.isDisabled();
            c.setSeries(List.of());
            disabled[2] = save.isDisabled();
        });
        assertTrue(disabled[0], "no data yet: Save disabled");
        assertFalse(disabled[1], "with data: Save enabled");
        assertTrue(disabled[2], "data cleared (a new document): Save disabled again");
    }
}
