package org.maqd.report;

import java.util.Locale;

/**
 * Numbers as a report shows them to people: integers as written, other numbers to four significant digits
 * (0.9451097804391217 → 0.9451; 7.90234e-05 → 7.902e-05). CSV files beside a report keep every digit.
 */
public final class Numbers {
    private Numbers() {}

    /** The cell as shown: a formatted number, or the text unchanged when it is not a number with decimals. */
    public static String forPeople(String cell) {
        if (cell == null) return "";
        String t = cell.trim();
        if (t.isEmpty() || !(t.contains(".") || t.contains("e") || t.contains("E")) || commitLike(t)) return cell;
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return cell;
        }
        return forPeople(v);
    }

    public static String forPeople(double v) {
        if (Double.isNaN(v)) return "–";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e6) {
            String s = new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
            return s.equals("-0") ? "0" : s;
        }
        return String.format(Locale.ROOT, "%.3e", v).replaceAll("0+e", "e").replace(".e", "e");
    }

    /**
     * Whether the text is a commit hash (7 to 40 lowercase hex digits with a letter among them) rather than a number:
     * the short hash "0640e88" parses as 6.4e90, and a run report showed its git revision so.
     */
    static boolean commitLike(String t) {
        return t.length() >= 7 && t.length() <= 40 && t.matches("[0-9a-f]+") && t.matches(".*[a-f].*");
    }

    /** A cell as a number, NaN when empty or not a number. */
    public static double num(String s) {
        if (s == null || s.isBlank() || commitLike(s.trim())) return Double.NaN;
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A fraction as a percentage with two decimals: 0.94511 → 94.51%. */
    public static String percent(double fraction) {
        return Double.isNaN(fraction) ? "–" : String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }
}
