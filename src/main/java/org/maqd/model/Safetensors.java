package org.maqd.model;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maqd.run.AtomicFiles;
import org.maqd.tensor.Tensor;

/**
 * The safetensors format (little-endian u64 header length, a JSON header mapping names to
 * {dtype, shape, data_offsets}, then the raw bytes), float32 tensors only. Reading checks every field and
 * offset and names the file and tensor on error. Writing is atomic.
 */
public final class Safetensors {
    private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final long MAX_HEADER = 100L << 20;

    private Safetensors() {}

    /** Tensors in file order plus the string metadata. */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {}

    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) {
        Map<String, Object> header = new LinkedHashMap<>();
        // sorted: the same metadata gives the same bytes in every JVM (Map.of iteration order is not fixed)
        if (metadata != null && !metadata.isEmpty()) header.put("__metadata__", new java.util.TreeMap<>(metadata));
        long offset = 0;
        for (var e : tensors.entrySet()) {
            long bytes = 4L * e.getValue().size();
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("dtype", "F32");
            h.put("shape", e.getValue().shape());
            h.put("data_offsets", new long[] {offset, offset + bytes});
            header.put(e.getKey(), h);
            offset += bytes;
        }
        byte[] hjson;
        try {
            hjson = JSON.writeValueAsBytes(header);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        int pad = (8 - hjson.length % 8) % 8;
        int hlen = hjson.length + pad;
        ByteBuffer buf = ByteBuffer.allocate((int) (8 + hlen + offset)).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(hlen);
        buf.put(hjson);
        for (int i = 0; i < pad; i++) buf.put((byte) ' ');
        for (Tensor t : tensors.values()) for (float f : t.data) buf.putFloat(f);
        AtomicFiles.writeBytes(file, buf.array());
    }

    public static Contents read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModelFormatException(file + ": no such model file");
        } catch (IOException e) {
            throw new ModelFormatException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (bytes.length < 8) throw new ModelFormatException(file + ": truncated: " + bytes.length + " bytes, expected at least an 8-byte header length");
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long hlen = buf.getLong();
        if (hlen < 2 || hlen > MAX_HEADER || 8 + hlen > bytes.length) {
            throw new ModelFormatException(file + ": header length " + hlen + " does not fit a file of " + bytes.length + " bytes (corrupt or not a safetensors file)");
        }
        Map<String, Object> header;
        try {
            header = JSON.readValue(bytes, 8, (int) hlen, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (IOException e) {
            String m = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
                    + (j.getLocation() == null ? "" : " (header byte " + j.getLocation().getCharOffset() + ")") : e.getMessage();
            throw new ModelFormatException(file + ": header is not valid JSON: " + String.valueOf(m).replace('\n', ' '), e);
        }
        if (header == null) throw new ModelFormatException(file + ": header is null; expected a JSON object");
        long dataStart = 8 + hlen, dataLen = bytes.length - dataStart;
        java.util.TreeMap<Long, String> starts = new java.util.TreeMap<>();
        long covered = 0;
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        for (var e : header.entrySet()) {
            String name = e.getKey();
            if (name.equals("__metadata__")) {
                if (!(e.getValue() instanceof Map<?, ?> m)) throw new ModelFormatException(file + ": field '__metadata__': expected an object of strings, found " + e.getValue());
                for (var kv : m.entrySet()) {
                    if (!(kv.getValue() instanceof String v)) {
                        throw new ModelFormatException(file + ": field '__metadata__." + kv.getKey() + "': expected a string, found " + kv.getValue());
                    }
                    meta.put(String.valueOf(kv.getKey()), v);
                }
                continue;
            }
            if (!(e.getValue() instanceof Map<?, ?> h)) throw new ModelFormatException(file + ": tensor '" + name + "': expected an object with dtype, shape, data_offsets");
            if (!"F32".equals(h.get("dtype"))) throw new ModelFormatException(file + ": tensor '" + name + "': field 'dtype': expected F32, found " + h.get("dtype"));
            if (!h.keySet().equals(java.util.Set.of("dtype", "shape", "data_offsets"))) {
                throw new ModelFormatException(file + ": tensor '" + name + "': expected the fields dtype, shape, data_offsets, found " + h.keySet());
            }
            int[] shape = ints(file, name, "shape", h.get("shape"));
            int[] off = ints(file, name, "data_offsets", h.get("data_offsets"));
            if (off.length != 2 || off[0] < 0 || off[1] < off[0] || off[1] > dataLen) {
                throw new ModelFormatException(file + ": tensor '" + name + "': field 'data_offsets' " + java.util.Arrays.toString(off) + " outside the data section of " + dataLen + " bytes (truncated file?)");
            }
            long n = 1;
            for (int d : shape) {
                n *= d;
                if (n > Integer.MAX_VALUE / 4) throw new ModelFormatException(file + ": tensor '" + name + "': shape " + java.util.Arrays.toString(shape) + " is larger than the file");
            }
            if (n * 4 != off[1] - off[0]) {
                throw new ModelFormatException(file + ": tensor '" + name + "': shape " + java.util.Arrays.toString(shape) + " needs " + n * 4 + " bytes, data_offsets give " + (off[1] - off[0]));
            }
            float[] data = new float[(int) n];
            ByteBuffer slice = ByteBuffer.wrap(bytes, (int) (dataStart + off[0]), off[1] - off[0]).order(ByteOrder.LITTLE_ENDIAN);
            slice.asFloatBuffer().get(data);
            for (int i = 0; i < data.length; i++) {
                if (!Float.isFinite(data[i])) {
                    throw new ModelFormatException(file + ": tensor '" + name + "': element " + i + " (byte offset " + (dataStart + off[0] + 4L * i)
                            + "): expected a finite number, found " + data[i]);
                }
            }
            if (off[1] > off[0] && starts.put((long) off[0], name) != null) {
                throw new ModelFormatException(file + ": tensor '" + name + "': field 'data_offsets' " + java.util.Arrays.toString(off) + " overlaps tensor '" + starts.get((long) off[0]) + "'");
            }
            covered += off[1] - off[0];
            tensors.put(name, new Tensor(data, shape));
        }
        checkLayout(file, header, starts, covered, dataLen);
        return new Contents(tensors, meta);
    }

    /** The tensors' byte ranges must tile the data section exactly: no overlap, no gap, no trailing bytes. */
    private static void checkLayout(Path file, Map<String, Object> header, java.util.TreeMap<Long, String> starts, long covered, long dataLen) {
        long expect = 0;
        for (var e : starts.entrySet()) {
            if (e.getKey() != expect) {
                throw new ModelFormatException(file + ": tensor '" + e.getValue() + "': field 'data_offsets' starts at " + e.getKey()
                        + ", expected " + expect + " (tensors must be contiguous and must not overlap)");
            }
            Object off = ((Map<?, ?>) header.get(e.getValue())).get("data_offsets");
            expect = ((Number) ((List<?>) off).get(1)).longValue();
        }
        if (covered != expect) throw new ModelFormatException(file + ": tensors overlap (" + covered + " bytes in tensors, " + expect + " bytes of data)");
        if (expect != dataLen) {
            throw new ModelFormatException(file + ": " + (dataLen - expect) + " bytes after the last tensor (at offset " + expect
                    + " of the data section); expected none");
        }
    }

    private static int[] ints(Path file, String name, String field, Object v) {
        if (!(v instanceof List<?> l)) throw new ModelFormatException(file + ": tensor '" + name + "': field '" + field + "': expected a list of integers, found " + v);
        List<Integer> out = new ArrayList<>();
        for (Object o : l) {
            if (!(o instanceof Integer || o instanceof Long) || ((Number) o).longValue() < 0 || ((Number) o).longValue() > Integer.MAX_VALUE) {
                throw new ModelFormatException(file + ": tensor '" + name + "': field '" + field + "': expected non-negative integers, found " + o);
            }
            out.add(((Number) o).intValue());
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
