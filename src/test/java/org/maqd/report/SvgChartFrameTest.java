package org.maqd.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A line chart's frame encloses its data: the last epoch's marker is inside the frame, not beyond its right side. */
class SvgChartFrameTest {
    @Test
    void everyMarkerIsInsideTheFrame() {
        Chart c = new Chart("Test accuracy", "epoch", "test accuracy", null, null, List.of(
                new Chart.Series("#1 five epochs", new double[] {1, 2, 3, 4, 5}, new double[] {0.90, 0.93, 0.945, 0.944, 0.945}, null, null),
                new Chart.Series("#2 one epoch", new double[] {1}, new double[] {0.82}, null, null)));
        String svg = SvgChart.line(c);
        Matcher frame = Pattern.compile("<rect x=\"(\\d+)\" y=\"(\\d+)\" width=\"(\\d+)\" height=\"(\\d+)\" fill=\"none\"").matcher(svg);
        assertTrue(frame.find(), svg);
        double x0 = Double.parseDouble(frame.group(1)), y0 = Double.parseDouble(frame.group(2));
        double x1 = x0 + Double.parseDouble(frame.group(3)), y1 = y0 + Double.parseDouble(frame.group(4));
        Matcher m = Pattern.compile("<circle cx=\"([\\d.]+)\" cy=\"([\\d.]+)\"").matcher(svg);
        int n = 0;
        for (; m.find(); n++) {
            double x = Double.parseDouble(m.group(1)), y = Double.parseDouble(m.group(2));
            assertTrue(x >= x0 && x <= x1 && y >= y0 && y <= y1,
                    "marker (" + x + ", " + y + ") outside the frame [" + x0 + ", " + x1 + "] × [" + y0 + ", " + y1 + "]");
        }
        assertTrue(n == 6, "six markers, got " + n);
    }
}
