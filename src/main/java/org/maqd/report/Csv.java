package org.maqd.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.maqd.model.ModelFormatException;

/**
 * A CSV file read as text: a header and rows of cells (RFC 4180 quoting understood). Reports show the cells as
 * written, so the numbers in a report are the numbers in the files.
 */
public record Csv(List<String> header, List<List<String>> rows) {

    /** The file, or an empty table when it does not exist. */
    public static Csv read(Path file) {
        if (!Files.exists(file)) return new Csv(List.of(), List.of());
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty()) return new Csv(List.of(), List.of());
            List<String> header = split(lines.get(0));
            List<List<String>> rows = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) continue;
                List<String> r = split(lines.get(i));
                if (r.size() != header.size()) {
                    throw new ModelFormatException(file + ": line " + (i + 1) + " has " + r.size() + " cells, the header has " + header.size());
                }
                rows.add(r);
            }
            return new Csv(header, rows);
        } catch (IOException e) {
            throw new ModelFormatException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { cur.append('"'); i++; }
                else if (c == '"') quoted = false;
                else cur.append(c);
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
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

    /** Text for writing a CSV cell (quoted when needed). */
    public static String cell(String s) {
        if (s == null) return "";
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** The table as CSV text. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", header.stream().map(Csv::cell).toList())).append('\n');
        for (List<String> r : rows) sb.append(String.join(",", r.stream().map(Csv::cell).toList())).append('\n');
        return sb.toString();
    }
}
