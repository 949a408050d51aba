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

    /**
     * A short loss chart (no room above the data for three entries on two rows) puts its legend in the empty top-right
     * corner: with only top-left and bottom-right to choose from, it lay over the first steps' falling curve.
     */
    @Test
    void aShortLossChartPutsItsLegendInTheEmptyTopRightCorner() {
        int n = 250;
        double[] xs = new double[n], loss = new double[n], ex = {125, 250}, epoch = {0.45, 0.3};
        for (int i = 0; i < n; i++) {
            xs[i] = i + 1;
            loss[i] = 0.3 + 2.0 * Math.exp(-i / 12.0);
        }
        LineChartCanvas c = new LineChartCanvas();
        c.setXLabel("step");
        c.setSeries(List.of(LineChartCanvas.Series.of("train (mean of 2 batches)", xs, loss, 0),
                LineChartCanvas.Series.of("train (epoch)", ex, epoch, 2), LineChartCanvas.Series.of("test", ex, epoch, 3)));
        c.resize(300, 110);
        c.svg();
        double[] plot = c.plotArea(), legend = c.legendArea();
        assertTrue(atTop(c), "the legend at the top, away from the curves' ends");
        assertTrue(legend[0] + legend[2] / 2 > plot[0] + plot[2] / 2, "the legend on the right, off the first steps' curve: " + java.util.Arrays.toString(legend));
    }

    /**
     * A short chart gives its legend room above the data only while the data keeps most of the height: the explorer's
     * staircase (−3…3) in a short chart was squeezed into a band at the bottom of a −3…10 axis.
     */
    @Test
    void aShortChartDoesNotSqueezeItsDataToMakeRoomForTheLegend() {
        double[] z = new double[61], identity = new double[61], q = new double[61];
        for (int i = 0; i < z.length; i++) {
            z[i] = -3 + i * 0.1;
            identity[i] = z[i];
            q[i] = Math.max(-1.224, Math.min(1.224, 1.224 * Math.rint(z[i] / 1.224)));
        }
        for (double h : new double[] {90, 110, 140, 200, 320}) {
            LineChartCanvas c = new LineChartCanvas();
            c.setXLabel("input z");
            c.setSeries(List.of(LineChartCanvas.Series.of("identity", z, identity, 0), LineChartCanvas.Series.of("Q(z)", z, q, 1)));
            c.resize(600, h);
            c.svg();
            double[] y = c.yRangeDrawn();
            assertTrue(6 / (y[1] - y[0]) >= 0.5, "height " + h + ": the data spans " + 6 / (y[1] - y[0]) + " of the axis " + y[0] + "…" + y[1]);
        }
    }

    /**
     * The Runs tab's overlay (legend below the plot) of many runs with long labels: at most three legend lines, the
     * rest counted as "+N more", and every legend text, measured in the chart's font, ends inside the plot's width.
     */
    @Test
    void theOverlayLegendWrapsToThreeLinesAndEndsInsideThePlot() {
        LineChartCanvas c = new LineChartCanvas();
        c.setLegendBelow(true);
        c.setXLabel("epoch");
        java.util.List<LineChartCanvas.Series> series = new java.util.ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < 24; i++) {
            String name = "#" + (i + 1) + (i == 0 ? " network=graph, 14 nodes  norm=lbn  weightStates=3  activationStates=2  lr=0.001"
                    : " norm=lbn  WS=" + (i + 2));
            names.add(name);
            series.add(LineChartCanvas.Series.of(name, new double[] {1, 2, 3}, new double[] {0.5, 0.6 + i / 100.0, 0.7}, i));
        }
        c.setSeries(series);
        c.resize(420, 300);
        String svg = c.svg();
        double[] plot = c.plotArea();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<text x=\"([-\\d.]+)\" y=\"([-\\d.]+)\"[^>]*text-anchor=\"start\"[^>]*>([^<]*)</text>").matcher(svg);
        java.util.Set<String> lines = new java.util.HashSet<>();
        boolean more = false, cut = false;
        int shown = 0;
        while (m.find()) {
            String text = m.group(3).replace("&amp;", "&");
            boolean isMore = text.matches("\\+\\d+ more");
            boolean isName = names.contains(text) || text.endsWith("…");
            if (!isMore && !isName) continue;
            more |= isMore;
            cut |= text.endsWith("…");
            if (isName) shown++;
            lines.add(m.group(2));
            javafx.scene.text.Text t = new javafx.scene.text.Text(text);
            t.setFont(ChartCanvas.SMALL);
            double right = Double.parseDouble(m.group(1)) + t.getLayoutBounds().getWidth();
            assertTrue(right <= plot[0] + plot[2], "'" + text + "' ends at " + right + ", past the plot's right edge " + (plot[0] + plot[2]));
        }
        assertTrue(lines.size() <= 3, "at most three legend lines: " + lines.size());
        assertTrue(more, "the runs left over are counted");
        assertTrue(cut, "the long label is cut with an ellipsis");
        assertTrue(shown >= 3 && shown < 24, "shown " + shown);
    }
}
