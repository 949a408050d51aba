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
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The quantization-error heatmap's colour scale: equal values (41.0 dB everywhere) were coloured half dark blue, half
 * bright yellow under a bar reading 41.0 at both ends. NaN cells (no such quantizer) stay grid-coloured.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class HeatmapScaleUiTest {
    private static final double W = 400, H = 200, BAR_X = W - 54 + 10;
    private static final Pattern RECT = Pattern.compile("<rect x=\"([-0-9.]+)\" y=\"[-0-9.]+\" width=\"[-0-9.]+\" height=\"[-0-9.]+\" fill=\"(#[0-9a-f]{6})\"");
    private static final Pattern TEXT = Pattern.compile("<text x=\"([-0-9.]+)\"[^>]*>([^<]*)</text>");

    @Start
    void start(Stage stage) { }

    private static String svg(FxRobot robot, double[][] v) {
        String[] out = new String[1];
        robot.interact(() -> {
            HeatmapCanvas h = new HeatmapCanvas();
            h.setWidth(W);
            h.setHeight(H);
            h.setData(v, new String[] {"1:conv", "2:linear"}, new double[] {10, 20, 30}, "dB");
            out[0] = h.svg();
        });
        return out[0];
    }

    /** The fills of the cells (left of the colour bar, right of the row labels) or of the bar's pieces. */
    private static List<String> fills(String svg, boolean bar) {
        List<String> f = new ArrayList<>();
        Matcher m = RECT.matcher(svg);
        while (m.find()) {
            double x = Double.parseDouble(m.group(1));
            if (bar ? x == BAR_X : x >= 70 && x < BAR_X - 10) f.add(m.group(2));
        }
        return f;
    }

    /** The texts right of the colour bar. */
    private static List<String> barLabels(String svg) {
        List<String> t = new ArrayList<>();
        Matcher m = TEXT.matcher(svg);
        while (m.find()) if (Double.parseDouble(m.group(1)) > BAR_X) t.add(m.group(2));
        return t;
    }

    @Test
    void equalValuesHaveOneColourTheScalesMiddleAndTheBarShowsTheValueOnce(FxRobot robot) {
        String middle = SvgPainter.hex(HeatmapCanvas.color(0.5));
        String grid = SvgPainter.hex(ChartStyle.LIGHT.grid());
        // equal up to float noise (what the user saw: half yellow, half blue), and one NaN cell
        String svg = svg(robot, new double[][] {{41.0, 41.0000001, 41.0}, {41.0000001, 41.0, Double.NaN}});
        List<String> cells = fills(svg, false);
        assertEquals(6, cells.size(), svg);
        assertEquals(List.of(middle, middle, middle, middle, middle, grid), cells, "one colour, the NaN cell stays grid-coloured");
        assertTrue(fills(svg, true).stream().allMatch(middle::equals), "the bar is the cells' one colour: " + fills(svg, true));
        assertEquals(List.of("41"), barLabels(svg), "the single value, once");

        String exact = svg(robot, new double[][] {{41, 41, 41}, {41, 41, 41}});
        assertTrue(fills(exact, false).stream().allMatch(middle::equals), "exactly equal: the middle, not the worst end");
    }

    @Test
    void aNarrowRangeKeepsItsScaleAndItsEndsReadDifferently(FxRobot robot) {
        String svg = svg(robot, new double[][] {{40.96, 41.0, 41.03}, {41.01, 40.99, 41.02}});
        List<String> cells = fills(svg, false);
        assertEquals(SvgPainter.hex(HeatmapCanvas.color(0)), cells.get(0));
        assertEquals(SvgPainter.hex(HeatmapCanvas.color(1)), cells.get(2));
        assertEquals(50, fills(svg, true).size(), "the full ramp");
        assertEquals(List.of("41.03", "40.96"), barLabels(svg), "not 41.0 at both ends");
    }
}
