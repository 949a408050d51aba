package org.maqd.onnx;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The ONNX file format's protobuf messages, as far as the exporter writes them, encoded with protobuf-java's
 * {@link CodedOutputStream}. Field numbers are those of the ONNX IR specification (onnx.proto, IR version 7):
 * <pre>
 * ModelProto:     1 ir_version, 2 producer_name, 3 producer_version, 6 doc_string, 7 graph, 8 opset_import,
 *                 14 metadata_props
 * GraphProto:     1 node, 2 name, 5 initializer, 10 doc_string, 11 input, 12 output
 * NodeProto:      1 input, 2 output, 3 name, 4 op_type, 5 attribute
 * AttributeProto: see {@link OnnxAttribute}
 * TensorProto:    1 dims, 2 data_type, 8 name, 9 raw_data (little-endian)
 * ValueInfoProto: 1 name, 2 type;  TypeProto: 1 tensor_type;  TypeProto.Tensor: 1 elem_type, 2 shape
 * TensorShapeProto: 1 dim;  Dimension: 1 dim_value, 2 dim_param
 * OperatorSetIdProto: 1 domain, 2 version;  StringStringEntryProto: 1 key, 2 value
 * </pre>
 * Encoding with the library rather than generated classes keeps the build free of a protoc step: the subset is
 * small, and every nested message is written to its own buffer and then embedded as a length-delimited field.
 */
final class OnnxProto {
    private OnnxProto() {}

    /** ONNX element types (TensorProto.DataType). */
    static final int FLOAT = 1, UINT8 = 2, INT8 = 3, INT32 = 6, INT64 = 7;
    
    /** One protobuf message under construction. */
    static final class Message {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

        Message int64(int field, long v) {
            try { out.writeInt64(field, v); } catch (IOException e) { throw new UncheckedIOException(e); }
            return this;
        }

        Message float32(int field, float v) {
            try { out.writeFloat(field, v); } catch (IOException e) { throw new UncheckedIOException(e); }
            return this;
        }

        Message string(int field, String v) {
            try { out.writeString(field, v); } catch (IOException e) { throw new UncheckedIOException(e); }
            return this;
        }

        Message bytes(int field, byte[] v) {
            try { out.writeByteArray(field, v); } catch (IOException e) { throw new UncheckedIOException(e); }
            return this;
        }

        Message message(int field, Message m) {
            try { out.writeByteArray(field, m.toByteArray()); } catch (IOException e) { throw new UncheckedIOException(e); }
            return this;
        }

        byte[] toByteArray() {
            try { out.flush(); } catch (IOException e) { throw new UncheckedIOException(e); }
            return bytes.toByteArray();
        }
    }

    /** A node: one operator with its inputs, outputs and attributes. */
    record Node(String name, String op, List<String> inputs, List<String> outputs, List<OnnxAttribute> attributes) {
        Message encode() {
            Message m = new Message();
            for (String i : inputs) m.string(1, i);
            for (String o : outputs) m.string(2, o);
            m.string(3, name).string(4, op);
            for (OnnxAttribute a : attributes) m.message(5, a.encode());
            return m;
        }
    }

    /** An initializer: a named constant tensor, its bytes little-endian. */
    record Initializer(String name, int type, long[] dims, byte[] raw) {
        Message encode() {
            Message m = new Message();
            for (long d : dims) m.int64(1, d);
            return m.int64(2, type).string(8, name).bytes(9, raw);
        }
    }

    /** A graph input or output: a name, an element type and a shape (String entries are symbolic; null: unknown rank). */
    record ValueInfo(String name, int type, List<Object> dims) {
        Message encode() {
            Message tensor = new Message().int64(1, type);
            if (dims != null) {
                Message shape = new Message();
                for (Object d : dims) {
                    shape.message(1, d instanceof String s ? new Message().string(2, s) : new Message().int64(1, ((Number) d).longValue()));
                }
                tensor.message(2, shape);
            }
            return new Message().string(1, name).message(2, new Message().message(1, tensor));
        }
    }

    /** The whole file: ModelProto with one graph, the default-domain opset and the metadata entries. */
    static byte[] model(String producer, String producerVersion, String docString, int irVersion, int opset,
                        String graphName, List<Node> nodes, List<Initializer> initializers,
                        List<ValueInfo> inputs, List<ValueInfo> outputs, Map<String, String> metadata) {
        Message g = new Message();
        for (Node n : nodes) g.message(1, n.encode());
        g.string(2, graphName);
        for (Initializer t : initializers) g.message(5, t.encode());
        for (ValueInfo v : inputs) g.message(11, v.encode());
        for (ValueInfo v : outputs) g.message(12, v.encode());
        Message m = new Message().int64(1, irVersion).string(2, producer).string(3, producerVersion).string(6, docString)
                .message(7, g).message(8, new Message().string(1, "").int64(2, opset));
        for (var e : metadata.entrySet()) m.message(14, new Message().string(1, e.getKey()).string(2, e.getValue()));
        return m.toByteArray();
    }
}
