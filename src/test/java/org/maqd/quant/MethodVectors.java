package org.maqd.quant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The golden vectors of method.md ({@code method-vectors.json}), read from the test classpath (a copy kept in
 * src/test/resources) or, failing that, from {@code ../shared/docs/method-vectors.json}.
 */
final class MethodVectors {
    static final Path SHARED = Path.of("..", "shared", "docs", "method-vectors.json");
    private static JsonNode root;

    private MethodVectors() {}

    static synchronized JsonNode root() {
        if (root == null) {
            ObjectMapper om = new ObjectMapper();
            try (InputStream in = MethodVectors.class.getResourceAsStream("/method-vectors.json")) {
                if (in != null) {
                    root = om.readTree(in);
                } else if (Files.exists(SHARED)) {
                    root = om.readTree(SHARED.toFile());
                } else {
                    throw new IllegalStateException("method-vectors.json: not on the test classpath and not at "
                            + SHARED.toAbsolutePath());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    static JsonNode get(String key) {
        JsonNode n = root().get(key);
        if (n == null) throw new IllegalStateException("method-vectors.json: missing key \"" + key + "\"");
        return n;
    }

    static double[] doubles(JsonNode arr) {
        double[] out = new double[arr.size()];
        for (int i = 0; i < out.length; i++) out[i] = arr.get(i).asDouble();
        return out;
    }

    /** A 2-D array flattened row-major; {@code shape[0..1]} receive rows and columns. */
    static double[] flat2d(JsonNode arr, int[] shape) {
        int r = arr.size(), c = arr.get(0).size();
        shape[0] = r;
        shape[1] = c;
        double[] out = new double[r * c];
        for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) out[i * c + j] = arr.get(i).get(j).asDouble();
        return out;
    }

    static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }
}
