package org.maqd.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A line chart's edges: a lone point is drawn whole inside the plot; the last x tick label ends inside the chart. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LineChartEdgesUiTest {
    @Start
    void start(Stage stage) { }

    /** The markers (ellipses) the chart draws, as {cx, cy, rx}. */
    static List<double[]> markers(String svg) {
        List<double[]> out = new ArrayList<>();
        Matcher m = Pattern.compile("<ellipse cx=\"([-\\d.]+)\" cy=\"([-\\d.]+)\" rx=\"([\\d.]+)\"").matcher(svg);
        while (m.find()) out.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))});
        return out;
    }

    static void assertWholeInside(double[] marker, double[] plot) {
        double x = marker[0], y = marker[1], r = marker[2];
        assertTrue(x - r >= plot[0] && x + r <= plot[0] + plot[2] && y - r >= plot[1] && y + r <= plot[1] + plot[3],
                "marker at (" + x + ", " + y + ") inside the plot " + java.util.Arrays.toString(plot));
    }

    @Test
    void aOnePointSeriesIsAWholeMarkerInsideThePlot() {
        for (boolean steps : new boolean[] {false, true}) {
            LineChartCanvas c = new LineChartCanvas();
            c.setXLabel("epoch");
            c.setSeries(List.of(new LineChartCanvas.Series("run", new double[] {1}, new double[] {0.93}, 1, 0, steps)));
            String svg = c.svg();
            List<double[]> m = markers(svg);
            assertEquals(1, m.size(), (steps ? "a step series" : "a line series") + " of one point draws one marker");
            assertTrue(m.get(0)[2] >= 2, "visible");
            assertWholeInside(m.get(0), c.plotArea());
        }
    }

    @Test
    void aPointBetweenGapsOfALongSeriesGetsItsMarker() {
        int n = 100;
        double[] xs = new double[n], ys = new double[n];
        for (int i = 0; i < n; i++) { xs[i] = i; ys[i] = i < 50 ? i / 100.0 : Double.NaN; }
        ys[80] = 0.2;   // alone between NaNs: no line reaches it
        LineChartCanvas c = new LineChartCanvas();
        c.setSeries(List.of(LineChartCanvas.Series.of("loss", xs, ys, 0)));
        List<double[]> m = markers(c.svg());
        assertEquals(1, m.size(), "only the lone point (a series over 40 points has no markers)");
        assertWholeInside(m.get(0), c.plotArea());
    }

    /** A run of one epoch beside a run of five: its point lies on the plot's left edge and still shows whole. */
    @Test
    void aPointOnThePlotsEdgeIsNotCutByItsClip() {
        LineChartCanvas c = new LineChartCanvas();
        c.setXLabel("epoch");
        c.setSeries(List.of(
                LineChartCanvas.Series.of("#1 five epochs", new double[] {1, 2, 3, 4, 5}, new double[] {0.90, 0.93, 0.945, 0.944, 0.945}, 0),
                LineChartCanvas.Series.of("#2 one epoch", new double[] {1}, new double[] {0.82}, 1)));
        c.resize(600, 300);
        String svg = c.svg();
        Matcher m = Pattern.compile("<ellipse cx=\"([-\\d.]+)\" cy=\"([-\\d.]+)\" rx=\"([\\d.]+)\"").matcher(svg);
        int checked = 0;
        while (m.find()) {
            double x = Double.parseDouble(m.group(1)), y = Double.parseDouble(m.group(2)), r = Double.parseDouble(m.group(3));
            int clipAt = svg.lastIndexOf("<clipPath", m.start());
            assertTrue(clipAt >= 0, "markers are drawn under a clip");
            Matcher d = Pattern.compile("<path d=\"M([-\\d.]+) ([-\\d.]+) h([-\\d.]+) v([-\\d.]+)").matcher(svg.substring(clipAt));
            assertTrue(d.find(), "the clip is a rectangle");
            double cx = Double.parseDouble(d.group(1)), cy = Double.parseDouble(d.group(2));
            double cw = Double.parseDouble(d.group(3)), ch = Double.parseDouble(d.group(4));
            assertTrue(x - r >= cx - 1e-9 && x + r <= cx + cw + 1e-9 && y - r >= cy - 1e-9 && y + r <= cy + ch + 1e-9,
                    "the marker at (" + x + ", " + y + ") is cut by its clip [" + cx + ", " + (cx + cw) + "] × [" + cy + ", " + (cy + ch) + "]");
            checked++;
        }
        assertEquals(6, checked, "five markers of the first run and the one of the second");
    }

    @Test
    void theLastXTickLabelEndsInsideTheChart() {
        for (double last : new double[] {1000, 12000, 250}) {
            LineChartCanvas c = new LineChartCanvas();
            c.setXLabel("step");
            c.setSeries(List.of(LineChartCanvas.Series.of("loss", new double[] {0, last / 2, last}, new double[] {2, 1, 0.5}, 0)));
            c.resize(600, 300);
            String svg = c.svg();
            double[] plot = c.plotArea();
            Matcher m = Pattern.compile("<text x=\"([-\\d.]+)\" y=\"([-\\d.]+)\"[^>]*text-anchor=\"(middle|end)\"[^>]*>([^<]*)</text>").matcher(svg);
            double rightmost = 0;
            String label = null;
            while (m.find()) {
                if (Double.parseDouble(m.group(2)) < plot[1] + plot[3]) continue;   // not under the plot: a y label
                javafx.scene.text.Text t = new javafx.scene.text.Text(m.group(4));
                t.setFont(ChartCanvas.SMALL);
                double w = t.getLayoutBounds().getWidth(), x = Double.parseDouble(m.group(1));
                double right = m.group(3).equals("end") ? x : x + w / 2;
                if (right > rightmost) { rightmost = right; label = m.group(4); }
            }
            assertTrue(label != null, "x tick labels drawn");
            assertTrue(rightmost <= 600, "the label '" + label + "' ends at " + rightmost + ", past the chart's right edge (600)");
        }
    }

    /** A batch axis counts batches like epochs and steps: the explorer's clip-range chart ticked 1.2, 1.4, … for two batches. */
    @Test
    void aBatchAxisHasWholeNumberTicks() {
        LineChartCanvas c = new LineChartCanvas();
        c.setXLabel("batch (oldest first)");
        c.setSeries(List.of(LineChartCanvas.Series.of("dynamic β", new double[] {1, 2}, new double[] {2.5, 3.1}, 0)));
        c.resize(600, 300);
        String svg = c.svg();
        double[] plot = c.plotArea();
        Matcher m = Pattern.compile("<text x=\"([-\\d.]+)\" y=\"([-\\d.]+)\"[^>]*>([^<]*)</text>").matcher(svg);
        int ticks = 0;
        while (m.find()) {
            if (Double.parseDouble(m.group(2)) < plot[1] + plot[3] || !m.group(3).matches("[-\\d.]+")) continue;
            ticks++;
            assertTrue(m.group(3).matches("-?\\d+"), "x tick '" + m.group(3) + "' between two batches");
        }
        assertTrue(ticks >= 2, "x ticks drawn: " + ticks);
    }
}
