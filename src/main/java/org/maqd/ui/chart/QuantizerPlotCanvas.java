package org.maqd.ui.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.text.TextAlignment;
import org.maqd.report.LegendLayout;

/**
 * A quantizer drawn over a layer's data: the histogram of the values (counts, left axis), the staircase x ↦ x̃
 * and the identity (values, right axis), the levels (solid) and a second quantizer's levels (dashed), the
 * dequantized values as bars at the levels (the share of values each level takes), clip ranges of calibration
 * methods as labelled brackets, and the clip range [α, β] as two handles that can be dragged (outside it shaded).
 */
public final class QuantizerPlotCanvas extends ChartCanvas {
    /** A labelled clip range drawn as a bracket above the histogram; color −1 is the text color. */
    public record Bracket(String label, double lo, double hi, int color) {}

    private float[] bins = new float[0];
    private double min, max;
    private double[] stairX = new double[0], stairY = new double[0];
    private double[] levels = new double[0], otherLevels = new double[0], levelShare = new double[0];
    private List<Bracket> brackets = List.of();
    private double alpha = Double.NaN, beta = Double.NaN;
    private String levelName = "levels", otherName = "", xLabel = "", note = "";
    private BiConsumer<Boolean, Double> onHandle;
    private Boolean dragging;

    public QuantizerPlotCanvas() {
        setOnMouseMoved(e -> setCursor(handleAt(e.getX()) != null ? Cursor.H_RESIZE : Cursor.DEFAULT));
        setOnMousePressed(e -> dragging = handleAt(e.getX()));
        setOnMouseDragged(e -> {
            if (dragging != null && onHandle != null) onHandle.accept(dragging, valueAt(e.getX()));
        });
        setOnMouseReleased(e -> dragging = null);
    }

    /** The histogram of the data over [min, max]. */
    public void setData(float[] bins, double min, double max) {
        this.bins = bins.clone();
        this.min = min;
        this.max = max;
    }

    /** The staircase sampled at xs; the levels, the share of values at each level, and a second set of levels. */
    public void setQuantizer(double[] xs, double[] ys, double[] levels, double[] share, String levelName,
                             double[] otherLevels, String otherName) {
        stairX = xs.clone();
        stairY = ys.clone();
        this.levels = levels.clone();
        levelShare = share == null ? new double[0] : share.clone();
        this.levelName = levelName;
        this.otherLevels = otherLevels == null ? new double[0] : otherLevels.clone();
        this.otherName = otherName == null ? "" : otherName;
    }

    /** The handles' clip range (NaN for none) and the calibration methods' ranges. */
    public void setRanges(double alpha, double beta, List<Bracket> brackets) {
        this.alpha = alpha;
        this.beta = beta;
        this.brackets = List.copyOf(brackets);
    }

    /** A line of text in the plot's top-right corner (the errors). */
    public void setNote(String note) { this.note = note == null ? "" : note; }

    private double barsTop, noteBottom;
    private double[] noteBox = new double[0];

    /** As drawn last, in chart pixels: the top of the tallest bar, and the bottom of the note's box (0 without one). */
    public double[] barsTopAndNoteBottom() { return new double[] {barsTop, noteBottom}; }

    /** The note's box {x, y, width, height} as drawn last, in chart pixels; empty when the note was left out. */
    public double[] noteBox() { return noteBox.clone(); }

    public void setXLabel(String l) { xLabel = l; }

    /** Called with (lower handle?, new value) while a handle is dragged; null makes the handles fixed. */
    public void setOnHandleMoved(BiConsumer<Boolean, Double> f) { onHandle = f; }

    /** The data value under pixel column x. */
    public double valueAt(double x) {
        Plot p = plot();
        return p.x0 + (x - p.px) / p.pw * (p.x1 - p.x0);
    }

    /** The pixel column of data value v. */
    public double pixelOf(double v) { return plot().sx(v); }

    private Boolean handleAt(double x) {
        if (onHandle == null || Double.isNaN(alpha)) return null;
        Plot p = plot();
        double da = Math.abs(p.sx(alpha) - x), db = Math.abs(p.sx(beta) - x);
        if (Math.min(da, db) > 6) return null;
        return da <= db;
    }

    private Plot plot() {
        double top = countTop();
        Plot p = Plot.labelled(getWidth(), getHeight(), min, max, 0, top);
        // room above the tallest bin for the legend row and the note's lines, so they hide no bar (and for the
        // calibration brackets under them); a chart too short for the note leaves it out (it covered the bars at
        // 1000×700), as the explorer's header line above the chart says the same
        noteShown = !note.isEmpty() && Plot.affords(room(p, true), p.ph) && widest(noteLines(p.pw)) <= p.pw - 3 * NOTE_INSET;
        double room = room(p, noteShown);
        if (Plot.affords(room, p.ph)) p = Plot.labelled(getWidth(), getHeight(), min, max, 0, Plot.raisedTop(0, top, p.ph, room));
        return p;
    }

    private boolean noteShown;

