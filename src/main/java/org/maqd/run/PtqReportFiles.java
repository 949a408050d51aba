package org.maqd.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The run folder's {@code ptq/} reports: one JSON file per set of post-training quantization options
 * ({@code ptq/<options>.json}, written by {@code maqd ptq}). The record is the PTQ package's; its file, listing,
 * strict reading (duplicate keys, unknown fields, trailing tokens) and atomic writing are here. Field names are
 * camel case, like the experiment file whose PTQ options the report repeats; an SQNR may be "NaN" (no signal) or
 * "Infinity" (exact), written as those strings.
 */
public final class PtqReportFiles {
    private static final ObjectMapper MAPPER = StrictJson.CAMEL_CASE;

    private PtqReportFiles() {}

    /** Writes {@code runDir/ptq/<fileName>} atomically; returns the file. */
    public static Path write(Path runDir, String fileName, Object report) {
        Path f = runDir.resolve(RunFiles.PTQ_REPORTS).resolve(fileName);
        try {
            AtomicFiles.writeString(f, MAPPER.writeValueAsString(report) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot format " + f + ": " + e.getMessage(), e);
        }
        return f;
    }

    /** Every report in {@code runDir/ptq/} by file name (none without the folder); each must hold {@code required} fields. */
    public static <T> List<T> readAll(Path runDir, Class<T> type, List<String> required) {
        Path d = runDir.resolve(RunFiles.PTQ_REPORTS);
        if (!Files.isDirectory(d)) return List.of();
        List<T> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(d)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) out.add(read(f, type, required));
        } catch (IOException e) {
            throw new RunFormatException(d + ": cannot list: " + e.getMessage(), e);
        }
        return out;
    }

    static <T> T read(Path f, Class<T> type, List<String> required) {
        try {
            JsonNode n = MAPPER.readTree(Files.readString(f));
            if (n == null || !n.isObject()) throw new RunFormatException(f + ": expected a JSON object (a PTQ report)");
            for (String field : required) {
                if (!n.has(field)) throw new RunFormatException(f + ": missing field '" + field + "'");
            }
            return MAPPER.treeToValue(n, type);
        } catch (JsonProcessingException e) {
            throw new RunFormatException(JsonErrors.describe(e, f + " (a PTQ report)"), e);
        } catch (IOException e) {
            throw new RunFormatException(f + ": cannot read: " + e.getMessage(), e);
        }
    }
}
