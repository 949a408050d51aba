package org.maqd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What an axis shows for values: their span, padded; degenerate spans made visible; non-finite values left out. */
class AxisRangeTest {
    @Test
    void aSpanIsPaddedByAFractionOfItsWidth() {
        AxisRange r = AxisRange.of(2, 4, 0.05);
        assertEquals(1.9, r.lo(), 1e-12);
        assertEquals(4.1, r.hi(), 1e-12);
        assertEquals(new AxisRange(2, 4), AxisRange.of(2, 4, 0));
    }

    @Test
    void equalValuesGetARangeCentredOnThem() {
        for (double v : new double[] {0.93, -3, 1e6, 1e-7}) {
            AxisRange r = AxisRange.of(new double[] {v, v, v}, 3, 0.05);
            assertEquals(v, (r.lo() + r.hi()) / 2, Math.abs(v) * 1e-12, "centred on " + v);
            assertTrue(r.width() > 0 && r.width() >= Math.abs(v) * 0.1 - 1e-18, v + ": " + r);
        }
        AxisRange zero = AxisRange.of(0, 0, 0);
        assertEquals(new AxisRange(-0.5, 0.5), zero, "a constant 0 gets a unit range");
    }

    @Test
    void onePointIsInTheMiddle() {
        AxisRange r = AxisRange.of(new double[] {7}, 1, 0);
        assertTrue(r.lo() < 7 && r.hi() > 7);
        assertEquals(0.5, (7 - r.lo()) / r.width(), 1e-12);
    }

    @Test
    void nanAndInfinityAreLeftOut() {
        double[] v = {Double.NaN, 1, Double.POSITIVE_INFINITY, 3, Double.NEGATIVE_INFINITY};
        assertEquals(new AxisRange(1, 3), AxisRange.of(v, v.length, 0));
        AxisRange one = AxisRange.of(new double[] {Double.NaN, 5, Double.NaN}, 3, 0);
        assertEquals(5, (one.lo() + one.hi()) / 2, 1e-12, "one finite value among NaNs is one point");
        assertTrue(one.width() > 0);
    }

    @Test
    void noFiniteValueGivesTheUnitRange() {
        assertEquals(AxisRange.EMPTY, AxisRange.of(new double[] {Double.NaN, Double.POSITIVE_INFINITY}, 2, 0.05));
        assertEquals(AxisRange.EMPTY, AxisRange.of(new double[0], 0, 0.05));
        assertEquals(AxisRange.EMPTY, AxisRange.of(Double.NaN, 1, 0));
        assertTrue(new AxisRange.Extent().isEmpty());
    }

    /** The report's charts take their ranges from it: a one-point chart has its point inside, off the edges. */
    @Test
    void aReportChartOfOnePointDrawsItInside() {
        Chart c = new Chart("t", "epoch", "accuracy", null, null,
                java.util.List.of(new Chart.Series("run", new double[] {1}, new double[] {0.93}, null, null)));
        double[] b = c.bounds();
        assertTrue(b[0] < 1 && b[1] > 1 && b[2] < 0.93 && b[3] > 0.93, java.util.Arrays.toString(b));
        String svg = SvgChart.line(c);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<circle cx=\"([\\d.]+)\" cy=\"([\\d.]+)\"").matcher(svg);
        assertTrue(m.find(), "the point has its marker");
        double x = Double.parseDouble(m.group(1)), y = Double.parseDouble(m.group(2));
        assertTrue(x > SvgChart.L + 3 && x < SvgChart.W - SvgChart.R_LINE - 3, "x " + x);
        assertTrue(y > SvgChart.T + 3 && y < SvgChart.H - SvgChart.B - 3, "y " + y);
    }
}
