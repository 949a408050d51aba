package org.maqd.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    private static org.maqd.train.LayerProbe probe(int weightStates, double flipRate) {
        float[] hist = new float[8];
        java.util.Arrays.fill(hist, 1);
        long[] occupancy = weightStates < 2 ? new long[0] : new long[weightStates];
        java.util.Arrays.fill(occupancy, 10);
        return new org.maqd.train.LayerProbe(1, "1:linear", "lbn", weightStates, 2, 0.5, 0.5, hist, -3, 3, occupancy,
                flipRate, 0.1, 40, 0.1, 40, hist, -3, 3, new long[] {5, 5}, 0.5, 0, 0, new byte[0], new float[] {0}, new float[] {1});
    }

    /** One sample point drew an empty flip-rate plot (its only value is NaN) with nothing saying why. */
    @Test
    void theFlipRateSaysWhyItIsEmptyAtTheFirstSamplePointAndForFloatWeights(FxRobot robot) {
        LiveFeed f = new LiveFeed();
        f.onStart(new RunInfo("one", 1, 0, 10, 64, 640, 100, 1, List.of("1:linear")));
        f.onStep(new StepMetrics(1, 1, 1, 10, 1, 0.5, 1e-3, 100));
        f.onProbe(new org.maqd.train.ProbeSnapshot(1, 1, List.of(probe(3, Double.NaN)), 0, null));
        Object[] seen = new Object[6];
        robot.interact(() -> {
            TrainingCharts c = new TrainingCharts(new SimpleObjectProperty<>(ChartStyle.LIGHT));
            c.update(f, 0);
            seen[0] = c.flips.hasData();
            seen[1] = c.flips.emptyText();
            f.onProbe(new org.maqd.train.ProbeSnapshot(1, 5, List.of(probe(3, 0.02)), 0, null));
            c.update(f, 0);
            seen[2] = c.flips.hasData();
            LiveFeed floats = new LiveFeed();
            floats.onStart(new RunInfo("float", 1, 0, 10, 64, 640, 100, 1, List.of("1:linear")));
            floats.onProbe(new org.maqd.train.ProbeSnapshot(1, 1, List.of(probe(0, Double.NaN)), 0, null));
            floats.onProbe(new org.maqd.train.ProbeSnapshot(1, 5, List.of(probe(0, Double.NaN)), 0, null));
            c.update(floats, 0);
            seen[3] = c.flips.hasData();
            seen[4] = c.flips.emptyText();
            c.update(null, 0);
            seen[5] = c.flips.emptyText();
        });
        assertEquals(false, seen[0]);
        assertTrue(((String) seen[1]).contains("second sample point"), (String) seen[1]);
        assertEquals(true, seen[2]);
        assertEquals(false, seen[3]);
        assertTrue(((String) seen[4]).contains("float"), (String) seen[4]);
        assertEquals("No data yet", seen[5]);
    }

    @Test
    void twoHundredFiftySixWeightStatesAreDrawnAsAtMost32Bars(FxRobot robot) {
        LiveFeed f = new LiveFeed();
        f.onStart(new RunInfo("m256", 1, 0, 10, 64, 640, 100, 1, List.of("1:linear")));
        f.onStep(new StepMetrics(1, 1, 1, 10, 1, 0.5, 1e-3, 100));
        long[] occupancy = new long[256];
        for (int k = 0; k < 256; k++) occupancy[k] = Math.round(1000 * Math.exp(-Math.pow((k - 127.5) / 40, 2)));
        float[] hist = new float[64];
        java.util.Arrays.fill(hist, 1);
        f.onProbe(new org.maqd.train.ProbeSnapshot(1, 1, List.of(new org.maqd.train.LayerProbe(1, "1:linear", "lbn", 256, 256,
                0.02, 0.02, hist, -3, 3, occupancy, 0.01, 0.1, 40, 0.1, 40, hist, -3, 3, occupancy, Double.NaN, 0, 0,
                new byte[0], new float[] {0}, new float[] {1})), 0, null));
        String[] csv = new String[2];
        robot.interact(() -> {
            TrainingCharts c = new TrainingCharts(new SimpleObjectProperty<>(ChartStyle.LIGHT));
            c.update(f, 0);
            csv[0] = c.weightStates.csv();
            csv[1] = c.activationStates.csv();
        });
        for (String t : csv) {
            long bars = t.lines().count() - 1;
            assertTrue(bars >= 16 && bars <= 32, bars + " bars:\n" + t);
            double sum = t.lines().skip(1).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(',') + 1))).sum();
            assertTrue(Math.abs(sum - 1) < 1e-9, "every state counted once: " + sum);
        }
        assertTrue(csv[0].lines().skip(1).findFirst().orElseThrow().contains("-127.5…-120.5"), csv[0]);
    }

    @Test
    void theStateAxisHasWholePercentTicksAboveTheTallestBar(FxRobot robot) {
        String[] svg = new String[1];
        robot.interact(() -> {
            org.maqd.ui.chart.BarsCanvas b = new org.maqd.ui.chart.BarsCanvas();
            b.setData(new long[] {318, 366, 316}, new String[] {"-1", "0", "1"}, "M_w = 3");
            svg[0] = b.svg();
        });
        for (String tick : new String[] {">10%<", ">20%<", ">30%<", ">40%<"}) assertTrue(svg[0].contains(tick), tick + " in\n" + svg[0]);
        assertTrue(!svg[0].contains(">13%<") && !svg[0].contains(">38%<"), "ticks at 12.5% steps rounded");
    }

    @Test
    void theStateCaptionHidesNoBarValueAndNoValueIsCutAtTheTop(FxRobot robot) {
        String[] svg = new String[1];
        robot.interact(() -> {
            org.maqd.ui.chart.BarsCanvas b = new org.maqd.ui.chart.BarsCanvas();
            b.setWidth(280);
            b.setHeight(110);
            // the quickstart's first layer after a run: the right-hand bar reaches near the 40% axis top
            b.setData(new long[] {311, 300, 389}, new String[] {"-1", "0", "1"}, "M_w = 3");
            svg[0] = b.svg();
        });
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<text x=\"([-0-9.]+)\" y=\"([-0-9.]+)\"[^>]*font-size=\"([0-9.]+)\"[^>]*>([^<]*)</text>").matcher(svg[0]);
        double captionY = Double.NaN, size = 10;
        java.util.List<double[]> values = new java.util.ArrayList<>();
        while (m.find()) {
            double y = Double.parseDouble(m.group(2));
            size = Double.parseDouble(m.group(3));
            if (m.group(4).equals("M_w = 3")) captionY = y;
            else if (m.group(4).matches("\\d+\\.\\d%")) values.add(new double[] {y});
            assertTrue(y - size >= 0, "'" + m.group(4) + "' cut at the chart's top (baseline " + y + ")\n" + svg[0]);
        }
        assertEquals(3, values.size(), svg[0]);
        for (double[] v : values)
            assertTrue(captionY <= v[0] - size, "the caption (baseline " + captionY + ") overlaps a bar value (baseline " + v[0] + ")\n" + svg[0]);
    }

    /** A probe of one layer with {@code actStates} activation states (0: float), a 2×4 raster and a firing rate. */
    private static org.maqd.train.LayerProbe activations(int actStates, double firing) {
        float[] hist = new float[8];
        byte[] raster = actStates == 0 && Double.isNaN(firing) ? new byte[0] : new byte[] {1, 0, 1, 0, 0, 1, 1, 0};
        int rows = raster.length == 0 ? 0 : 2, cols = raster.length == 0 ? 0 : 4;
        long[] occupancy = actStates < 2 ? new long[0] : new long[] {4, 4};
        return new org.maqd.train.LayerProbe(1, "1:linear", "lbn", 3, actStates, 0.5, 0.5, hist, -3, 3, new long[] {3, 3, 3},
                0.01, 0.1, 40, 0.1, 40, hist, -3, 3, occupancy, firing, rows, cols, raster, new float[] {0}, new float[] {1});
    }

    /**
     * Float activations (ReLU): the probe still records which outputs are nonzero, and the raster drew them while its
     * own text said rasters are for quantized activations and Activation states beside it said "No data yet".
     */
    @Test
    void floatActivationsShowNoRasterAndSaySoInBothCharts(FxRobot robot) {
        Object[] seen = new Object[8];
        robot.interact(() -> {
            TrainingCharts c = new TrainingCharts(new SimpleObjectProperty<>(ChartStyle.LIGHT));
            LiveFeed f = new LiveFeed();
            f.onProbe(new org.maqd.train.ProbeSnapshot(1, 1, List.of(activations(0, 0.5)), 0, null));
            c.update(f, 0);
            seen[0] = c.raster.hasData();
            seen[1] = c.raster.emptyText();
            seen[2] = c.activationStates.emptyText();
            LiveFeed classifier = new LiveFeed();
            classifier.onProbe(new org.maqd.train.ProbeSnapshot(1, 1, List.of(activations(0, Double.NaN)), 0, null));
            c.update(classifier, 0);
            seen[3] = c.raster.emptyText();
            seen[4] = c.activationStates.emptyText();
            LiveFeed quantized = new LiveFeed();
            quantized.onProbe(new org.maqd.train.ProbeSnapshot(1, 1, List.of(activations(2, 0.5)), 0, null));
            c.update(quantized, 0);
            seen[5] = c.raster.hasData();
            seen[6] = c.activationStates.hasData();
            c.update(null, 0);
            seen[7] = c.raster.emptyText() + " / " + c.activationStates.emptyText();
        });
        assertEquals(false, seen[0], "no raster for float activations");
        assertEquals("No raster: this layer's activations are float", seen[1]);
        assertEquals("No activation states: this layer's activations are float", seen[2]);
        assertEquals("No raster: this layer has no activation quantizer", seen[3]);
        assertEquals("No activation states: this layer has no activation quantizer", seen[4]);
        assertEquals(true, seen[5], "quantized activations keep their raster");
        assertEquals(true, seen[6]);
        assertEquals("No raster yet (shown for quantized activations) / No data yet", seen[7]);
    }
}
