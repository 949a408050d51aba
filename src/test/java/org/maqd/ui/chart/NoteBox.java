package org.maqd.ui.chart;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maqd.report.LegendLayout;

/**
 * The explorer plot's error note as drawn in its SVG: the background box just before its right-aligned lines (the first
 * starting with "affine:" or "MaQD:"), and the widest of those lines.
 */
public record NoteBox(double x, double y, double width, double height, double textRight, double widestLine) {
    private static final Pattern BOX = Pattern.compile("<rect x=\"([-0-9.]+)\" y=\"([-0-9.]+)\" width=\"([-0-9.]+)\" height=\"([-0-9.]+)\" fill=\"#[0-9a-f]{6}\" fill-opacity=\"0.85\"/>\n"
            + "((?:<text x=\"[-0-9.]+\"[^>]*text-anchor=\"end\"[^>]*>[^<]*</text>\n)+)");
    private static final Pattern LINE = Pattern.compile("<text x=\"([-0-9.]+)\"[^>]*>([^<]*)</text>");

    /** The note in {@code svg}, or null when the chart left it out. */
    public static NoteBox of(String svg) {
        Matcher m = BOX.matcher(svg);
        while (m.find()) if (m.group(5).contains(">affine: ") || m.group(5).contains(">MaQD: ")) return of(m);
        return null;
    }

    private static NoteBox of(Matcher m) {
        double right = 0, widest = 0;
        Matcher l = LINE.matcher(m.group(5));
        while (l.find()) {
            right = Math.max(right, Double.parseDouble(l.group(1)));
            widest = Math.max(widest, LegendLayout.textWidth(l.group(2).replace("&amp;", "&"), ChartCanvas.SMALL.getSize()));
        }
        return new NoteBox(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(4)), right, widest);
    }

    /** The plot area's left and right edge: its frame, the first unfilled rectangle drawn. */
    public static double[] plotArea(String svg) {
        Matcher m = Pattern.compile("<rect x=\"([-0-9.]+)\" y=\"[-0-9.]+\" width=\"([-0-9.]+)\" height=\"[-0-9.]+\" fill=\"none\"").matcher(svg);
        if (!m.find()) throw new AssertionError("no plot frame in\n" + svg);
        double x = Double.parseDouble(m.group(1)) - 0.5;
        return new double[] {x, x + Double.parseDouble(m.group(2))};
    }

    /** Why the box is not inside the plot area [left, right] or does not hold its lines, or null when it is and does. */
    public String problem(double left, double right) {
        if (x < left || x + width > right) return "box " + x + "…" + (x + width) + " outside the plot area " + left + "…" + right;
        if (textRight > x + width) return "text ends at " + textRight + ", past the box's right edge " + (x + width);
        if (textRight - widestLine < x) return "a line " + widestLine + " wide, right-aligned at " + textRight + ", starts left of the box at " + x;
        return null;
    }
}
