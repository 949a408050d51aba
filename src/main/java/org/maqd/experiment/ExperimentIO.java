package org.maqd.experiment;

import org.maqd.run.AtomicFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

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
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ExperimentException(org.maqd.run.JsonErrors.notText(e, file.toString()), e);
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
            throw new ExperimentException(org.maqd.run.JsonErrors.describe(ex, sourceName), ex);
        }
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
