package org.maqd.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The JSON files of a run folder as records: snake-case field names, nulls left out, properties in declaration
 * order, map entries sorted (identical runs write identical bytes). Reading is strict: duplicate keys, unknown
 * fields, trailing tokens and non-finite numbers (1e400 included) are errors naming the file and the field.
 */
final class Json {
    private Json() {}

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    static <T> T read(Path f, Class<T> type) {
        String text;
        try {
            text = Files.readString(f);
        } catch (NoSuchFileException e) {
            return null;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new RunFormatException(JsonErrors.notText(e, f.toString()), e);
        } catch (IOException e) {
            throw new RunFormatException(f + ": cannot read: " + e.getMessage(), e);
        }
        T v;
        try {
            v = MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new RunFormatException(JsonErrors.describe(e, f.toString()), e);
        }
        if (v == null) throw new RunFormatException(f + ": expected a JSON object, found null");
        Finite.requireFinite(v, f.toString());
        return v;
    }

    /**
     * A file written before its format had a version: read with {@code versionField} = 0 added, by the same strict
     * rules otherwise. Null when the file has that field (or is not a JSON object): its own error stands.
     */
    static <T> T readUnversioned(Path f, Class<T> type, String versionField) {
        try {
            com.fasterxml.jackson.databind.JsonNode tree = MAPPER.readTree(Files.readString(f));
            if (!(tree instanceof com.fasterxml.jackson.databind.node.ObjectNode o) || o.has(versionField)) return null;
            o.put(versionField, 0);
            T v = MAPPER.treeToValue(o, type);
            if (v != null) Finite.requireFinite(v, f.toString());
            return v;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static void write(Path f, Object value) {
        Finite.requireFinite(value, f.toString());
        try {
            AtomicFiles.writeString(f, MAPPER.writeValueAsString(value) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot format " + f + ": " + e.getMessage(), e);
        }
    }

    /** "line L, column C: what" from a Jackson error, with the field path when known. */
    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

}
