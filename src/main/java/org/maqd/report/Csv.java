package org.maqd.report;

import java.nio.file.Path;
import java.util.List;
import org.maqd.run.CsvTable;

/**
 * A CSV file read as text through {@link CsvTable}: a header and rows of cells. Reports show the cells as
 * written, so the numbers in a report are the numbers in the files.
 */
public record Csv(List<String> header, List<List<String>> rows) {

    /** The file, or an empty table when it does not exist (read by {@link CsvTable}). */
    public static Csv read(Path file) {
        CsvTable t = CsvTable.read(file);
        return new Csv(t.header(), t.rows());
    }

    public boolean isEmpty() { return rows.isEmpty(); }

    public int column(String name) { return header.indexOf(name); }

    /** Cell of {@code row} in column {@code name}, or "" when there is no such column. */
    public String get(List<String> row, String name) {
        int i = column(name);
        return i < 0 ? "" : row.get(i);
    }

    /** A cell as a number, NaN when empty or not a number. */
    public static double num(String s) {
        if (s == null || s.isBlank()) return Double.NaN;
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The table as CSV text (written by {@link CsvTable}). */
    public String text() { return new CsvTable(header, rows).text(); }
}
