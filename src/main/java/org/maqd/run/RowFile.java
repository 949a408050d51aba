package org.maqd.run;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
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
import java.util.function.ToIntFunction;

/**
 * One CSV file of a run folder, read and written as rows of one record type through jackson-dataformat-csv:
 * the header is the record's components in snake case, lists inside a cell are separated by spaces, a missing
 * number is an empty cell. Reading is strict: the header must be exactly the expected one, every row must parse,
 * and every number must be finite; errors name the file, the line, and what was expected and found. A last line
 * without its newline is an append cut short by a kill and is ignored.
 */
public final class RowFile<T extends Record> {
    private static final CsvMapper CSV = CsvMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
            .enable(CsvParser.Feature.FAIL_ON_MISSING_HEADER_COLUMNS)
            .enable(CsvParser.Feature.EMPTY_STRING_AS_NULL)
            .build();

    private final String name;
    private final Class<T> type;
    private final CsvSchema schema;
    private final ObjectWriter rowWriter;
    private final ObjectReader reader;
    private final String header;
    private final ToIntFunction<T> epoch;

    /** {@code epoch} gives a row's epoch for resume truncation (null when the file has no epoch column). */
    public RowFile(String name, Class<T> type, ToIntFunction<T> epoch) {
        this.name = name;
        this.type = type;
        this.epoch = epoch;
        this.schema = schemaOf(type);
        this.rowWriter = CSV.writerFor(type).with(schema.withoutHeader());
        this.reader = CSV.readerFor(type).with(schema.withoutHeader());
        this.header = String.join(",", schema.getColumnNames());
    }

    /** Columns in the record's component order, snake case; arrays are space-separated lists in one cell. */
    private static CsvSchema schemaOf(Class<?> type) {
        CsvSchema.Builder b = CsvSchema.builder();
        for (java.lang.reflect.RecordComponent c : type.getRecordComponents()) {
            Class<?> t = c.getType();
            CsvSchema.ColumnType ct = t.isArray() ? CsvSchema.ColumnType.ARRAY
                    : t == String.class ? CsvSchema.ColumnType.STRING
                    : t == boolean.class || t == Boolean.class ? CsvSchema.ColumnType.BOOLEAN : CsvSchema.ColumnType.NUMBER;
            b.addColumn(Json.snake(c.getName()), ct);
        }
        return b.build().withArrayElementSeparator(" ");
    }

    public String fileName() { return name; }

    /** The header line (without newline). */
    public String header() { return header; }

    public List<String> columns() { return List.copyOf(schema.getColumnNames()); }

    /** The file's text for these rows: header, then one line per row. */
    public String text(List<T> rows) {
        StringBuilder sb = new StringBuilder(header).append('\n');
        for (T r : rows) sb.append(line(r));
        return sb.toString();
    }

    /** Replaces {@code dir/name} atomically with these rows. */
    public void write(Path dir, List<T> rows) {
        AtomicFiles.writeString(dir.resolve(name), text(rows));
    }

    /** Appends rows (header first when the file is new or empty). */
    public void append(Path dir, List<T> rows) {
        if (rows.isEmpty()) return;
        Path f = dir.resolve(name);
        StringBuilder sb = new StringBuilder();
        try {
            if (!Files.exists(f) || Files.size(f) == 0) sb.append(header).append('\n');
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
        for (T r : rows) sb.append(line(r));
        AtomicFiles.append(f, sb.toString());
    }

    /** The cells of one row as this file writes them, in {@link #columns()} order (reports show them as written). */
    public List<String> cells(T row) {
        return CsvTable.parse(header + "\n" + line(row), name).rows().get(0);
    }

    private String line(T row) {
        Finite.requireFinite(row, name);
        try {
            return rowWriter.writeValueAsString(row);
        } catch (IOException e) {
            throw new IllegalStateException("cannot format a row of " + name + ": " + e.getMessage(), e);
        }
    }

    /** The rows of {@code dir/name}; an empty list when the file does not exist. */
    public List<T> read(Path dir) {
        Path f = dir.resolve(name);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new RunFormatException(f + ": cannot read: " + e.getMessage(), e);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            if (text.isEmpty()) return List.of();
            throw new RunFormatException(f + ": line 1: expected the header " + header + " ending in a newline, found " + clip(text));
        }
        int firstNl = text.indexOf('\n');
        String found = text.substring(0, firstNl).replace("\r", "");
        if (!found.equals(header)) {
            throw new RunFormatException(f + ": line 1: expected the header " + header + ", found " + clip(found));
        }
        String body = text.substring(firstNl + 1, end + 1);
        List<T> out = new ArrayList<>();
        if (body.isEmpty()) return out;
        try (MappingIterator<T> it = reader.readValues(body)) {
            while (it.hasNextValue()) {
                int line = it.getCurrentLocation().getLineNr() + 1;
                T row;
                try {
                    row = it.nextValue();
                } catch (RuntimeException e) {
                    throw new RunFormatException(f + ": line " + line + ": " + message(e.getCause() != null ? e.getCause() : e), e);
                }
                Finite.requireFinite(row, f + ": line " + line);
                out.add(row);
            }
        } catch (IOException e) {
            throw new RunFormatException(f + ": " + message(e), e);
        }
        return out;
    }

    /** The rows whose epoch is at most {@code lastEpoch}, the file rewritten atomically (created if missing). */
    public void truncateAfterEpoch(Path dir, int lastEpoch) {
        List<T> keep = new ArrayList<>();
        if (lastEpoch > 0) for (T r : read(dir)) if (epoch.applyAsInt(r) <= lastEpoch) keep.add(r);
        write(dir, keep);
    }

    private static String message(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int at = m.indexOf("\n at [Source");
        return (at > 0 ? m.substring(0, at) : m).replace('\n', ' ');
    }

    private static String clip(String s) {
        return s.length() > 120 ? "'" + s.substring(0, 120) + "…'" : "'" + s + "'";
    }

    @Override
    public String toString() { return name + " (" + type.getSimpleName() + ")"; }
}
