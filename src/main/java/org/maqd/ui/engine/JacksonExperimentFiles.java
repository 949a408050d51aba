package org.maqd.ui.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.maqd.experiment.Experiment;

/** Strict JSON reading and pretty writing of experiment files, used until the engine's ExperimentIO is present. */
public final class JacksonExperimentFiles implements ExperimentFiles {
    private final ObjectMapper json = JsonMapper.builder()
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    @Override
    public Experiment read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the file (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void write(Experiment e, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(file, json.writeValueAsString(e) + "\n");
        } catch (IOException ex) {
            throw new UncheckedIOException(file + ": cannot write the experiment (" + ex.getMessage() + ")", ex);
        }
    }

    @Override
    public Experiment parse(String text, String sourceName) {
        try {
            Experiment e = json.readValue(text, Experiment.class);
            if (e == null) throw new IllegalArgumentException(sourceName + ": the file is empty");
            return e;
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(sourceName + ": unknown field '" + e.getPropertyName() + "' at "
                    + e.getPathReference() + " (expected one of " + e.getKnownPropertyIds() + ")", e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(sourceName + ": not a valid experiment file: "
                    + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ")", e);
        }
    }
}
