package org.maqd.ui.view;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.maqd.train.RunInfo;
import org.maqd.train.StepMetrics;
import org.maqd.ui.chart.ChartStyle;
import org.maqd.ui.chart.LineChartCanvas;
import org.maqd.ui.vm.LiveFeed;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** How the live charts draw a run: at batch size 4 the per-batch curve must not cover the epoch and test curves. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TrainingChartsUiTest {
    @Start
    void start(Stage stage) { stage.show(); }

    @Test
    void atBatchSize4ThePerBatchAccuracyIsARunningMeanNotAWall(FxRobot robot) {
        LiveFeed f = new LiveFeed();
        f.onStart(new RunInfo("b4", 1, 0, 400, 4, 1600, 100, 1, List.of("1:linear")));
        for (int s = 1; s <= 400; s++) f.onStep(new StepMetrics(s, 1, s, 400, 1, (s * 7 % 5) / 4.0, 1e-3, 100));
        double[] range = {Double.MAX_VALUE, -Double.MAX_VALUE};
        robot.interact(() -> {
            TrainingCharts c = new TrainingCharts(new SimpleObjectProperty<>(ChartStyle.LIGHT));
            c.update(f, 0);
            LineChartCanvas.Series batch = c.accuracy.series().get(0);
            for (int i = 100; i < batch.n(); i++) {
                range[0] = Math.min(range[0], batch.ys()[i]);
                range[1] = Math.max(range[1], batch.ys()[i]);
            }
        });
        assertTrue(range[1] - range[0] < 0.25, "per-batch accuracy spans " + range[0] + "–" + range[1]);
    }
}