    private double room(Plot p, boolean withNote) {
        return 8 + 16 * Plot.legendRows(legendNames().toArray(String[]::new), p.pw) + (withNote ? noteLines(p.pw).size() * 14 + 6 : 0)
                + (brackets.isEmpty() ? 0 : BRACKET_TEXT + 6 + 16 * (brackets.size() - 1));
    }

    /** The count axis: the tallest bin, unless one bin (e.g. ReLU's zeros) towers over the rest. */
    private double countTop() {
        float first = 0, second = 0;
        for (float b : bins) {
            if (b > first) { second = first; first = b; } else if (b > second) second = b;
        }
        double top = first > 4 * second && second > 0 ? second * 1.6 : first;
        return top <= 0 ? 1 : top * 1.15;
    }

    @Override
    public boolean hasData() { return bins.length > 0 && max > min; }

    @Override
    protected void draw(Painter g, double w, double h, ChartStyle s) {
        Plot p = plot();
        double yTop = p.y1;
        if (!Double.isNaN(alpha)) {
            g.setFill(s.clip());
            double a = p.sx(Math.max(min, Math.min(alpha, beta))), b = p.sx(Math.min(max, Math.max(alpha, beta)));
            if (a > p.px) g.fillRect(p.px, p.py, a - p.px, p.ph);
            if (b < p.px + p.pw) g.fillRect(b, p.py, p.px + p.pw - b, p.ph);
        }
        p.axes(g, s, xLabel);
        g.save();
        g.beginPath();
        g.rect(p.px, p.py, p.pw, p.ph);
        g.clip();
        double bw = p.pw / bins.length;
        g.setFill(s.color(0).deriveColor(0, 1, 1, 0.55));
        barsTop = p.py + p.ph;
        for (int i = 0; i < bins.length; i++) {
            double y = p.sy(Math.min(bins[i], yTop));
            barsTop = Math.min(barsTop, y);
            g.fillRect(p.px + i * bw, y, Math.max(1, bw - (bw > 3 ? 1 : 0)), p.py + p.ph - y);
        }
        drawLevels(g, p, s);
        drawStairs(g, p, s);
        g.restore();
        List<String> names = legendNames();
        // the note goes under the legend (which wraps onto a second row in a narrow plot), the brackets under the note
        double[] legend = p.legendBox(names.toArray(String[]::new), Plot.Corner.TOP_LEFT);
        double legendBottom = legend[1] + legend[3], noteTop = legendBottom + 5;
        String[] lines = noteShown ? noteLines(p.pw).toArray(String[]::new) : new String[0];
        noteBottom = lines.length == 0 ? 0 : noteTop + lines.length * 14 + 4;
        drawBrackets(g, p, s, Math.max(p.py + 62, (lines.length == 0 ? legendBottom : noteBottom) + BRACKET_TEXT + 2));
        drawHandles(g, p, s);
        List<Integer> colors = new ArrayList<>(List.of(0, 1, 3));
        if (otherLevels.length > 0) colors.add(2);
        p.legend(g, s, names.toArray(String[]::new), colors.stream().mapToInt(Integer::intValue).toArray(), Plot.Corner.TOP_LEFT);
        drawNote(g, p, s, lines, noteTop + 2);
    }

    /** Height of a bracket's label above its line. */
    private static final double BRACKET_TEXT = 16;

    private List<String> legendNames() {
        List<String> names = new ArrayList<>(List.of("data", "x̃ (staircase)", levelName));
        if (otherLevels.length > 0) names.add(otherName);
        return names;
    }

    /** Gap between the note's box and the plot's right edge, and between the box's edges and its text. */
    private static final double NOTE_INSET = 4;

    /**
     * The note's lines in a plot {@code pw} wide: one per part (split at " · "), a part too wide for the box broken
     * after a comma. A piece wider than the box alone stays too wide (the note is then left out, {@link #plot()}).
     */
    private List<String> noteLines(double pw) {
        double room = pw - 3 * NOTE_INSET;
        List<String> out = new ArrayList<>();
        for (String part : note.split(" · ")) {
            String line = "";
            for (String piece : part.split(", ")) {
                String joined = line.isEmpty() ? piece : line + ", " + piece;
                if (!line.isEmpty() && width(joined) > room) {
                    out.add(line + ",");
                    line = piece;
                } else {
                    line = joined;
                }
            }
            out.add(line);
        }
        return out;
    }

    /**
     * A note line's width, measured as the legend measures its names ({@link LegendLayout#textWidth}, on the wide
     * side): 5.8 px a character was narrower than the text, so the lines ran out of their box.
     */
    private static double width(String line) { return LegendLayout.textWidth(line, SMALL.getSize()); }

    private static double widest(List<String> lines) {
        double w = 0;
        for (String l : lines) w = Math.max(w, width(l));
        return w;
    }

