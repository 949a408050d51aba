package org.maqd.onnx;

import java.nio.charset.StandardCharsets;

/**
 * A node attribute: an int, a list of ints, a float or a string. Encoded as AttributeProto
 * (1 name, 2 f, 3 i, 4 s, 8 ints, 20 type: FLOAT 1, INT 2, STRING 3, INTS 7).
 */
public record OnnxAttribute(String name, int type, long i, long[] ints, float f, String s) {
    private static final int FLOAT = 1, INT = 2, STRING = 3, INTS = 7;

    public static OnnxAttribute integer(String name, long v) { return new OnnxAttribute(name, INT, v, null, 0f, null); }
    public static OnnxAttribute ints(String name, long... v) { return new OnnxAttribute(name, INTS, 0, v.clone(), 0f, null); }
    public static OnnxAttribute real(String name, float v) { return new OnnxAttribute(name, FLOAT, 0, null, v, null); }
    public static OnnxAttribute text(String name, String v) { return new OnnxAttribute(name, STRING, 0, null, 0f, v); }

    OnnxProto.Message encode() {
        OnnxProto.Message m = new OnnxProto.Message().string(1, name);
        switch (type) {
            case FLOAT -> m.float32(2, f);
            case INT -> m.int64(3, i);
            case STRING -> m.bytes(4, s.getBytes(StandardCharsets.UTF_8));
            default -> { for (long v : ints) m.int64(8, v); }
        }
        return m.int64(20, type);
    }
}
