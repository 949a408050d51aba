package org.maqd.ui.chart;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Text drawn on the bar charts stays readable: notes above the bars (the explorer's error note and the training view's
 * levels note covered them) and the end bars' labels inside the chart (they were cut off).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class QuantizerPlotUiTest {
    @Start
    void start(Stage stage) { }

    /** The explorer's layer chart of 3-state weights (a Gaussian histogram) with its error note. */
    private static QuantizerPlotCanvas gaussianWithNote() {
        QuantizerPlotCanvas c = new QuantizerPlotCanvas();
        float[] bins = new float[60];
        for (int i = 0; i < bins.length; i++) bins[i] = (float) (400 * Math.exp(-Math.pow((i - 30) / 12.0, 2)));
        c.setData(bins, -3, 3);
        c.setQuantizer(new double[] {-3, 3}, new double[] {-1.2, 1.2}, new double[] {-1.224, 0, 1.224}, null, "MaQD levels",
                null, null);
        c.setNote("MaQD: MSE 0.132, SQNR 8.8 dB, 37 % → 0 or flipped");
        c.setXLabel("standardized weight Ŵ");
        return c;
    }

    @Test
    void theErrorNoteSitsAboveTheTallestBar() {
        QuantizerPlotCanvas c = gaussianWithNote();
        for (double h : new double[] {160, 260}) {
            c.resize(700, h);
            c.svg();
            double[] g = c.barsTopAndNoteBottom();
            assertTrue(g[1] > 0 && g[1] <= g[0], "height " + h + ": note box ends at " + g[1] + ", bars start at " + g[0]);
        }
    }

    /**
     * A chart too short to give the note room above the bars (the explorer's layer data at 1000×700) leaves the note out
     * instead of drawing it over the bars and the staircase.
     */
    @Test
    void aChartTooShortForTheNoteLeavesItOutRatherThanCoverTheBars() {
        QuantizerPlotCanvas c = gaussianWithNote();
        for (double h : new double[] {90, 110, 130, 150}) {
            c.resize(700, h);
            c.svg();
            double[] g = c.barsTopAndNoteBottom();
            assertTrue(g[1] == 0 || g[1] <= g[0], "height " + h + ": note box ends at " + g[1] + ", bars start at " + g[0]);
        }
    }

    /**
     * In a narrow plot the legend wraps onto a second row; the note (at a fixed 24 px from the top) covered that row
     * ("MaQD levels" in the affine view at 1000×700) and the first bracket's label ("min-max").
     */
    @Test
    void theNoteSitsUnderAWrappedLegendAndTheBracketsUnderTheNote() {
        QuantizerPlotCanvas c = new QuantizerPlotCanvas();
        float[] bins = new float[60];
        for (int i = 0; i < bins.length; i++) bins[i] = (float) (400 * Math.exp(-Math.pow((i - 30) / 12.0, 2)));
        c.setData(bins, -3, 3);
        c.setQuantizer(new double[] {-3, 3}, new double[] {-1.2, 1.2}, new double[] {-2.1, 0, 2.1}, null, "affine levels",
                new double[] {-1.224, 0, 1.224}, "MaQD levels");
        c.setRanges(-2.1, 2.1, java.util.List.of(new QuantizerPlotCanvas.Bracket("min-max", -2.1, 2.1, -1),
                new QuantizerPlotCanvas.Bracket("MSE-optimal", -1.2, 1.2, 3)));
        c.setNote("affine: MSE 0.458, SQNR 3.4 dB, 65 % → 0 or flipped · MaQD: MSE 0.131, SQNR 8.8 dB, 36 % → 0 or flipped");
        c.setXLabel("standardized weight Ŵ");
        for (double w : new double[] {380, 700}) {
            c.resize(w, 420);
            String svg = c.svg();
            // text baselines: the legend's last entry, the note's two lines, the first bracket's label
            double legend = baseline(svg, "MaQD levels"), note1 = baseline(svg, "affine: MSE"), note2 = baseline(svg, "MaQD: MSE"),
                    bracket = baseline(svg, "min-max");
            assertTrue(note1 - legend >= 14, "width " + w + ": note's first line at " + note1 + ", legend row at " + legend);
            assertTrue(bracket - note2 >= 14, "width " + w + ": first bracket label at " + bracket + ", note's last line at " + note2);
        }
    }

    private static double baseline(String svg, String textStart) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<text x=\"[^\"]*\" y=\"([^\"]*)\"[^>]*>"
                + java.util.regex.Pattern.quote(textStart)).matcher(svg);
        assertTrue(m.find(), "no text " + textStart + " in\n" + svg);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void theTooDenseLevelsNoteSitsAboveTheTallestBar() {
        HistogramCanvas c = new HistogramCanvas();
        float[] bins = new float[60];
        for (int i = 0; i < bins.length; i++) bins[i] = (float) (400 * Math.exp(-Math.pow((i - 30) / 12.0, 2)));
        double[] levels = new double[256];
        for (int i = 0; i < levels.length; i++) levels[i] = -4 + 8.0 * i / 255;
        c.setData(bins, -4, 4, levels, -4, 4);
        c.resize(340, 170);
        c.svg();
        double[] g = c.barsTopAndNoteBottom();
        assertTrue(g[1] > 0 && g[1] <= g[0], "note box ends at " + g[1] + ", bars start at " + g[0]);
    }

    @Test
    void theEndBarsLabelsStayInsideTheChart() {
        String first = "-127.5…-120.5";
        double c = BarsCanvas.labelCentre(30, first, 460);
        assertTrue(c - first.length() * 3.2 >= 0, "starts inside: centre " + c);
        double e = BarsCanvas.labelCentre(455, "120.5…127.5", 460);
        assertTrue(e + "120.5…127.5".length() * 3.2 <= 460, "ends inside: centre " + e);
        assertTrue(BarsCanvas.labelCentre(200, "0.5…7.5", 460) == 200, "a label with room stays under its bar");
    }

    /**
     * The error note's box stays inside the plot area and holds its lines: its width was 5.8 px a character, narrower
     * than the text, so the right-aligned lines ran out of the box; a plot narrower than the note leaves it out.
     */
    @Test
    void theNoteBoxHoldsItsLinesInsideThePlotArea() {
        QuantizerPlotCanvas c = gaussianWithNote();
        c.setNote("affine: MSE 0.611, SQNR 2.1 dB, 82 % → 0 or flipped · MaQD: MSE 0.171, SQNR 7.6 dB, 43 % → 0 or flipped");
        for (double w : new double[] {974, 700, 380, 300, 200}) {
            c.resize(w, 420);
            String svg = c.svg();
            NoteBox box = NoteBox.of(svg);
            if (w >= 380) assertTrue(box != null, "width " + w + ": the note fits, it is drawn\n" + svg);
            if (box == null) continue;
            String problem = box.problem(c.pixelOf(-3), c.pixelOf(3));
            assertTrue(problem == null, "width " + w + ": " + problem);
        }
    }
}
