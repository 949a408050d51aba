package org.maqd.model;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.tensor.Tensor;

/** Files that the old reader accepted: overlapping or gapped offsets, trailing bytes, duplicate keys, non-finite values. */
class SafetensorsStrictTest {
    @TempDir Path dir;

    /** A file with the given header JSON and {@code floats} data values. */
    Path file(String header, float... floats) throws Exception {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + 4 * floats.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        for (float f : floats) b.putFloat(f);
        return Files.write(dir.resolve("m.safetensors"), b.array());
    }

    void assertRefused(Path f, String... fragments) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Safetensors.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        for (String s : fragments) assertTrue(e.getMessage().contains(s), "'" + s + "' in " + e.getMessage());
    }

    static final String T = "\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":";

    @Test
    void aGoodFileReads() throws Exception {
        Safetensors.read(file("{\"a\":{" + T + "[0,8]},\"b\":{" + T + "[8,16]}}", 1, 2, 3, 4));
    }

    @Test
    void overlappingOffsetsAreRefused() throws Exception {
        assertRefused(file("{\"a\":{" + T + "[0,8]},\"b\":{" + T + "[4,12]}}", 1, 2, 3), "'b'", "data_offsets");
    }

    @Test
    void trailingBytesAreRefused() throws Exception {
        assertRefused(file("{\"a\":{" + T + "[0,8]}}", 1, 2, 3), "4 bytes after the last tensor");
    }

    @Test
    void aGapIsRefused() throws Exception {
        assertRefused(file("{\"a\":{" + T + "[4,12]}}", 1, 2, 3), "'a'", "starts at 4, expected 0");
    }

    @Test
    void duplicateKeysAreRefused() throws Exception {
        assertRefused(file("{\"a\":{" + T + "[0,8]},\"a\":{" + T + "[0,8]}}", 1, 2), "Duplicate field 'a'");
    }

    @Test
    void nonFiniteValuesAreRefused() throws Exception {
        assertRefused(file("{\"a\":{" + T + "[0,8]}}", 1, Float.NaN), "'a'", "element 1", "expected a finite number");
    }

    @Test
    void fractionalShapesAndExtraFieldsAreRefused() throws Exception {
        assertRefused(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2.0],\"data_offsets\":[0,8]}}", 1, 2), "'shape'");
        assertRefused(file("{\"a\":{" + T + "[0,8],\"x\":1}}", 1, 2), "expected the fields");
        assertRefused(file("{\"__metadata__\":{\"epoch\":1},\"a\":{" + T + "[0,8]}}", 1, 2), "__metadata__.epoch");
    }

    @Test
    void extraTensorsAreRefusedByTheNetwork() throws Exception {
        Network net = NetworkBuilder.build(NetworkResolver.resolve(new NetworkSpec(java.util.List.of(1, 2, 2), null,
                java.util.List.of(LayerSpec.of("flatten"), LayerSpec.output(2)))), new int[] {1, 2, 2}, 2,
                org.maqd.tensor.Parallel.serial(), 0L);
        Map<String, Tensor> t = new LinkedHashMap<>(net.stateDict());
        t.put("extra", new Tensor(new float[] {1}, 1));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> net.loadStateDict(t, "m.safetensors"));
        assertTrue(e.getMessage().contains("'extra' is not part of this network"), e.getMessage());
    }
}
