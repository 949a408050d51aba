package org.maqd.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a sweep's {@code results.csv}: a trial (or a PTQ evaluation of a float trial, id
 * {@code <trial>/ptq-<method>-M<states>}), the values of its group columns (the swept fields' short names, plus
 * method and states with PTQ), seed, status, final numbers (NaN = none, an empty cell), epochs, optimizer steps, seconds,
 * samples/s and the seconds of the JIT warm-up before the trial's clock started (summary.json's {@code warmup_seconds};
 * empty for trials whose summary predates it). Its columns depend on the sweep, so the file goes through
 * {@link CsvTable}; this class is its one reader and writer. Files written before the warm-up column read with it empty.
 */
public record SweepResultRow(String id, Map<String, String> keys, long seed, String status, double testAccuracy,
                             double testLoss, double trainAccuracy, int epochs, double steps, double seconds, double samplesPerSecond,
                             double warmupSeconds) {
    static final List<String> COLUMNS = List.of("seed", "status", "test_accuracy", "test_loss", "train_accuracy",
            "epochs", "steps", "seconds", "samples_per_second", "warmup_seconds");
    /** The columns before {@code warmup_seconds} was added. */
    static final List<String> COLUMNS_V1 = COLUMNS.subList(0, COLUMNS.size() - 1);

    /** Writes {@code sweepDir/results.csv} atomically; {@code keyColumns} in order after the id. */
    public static void write(Path sweepDir, List<String> keyColumns, List<SweepResultRow> rows) {
        List<List<String>> cells = new ArrayList<>();
        for (SweepResultRow r : rows) cells.add(r.cells(keyColumns));
        new CsvTable(header(keyColumns), cells).write(sweepDir.resolve(RunFiles.SWEEP_RESULTS));
    }

    /** The file's header for these group columns: id, the group columns, then {@link #COLUMNS}. */
    public static List<String> header(List<String> keyColumns) {
        List<String> header = new ArrayList<>();
        header.add("id");
        header.addAll(keyColumns);
        header.addAll(COLUMNS);
        return header;
    }

    /** This row's cells as the file writes them, in {@link #header} order. */
    public List<String> cells(List<String> keyColumns) {
        List<String> c = new ArrayList<>();
        c.add(id);
        for (String k : keyColumns) c.add(keys.getOrDefault(k, ""));
        c.addAll(List.of(Long.toString(seed), status, num(testAccuracy), num(testLoss), num(trainAccuracy),
                Integer.toString(epochs), num(steps), num(seconds), num(samplesPerSecond), num(warmupSeconds)));
        return c;
    }

    /** Reads {@code sweepDir/results.csv} (empty when absent): the columns between id and seed are the keys. */
    public static List<SweepResultRow> read(Path sweepDir) {
        Path f = sweepDir.resolve(RunFiles.SWEEP_RESULTS);
        CsvTable t = CsvTable.read(f);
        if (t.header().isEmpty()) return List.of();
        int seed = t.column("seed");
        List<String> tail = seed < 1 ? List.of() : t.header().subList(seed, t.header().size());
        if (t.column("id") != 0 || seed < 1 || !(tail.equals(COLUMNS) || tail.equals(COLUMNS_V1))) {
            throw new RunFormatException(f + ": header: expected id, the swept fields, then " + String.join(",", COLUMNS)
                    + "; found " + String.join(",", t.header()));
        }
        List<SweepResultRow> out = new ArrayList<>();
        for (int i = 0; i < t.rows().size(); i++) {
            List<String> r = t.rows().get(i);
            String where = f + ", line " + (i + 2);
            Map<String, String> keys = new LinkedHashMap<>();
            for (int k = 1; k < seed; k++) keys.put(t.header().get(k), r.get(k));
            out.add(new SweepResultRow(r.get(0), keys, (long) parse(where, "seed", r.get(seed)), r.get(seed + 1),
                    parse(where, "test_accuracy", r.get(seed + 2)), parse(where, "test_loss", r.get(seed + 3)),
                    parse(where, "train_accuracy", r.get(seed + 4)), (int) parse(where, "epochs", r.get(seed + 5)),
                    parse(where, "steps", r.get(seed + 6)), parse(where, "seconds", r.get(seed + 7)),
                    parse(where, "samples_per_second", r.get(seed + 8)),
                    tail.size() > 9 ? parse(where, "warmup_seconds", r.get(seed + 9)) : Double.NaN));
        }
        return out;
    }

    /**
     * A number cell: empty for NaN (no number), a whole number without a fraction ("16", not "16.0": step and
     * epoch counts), else the shortest text that reads back to the same double.
     */
    static String num(double v) {
        if (Double.isNaN(v)) return "";
        if (v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && 1 / v < 0)) return Long.toString((long) v);
        return Double.toString(v);
    }

    static double parse(String where, String column, String cell) {
        if (cell.isEmpty()) return Double.NaN;
        try {
            double v = Double.parseDouble(cell);
            if (Double.isFinite(v)) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new RunFormatException(where + ", column " + column + ": expected a finite number or an empty cell, found '" + cell + "'");
    }
}
