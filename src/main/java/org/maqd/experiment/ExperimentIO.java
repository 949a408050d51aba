package org.maqd.experiment;

import org.maqd.run.AtomicFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Reads and writes experiment files. Reading is strict: unknown fields, wrong types, fractional numbers for
 * integer fields and malformed JSON are errors naming the file and the field; then {@link ExperimentValidator}
 * checks the values. Writing is atomic (temp file + move) so a failed save never destroys the old file.
 */
public final class ExperimentIO {
    private ExperimentIO() {}

    /** The one mapper used for experiment and run files. */
    public static final ObjectMapper MAPPER = org.maqd.run.StrictJson.CAMEL_CASE;

    public static Experiment read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ExperimentException(file + ": no such experiment file");
        } catch (IOException e) {
            throw new ExperimentException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** Parses and validates; {@code sourceName} is used in messages. */
    public static Experiment parse(String json, String sourceName) {
        Experiment e = parseUnchecked(json, sourceName);
        ExperimentValidator.validate(e, sourceName);
        return e;
    }

    /** Parses without value validation (still strict about fields and types). */
    public static Experiment parseUnchecked(String json, String sourceName) {
        if (json.isBlank()) throw new ExperimentException(sourceName + ": the file is empty; expected a JSON object");
        try {
            Experiment e = MAPPER.readValue(json, Experiment.class);
            if (e == null) throw new ExperimentException(sourceName + ": expected a JSON object, found null");
            String inf = org.maqd.run.Finite.firstNonFinite(e);
            if (inf != null) throw new ExperimentException(sourceName + ": field '" + inf + "; expected a finite number (JSON numbers beyond ±1.8e308 are not numbers)");
            return e;
        } catch (JsonProcessingException ex) {
            throw new ExperimentException(describe(ex, sourceName), ex);
        }
    }

    /** A one-line message for a JSON error: the source, the field or position, what was expected and found. */
    public static String describe(JsonProcessingException ex, String source) {
        String loc = ex.getLocation() == null ? "" :
                " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")";
        if (ex instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            return source + ": unknown field '" + path(u) + "'" + loc + "; expected one of: " + known;
        }
        if (ex instanceof InvalidFormatException f) {
            return source + ": field '" + path(f) + "'" + loc + ": expected " + typeName(f.getTargetType())
                    + ", got " + quote(f.getValue());
        }
        if (ex instanceof MismatchedInputException m) {
            String p = path(m);
            return source + ": field '" + (p.isEmpty() ? "<root>" : p) + "'" + loc + ": expected "
                    + typeName(m.getTargetType()) + "; " + firstLine(m.getOriginalMessage());
        }
        if (ex instanceof JsonMappingException m) {
            return source + ": field '" + path(m) + "'" + loc + ": " + firstLine(m.getOriginalMessage());
        }
        return source + ": malformed JSON" + loc + ": " + firstLine(ex.getOriginalMessage());
    }

    private static String path(JsonMappingException m) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) sb.append('.');
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String typeName(Class<?> t) {
        if (t == null) return "a value";
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class) return "an integer";
        if (t == Double.class || t == double.class || t == Float.class) return "a number";
        if (t == Boolean.class || t == boolean.class) return "true or false";
        if (t == String.class) return "a string";
        if (java.util.List.class.isAssignableFrom(t)) return "a list";
        if (java.util.Map.class.isAssignableFrom(t)) return "an object";
        return "an object (" + t.getSimpleName() + ")";
    }

    private static String quote(Object v) { return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v); }

    private static String firstLine(String s) {
        if (s == null) return "";
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }

    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    public static void write(Experiment e, Path file) { writeJson(e, file); }

    /** Writes any value as indented JSON, atomically. */
    public static void writeJson(Object value, Path file) {
        AtomicFiles.writeString(file, toJson(value) + "\n");
    }
}
