package org.maqd.model;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.tensor.Tensor;

class SafetensorsTest {
    static Map<String, Tensor> sample() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("layers.1.op.weight", Tensor.of(new float[] {1, -2, 3.5f, 4, 5, 6}, 2, 3));
        m.put("layers.1.norm.running_mean", Tensor.of(new float[] {0.25f}, 1));
        return m;
    }

    @Test
    void metadataOrderDoesNotChangeTheBytes(@TempDir Path dir) throws Exception {
        Map<String, Tensor> t = Map.of("w", Tensor.of(new float[] {1, 2}, 2));
        Map<String, String> ab = new LinkedHashMap<>(), ba = new LinkedHashMap<>();
        ab.put("format", "pt");
        ab.put("producer", "maqd-workbench");
        ba.put("producer", "maqd-workbench");
        ba.put("format", "pt");
        Safetensors.write(dir.resolve("a.safetensors"), t, ab);
        Safetensors.write(dir.resolve("b.safetensors"), t, ba);
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.safetensors")), Files.readAllBytes(dir.resolve("b.safetensors")));
    }

    @Test
    void roundTripKeepsNamesShapesValuesAndMetadata(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("m.safetensors");
        Safetensors.write(f, sample(), Map.of("format", "pt"));
        byte[] bytes = Files.readAllBytes(f);
        long hlen = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, (8 + hlen) % 8, "data section is 8-byte aligned");
        String header = new String(bytes, 8, (int) hlen);
        assertTrue(header.contains("\"dtype\":\"F32\"") && header.contains("\"shape\":[2,3]"), header);
        Safetensors.Contents c = Safetensors.read(f);
        assertEquals(sample().keySet(), c.tensors().keySet());
        assertArrayEquals(new int[] {2, 3}, c.tensors().get("layers.1.op.weight").shape());
        assertArrayEquals(sample().get("layers.1.op.weight").data, c.tensors().get("layers.1.op.weight").data);
        assertEquals("pt", c.metadata().get("format"));
    }

    @Test
    void truncatedOrCorruptFilesNameTheFileAndTensor(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("m.safetensors");
        Safetensors.write(f, sample(), Map.of());
        byte[] bytes = Files.readAllBytes(f);
        Path cut = dir.resolve("cut.safetensors");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 4));
        String m = assertThrows(ModelFormatException.class, () -> Safetensors.read(cut)).getMessage();
        assertTrue(m.contains("cut.safetensors") && m.contains("layers.1.norm.running_mean"), m);
        Path junk = dir.resolve("junk.safetensors");
        Files.writeString(junk, "this is not a model file at all");
        m = assertThrows(ModelFormatException.class, () -> Safetensors.read(junk)).getMessage();
        assertTrue(m.contains("junk.safetensors") && m.contains("header"), m);
        Path missing = dir.resolve("none.safetensors");
        assertTrue(assertThrows(ModelFormatException.class, () -> Safetensors.read(missing)).getMessage().contains("none.safetensors"));
    }
}
