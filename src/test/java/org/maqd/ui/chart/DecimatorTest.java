package org.maqd.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DecimatorTest {
    @Test
    void keepsTheMinAndMaxOfEveryColumnSoSpikesSurvive() {
        int n = 100_000;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = Math.sin(i * 0.001);
        }
        y[54_321] = 50;
        y[12_345] = -50;
        double[] mm = Decimator.minMax(x, y, n, 0, n - 1, 200);
        double max = Double.NEGATIVE_INFINITY, min = Double.POSITIVE_INFINITY;
        for (int c = 0; c < 200; c++) {
            assertTrue(mm[2 * c] <= mm[2 * c + 1]);
            min = Math.min(min, mm[2 * c]);
            max = Math.max(max, mm[2 * c + 1]);
        }
        assertEquals(50, max);
        assertEquals(-50, min);
    }

    @Test
    void emptyColumnsAreNaNAndNonFiniteValuesAreSkipped() {
        double[] mm = Decimator.minMax(new double[]{0, 10}, new double[]{1, Double.NaN}, 2, 0, 10, 11);
        assertEquals(1, mm[0]);
        assertTrue(Double.isNaN(mm[2]));
        assertTrue(Double.isNaN(mm[21]));
    }

    @Test
    void ticksAndLabels() {
        assertEquals(0.5, Decimator.tickStep(3, 6), 1e-12);
        assertEquals(20, Decimator.tickStep(100, 5), 1e-12);
        assertEquals("0.50", Decimator.label(0.5, 0.25));
        assertEquals("0.0", Decimator.label(-1e-17, 0.1));
        assertEquals("1500", Decimator.label(1500, 500));
    }

    /** Neighbouring tick labels differ, however small the step (a flip-rate axis showed "0.001" at four ticks). */
    @Test
    void tickLabelsOfSmallStepsAreDistinct() {
        for (double[] r : new double[][] {{0.00092, 0.00108}, {0.0009, 0.0021}, {1.2e-6, 1.9e-6}, {0.5, 0.5004}, {-3e-5, 2e-5}}) {
            double step = Decimator.tickStep(r[1] - r[0], 5);
            String prev = null;
            for (double t = Math.ceil(r[0] / step) * step; t <= r[1] + 1e-9 * step; t += step) {
                String l = Decimator.label(t, step);
                assertTrue(prev == null || !prev.equals(l), "step " + step + ": " + prev + " then " + l);
                // one format per axis: as many decimals in every label (1.0e-06 beside 2.00e-06 read unevenly)
                assertTrue(prev == null || decimals(prev) == decimals(l), "step " + step + ": " + prev + " then " + l);
                prev = l;
            }
        }
        assertEquals("0.25", Decimator.label(0.25, 0.05));
        assertEquals("0.0000012", Decimator.label(1.2e-6, 1e-7));
        assertEquals("0.0", Decimator.label(-1e-12, 0.1), "no -0");
    }

    private static int decimals(String label) {
        int dot = label.indexOf('.');
        return dot < 0 ? 0 : label.length() - dot - 1;
    }
}
