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
    private static final ObjectMapper JSON = new ObjectMapper();
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
            throw new ModelFormatException(file + ": header is not valid JSON: " + e.getMessage(), e);
        }
        long dataStart = 8 + hlen, dataLen = bytes.length - dataStart;
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        for (var e : header.entrySet()) {
            String name = e.getKey();
            if (name.equals("__metadata__")) {
                if (e.getValue() instanceof Map<?, ?> m) m.forEach((k, v) -> meta.put(String.valueOf(k), String.valueOf(v)));
                continue;
            }
            if (!(e.getValue() instanceof Map<?, ?> h)) throw new ModelFormatException(file + ": tensor '" + name + "': expected an object with dtype, shape, data_offsets");
            if (!"F32".equals(h.get("dtype"))) throw new ModelFormatException(file + ": tensor '" + name + "': field 'dtype': expected F32, found " + h.get("dtype"));
            int[] shape = ints(file, name, "shape", h.get("shape"));
            int[] off = ints(file, name, "data_offsets", h.get("data_offsets"));
            if (off.length != 2 || off[0] < 0 || off[1] < off[0] || off[1] > dataLen) {
                throw new ModelFormatException(file + ": tensor '" + name + "': field 'data_offsets' " + java.util.Arrays.toString(off) + " outside the data section of " + dataLen + " bytes (truncated file?)");
            }
            long n = 1;
            for (int d : shape) n *= d;
            if (n * 4 != off[1] - off[0]) {
                throw new ModelFormatException(file + ": tensor '" + name + "': shape " + java.util.Arrays.toString(shape) + " needs " + n * 4 + " bytes, data_offsets give " + (off[1] - off[0]));
            }
            float[] data = new float[(int) n];
            ByteBuffer slice = ByteBuffer.wrap(bytes, (int) (dataStart + off[0]), off[1] - off[0]).order(ByteOrder.LITTLE_ENDIAN);
            slice.asFloatBuffer().get(data);
            tensors.put(name, new Tensor(data, shape));
        }
        return new Contents(tensors, meta);
    }

    private static int[] ints(Path file, String name, String field, Object v) {
        if (!(v instanceof List<?> l)) throw new ModelFormatException(file + ": tensor '" + name + "': field '" + field + "': expected a list of integers, found " + v);
        List<Integer> out = new ArrayList<>();
        for (Object o : l) {
            if (!(o instanceof Number num) || num.longValue() < 0 || num.longValue() > Integer.MAX_VALUE) {
                throw new ModelFormatException(file + ": tensor '" + name + "': field '" + field + "': expected non-negative integers, found " + o);
            }
            out.add(num.intValue());
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