    /**
     * The note's parts (split at " · "), one per line, right-aligned under the legend on a background box inside the
     * plot area (a note wider than the plot is left out, {@link #plot()}).
     */
    private void drawNote(Painter g, Plot p, ChartStyle s, String[] lines, double y) {
        if (lines.length == 0) {
            noteBox = new double[0];
            return;
        }
        double wMax = widest(List.of(lines));
        double right = p.px + p.pw - NOTE_INSET, x = right - NOTE_INSET;
        noteBox = new double[] {right - wMax - 2 * NOTE_INSET, y - 2, wMax + 2 * NOTE_INSET, lines.length * 14 + 4};
        g.setFill(s.background().deriveColor(0, 1, 1, 0.85));
        g.fillRect(noteBox[0], noteBox[1], noteBox[2], noteBox[3]);
        g.setFill(s.text());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < lines.length; i++) g.fillText(lines[i], x, y + i * 14);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BASELINE);
    }

    private void drawLevels(Painter g, Plot p, ChartStyle s) {
        g.setLineWidth(1.2);
        g.setStroke(s.color(2));
        g.setLineDashes(5, 4);
        for (double l : otherLevels) if (l >= min && l <= max) g.strokeLine(p.sx(l), p.py, p.sx(l), p.py + p.ph);
        g.setLineDashes();
        g.setStroke(s.color(3));
        boolean dense = levels.length > 1 && p.sx(levels[1]) - p.sx(levels[0]) < 4;
        for (int i = 0; i < levels.length && !dense; i++) {
            double l = levels[i];
            if (l < min || l > max) continue;
            double x = p.sx(l);
            g.strokeLine(x, p.py, x, p.py + p.ph);
            if (i < levelShare.length && levelShare[i] > 0) {
                g.setFill(s.color(3).deriveColor(0, 1, 1, 0.75));
                double hh = levelShare[i] * p.ph * 0.9;
                g.fillRect(x - 3, p.py + p.ph - hh, 6, hh);
            }
        }
        if (dense) {
            g.setFill(s.muted());
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(levels.length + " levels: too dense to draw", p.px + 8, p.py + p.ph - 4);
            g.setTextBaseline(VPos.BASELINE);
        }
    }

    /** The staircase and the identity on the value axis (same range as x, scaled to the plot's height). */
    private void drawStairs(Painter g, Plot p, ChartStyle s) {
        Plot v = new Plot(p.px, p.py, p.pw, p.ph, min, max, min, max);
        g.setStroke(s.muted());
        g.setLineWidth(1);
        g.setLineDashes(2, 4);
        g.strokeLine(v.sx(min), v.sy(min), v.sx(max), v.sy(max));
        g.setLineDashes();
        if (stairX.length < 2) return;
        g.setStroke(s.color(1));
        g.setLineWidth(2);
        g.beginPath();
        g.moveTo(v.sx(stairX[0]), v.sy(stairY[0]));
        for (int i = 1; i < stairX.length; i++) g.lineTo(v.sx(stairX[i]), v.sy(stairY[i]));
        g.stroke();
    }

    private void drawBrackets(Painter g, Plot p, ChartStyle s, double first) {
        g.setLineWidth(2);
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i < brackets.size(); i++) {
            Bracket b = brackets.get(i);
            double y = first + i * 16;
            double a = clamp(p.sx(b.lo()), p), c = clamp(p.sx(b.hi()), p);
            g.setStroke(b.color() < 0 ? s.text() : s.color(b.color()));
            g.strokeLine(a, y, c, y);
            g.strokeLine(a, y - 4, a, y + 4);
            g.strokeLine(c, y - 4, c, y + 4);
            g.setFill(s.text());
            g.fillText(b.label(), (a + c) / 2, y - 2);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BASELINE);
    }

    private static double clamp(double x, Plot p) { return Math.max(p.px, Math.min(p.px + p.pw, x)); }

    private void drawHandles(Painter g, Plot p, ChartStyle s) {
        if (Double.isNaN(alpha)) return;
        g.setStroke(s.axis());
        g.setLineWidth(2);
        String[] names = {"α", "β"};
        double[] at = {alpha, beta};
        for (int i = 0; i < 2; i++) {
            double x = clamp(p.sx(at[i]), p);
            g.strokeLine(x, p.py, x, p.py + p.ph);
            g.setFill(s.axis());
            g.fillRect(x - 5, p.py + p.ph / 2 - 9, 10, 18);
            g.setFill(s.background());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(names[i], x, p.py + p.ph / 2);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BASELINE);
    }

    @Override
    public String csv() {
        StringBuilder b = new StringBuilder("kind,x,value\n");
        double step = (max - min) / Math.max(1, bins.length);
        for (int i = 0; i < bins.length; i++) b.append("bin,").append(min + (i + 0.5) * step).append(',').append(bins[i]).append('\n');
        for (int i = 0; i < levels.length; i++)
            b.append("level,").append(levels[i]).append(',').append(i < levelShare.length ? levelShare[i] : "").append('\n');
        for (double l : otherLevels) b.append("other_level,").append(l).append(",\n");
        for (Bracket r : brackets) b.append("range ").append(r.label()).append(',').append(r.lo()).append(',').append(r.hi()).append('\n');
        if (!Double.isNaN(alpha)) b.append("alpha,").append(alpha).append(",\nbeta,").append(beta).append(",\n");
        return b.toString();
    }
}
