package org.maqd.run;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file whose columns are not fixed by a record (a sweep's results and summary, whose columns are the swept
 * fields; a report's own tables): a header and rows of cells, read and written through jackson-dataformat-csv
 * (RFC 4180 quoting). Every row must have as many cells as the header.
 */
public record CsvTable(List<String> header, List<List<String>> rows) {
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    /** The file, or an empty table when it does not exist. */
    public static CsvTable read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException e) {
            return new CsvTable(List.of(), List.of());
        } catch (IOException e) {
            throw new RunFormatException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses CSV text; {@code source} names it in messages. */
    public static CsvTable parse(String text, String source) {
        List<List<String>> all = new ArrayList<>();
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).with(CsvSchema.emptySchema()).readValues(text)) {
            while (it.hasNextValue()) {
                String[] r = it.nextValue();
                if (r.length == 1 && r[0].isEmpty()) continue;
                all.add(List.of(r));
            }
        } catch (IOException | RuntimeException e) {
            throw new RunFormatException(source + ": not valid CSV: " + String.valueOf(e.getMessage()).replace('\n', ' '), e);
        }
        if (all.isEmpty()) return new CsvTable(List.of(), List.of());
        List<String> header = all.get(0);
        for (int i = 1; i < all.size(); i++) {
            if (all.get(i).size() != header.size()) {
                throw new RunFormatException(source + ": line " + (i + 1) + " has " + all.get(i).size() + " cells, the header has " + header.size());
            }
        }
        return new CsvTable(header, all.subList(1, all.size()));
    }

    public boolean isEmpty() { return rows.isEmpty(); }

    public int column(String name) { return header.indexOf(name); }

    /** Cell of {@code row} in column {@code name}, or "" when there is no such column. */
    public String get(List<String> row, String name) {
        int i = column(name);
        return i < 0 ? "" : row.get(i);
    }

    /** The table without the named columns. */
    public CsvTable without(List<String> names) {
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) if (!names.contains(header.get(i))) keep.add(i);
        List<List<String>> rs = new ArrayList<>();
        for (List<String> r : rows) rs.add(keep.stream().map(r::get).toList());
        return new CsvTable(keep.stream().map(header::get).toList(), rs);
    }

    /** The table as CSV text (quoted where needed). */
    public String text() {
        try {
            List<String[]> all = new ArrayList<>();
            all.add(header.toArray(new String[0]));
            for (List<String> r : rows) all.add(r.toArray(new String[0]));
            return writeAll(all);
        } catch (IOException e) {
            throw new IllegalStateException("cannot format a table: " + e.getMessage(), e);
        }
    }

    private static String writeAll(List<String[]> all) throws IOException {
        StringBuilder sb = new StringBuilder();
        var w = CSV.writerFor(String[].class).with(CsvSchema.emptySchema().withLineSeparator("\n"));
        for (String[] r : all) sb.append(w.writeValueAsString(r));
        return sb.toString();
    }

    /** Writes the table to {@code file} atomically. */
    public void write(Path file) { AtomicFiles.writeString(file, text()); }
}
