package org.maqd.ui.chart;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A legend that cannot get room of its own goes where it hides fewer points (it covered the accuracy curve). */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LegendPlacementUiTest {
    @Start
    void start(Stage stage) { }

    /** An accuracy chart (range 0–1, bottom preferred) with its two curves between {@code lo} and {@code hi}. */
    private static LineChartCanvas accuracy(double lo, double hi) {
        LineChartCanvas c = new LineChartCanvas();
        c.setYRange(0, 1);
        c.setLegendBottom(true);
        c.setXLabel("step");
        int n = 500;
        double[] xs = new double[n], a = new double[n], b = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i;
            a[i] = lo + (hi - lo) * i / n;
            b[i] = lo + (hi - lo) * Math.sqrt((double) i / n);
        }
        c.setSeries(List.of(LineChartCanvas.Series.of("train (mean of 32 batches)", xs, a, 0),
                LineChartCanvas.Series.of("test", xs, b, 1)));
        c.svg();   // draws at 600×320 without a window
        return c;
    }

    private static boolean atTop(LineChartCanvas c) {
        double[] plot = c.plotArea(), legend = c.legendArea();
        return legend[1] + legend[3] / 2 < plot[1] + plot[3] / 2;
    }

    @Test
    void curvesThatEndLowInAFixedRangeGetTheLegendAtTheTop() {
        // a test accuracy that collapses (BN at batch 4): the bottom-right corner is where the curves end
        assertTrue(atTop(accuracy(0.3, 0.05)), "the legend over the curves' ends");
    }

    @Test
    void risingCurvesKeepTheLegendAtTheBottomRight() {
        assertFalse(atTop(accuracy(0.2, 0.95)));
    }

    @Test
    void aLineThroughTheCornerCountsEvenWithNoPointInIt() {
        // two points, far apart: the segment between them crosses the bottom-right corner, neither point is in it
        LineChartCanvas c = new LineChartCanvas();
        c.setYRange(0, 1);
        c.setLegendBottom(true);
        c.setSeries(List.of(LineChartCanvas.Series.of("test accuracy per epoch", new double[] {0, 10}, new double[] {0.9, 0.0}, 0),
                LineChartCanvas.Series.of("train", new double[] {0, 10}, new double[] {0.5, 0.5}, 1)));
        c.svg();
        assertTrue(atTop(c), "the legend leaves the falling line's end");
    }
}
