package org.maqd.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A legend's entries laid out in lines of a given width, for the report's SVG charts and the window's charts alike:
 * entries fill a line and wrap to the next; a name too long for a line is cut with "…"; after {@link #MAX_LINES}
 * lines the entries left over are counted in a last item "+N more" (entries leave the last line until it fits).
 * Widths are estimated from the characters ({@link #textWidth}), on the wide side, so that a line drawn never runs
 * past the width it was laid out for.
 */
public record LegendLayout(List<List<Entry>> lines, int hidden, String more, double moreWidth) {
    /** The most lines a legend takes. */
    public static final int MAX_LINES = 3;

    /** One entry: the series' index, its name as shown (maybe cut) and its width with the colour mark. */
    public record Entry(int index, String text, double width) {}

    /**
     * Lays out {@code names} in lines at most {@code width} wide: each entry is {@code mark} (colour mark and gaps)
     * plus its text at {@code fontSize}; at most {@code maxLines} lines.
     */
    public static LegendLayout of(List<String> names, double width, double mark, double fontSize, int maxLines) {
        List<List<Entry>> lines = new ArrayList<>();
        List<Entry> line = new ArrayList<>();
        double used = 0;
        int placed = 0;
        for (int i = 0; i < names.size(); i++) {
            String text = fit(names.get(i), width - mark, fontSize);
            Entry e = new Entry(i, text, mark + textWidth(text, fontSize));
            if (!line.isEmpty() && used + e.width() > width) {
                lines.add(line);
                line = new ArrayList<>();
                used = 0;
            }
            if (lines.size() == maxLines) break;
            line.add(e);
            used += e.width();
            placed++;
        }
        if (!line.isEmpty() && lines.size() < maxLines) lines.add(line);
        int hidden = names.size() - placed;
        if (hidden == 0) return new LegendLayout(lines, 0, null, 0);
        List<Entry> last = lines.get(lines.size() - 1);
        while (true) {
            String more = "+" + hidden + " more";
            double w = textWidth(more, fontSize) + 4;
            double sum = last.stream().mapToDouble(Entry::width).sum();
            if (sum + w <= width || last.isEmpty()) return new LegendLayout(lines, hidden, more, w);
            last.remove(last.size() - 1);
            hidden++;
        }
    }

    /** {@code s}, cut with "…" when it is wider than {@code width} at {@code fontSize}. */
    static String fit(String s, double width, double fontSize) {
        if (textWidth(s, fontSize) <= width) return s;
        for (int n = s.length() - 1; n > 0; n--) {
            String cut = s.substring(0, n).stripTrailing() + "…";
            if (textWidth(cut, fontSize) <= width) return cut;
        }
        return "…";
    }

    /**
     * The width of {@code s} at {@code fontSize}, estimated per character and rounded up for the common sans fonts
     * (DejaVu Sans, the widest of them, included): narrow letters and punctuation, wide letters and signs, others.
     */
    public static double textWidth(String s, double fontSize) {
        double em = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (" .,:;'|!()[]{}ijlftr".indexOf(c) >= 0) em += 0.42;
            else if ("mwMW@%…—".indexOf(c) >= 0) em += 1.0;
            else if ("=+#<>~±×".indexOf(c) >= 0 || Character.isUpperCase(c)) em += 0.84;
            else em += 0.66;
        }
        return em * fontSize;
    }

    /** How many lines the legend takes. */
    public int lineCount() { return lines.size(); }

    /** The widest line, "+N more" included. */
    public double widest() {
        double best = 0;
        for (int i = 0; i < lines.size(); i++) {
            double w = lines.get(i).stream().mapToDouble(Entry::width).sum() + (i == lines.size() - 1 && more != null ? moreWidth : 0);
            best = Math.max(best, w);
        }
        return best;
    }
}
