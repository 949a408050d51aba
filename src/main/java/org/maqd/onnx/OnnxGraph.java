package org.maqd.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.maqd.onnx.OnnxProto.Initializer;
import org.maqd.onnx.OnnxProto.Node;

/**
 * The emission context of an ONNX export: collects nodes and initializers in order and gives every tensor a unique
 * name inside the current scope (the layer's state-dict path, e.g. {@code layers.1.op.weight}), so the graph reads
 * like the run's {@code model.safetensors} in a viewer.
 */
public final class OnnxGraph {
    private final List<Node> nodes = new ArrayList<>();
    private final List<Initializer> initializers = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final List<String> codes = new ArrayList<>();
    private String scope = "";

    /** Runs {@code body} with tensor names prefixed by {@code prefix} (appended to the current scope). */
    public <T> T scoped(String prefix, Supplier<T> body) {
        String saved = scope;
        scope = scope.isEmpty() ? prefix : scope + "." + prefix;
        try {
            return body.get();
        } finally {
            scope = saved;
        }
    }

    /** A name not used yet: the scope and the hint, with a numeric suffix when taken. */
    public String name(String hint) {
        String base = scope.isEmpty() ? hint : scope + "." + hint;
        String n = base;
        for (int i = 2; !names.add(n); i++) n = base + "_" + i;
        return n;
    }

    /** Adds one node with a single output named after {@code hint}; returns the output's name. */
    public String node(String op, String hint, List<String> inputs, OnnxAttribute... attributes) {
        String out = name(hint);
        nodes.add(new Node(out, op, List.copyOf(inputs), List.of(out), List.of(attributes)));
        return out;
    }

    public String floats(String hint, float[] v, long... dims) {
        ByteBuffer b = buffer(4L * v.length);
        for (float f : v) b.putFloat(f);
        return initializer(hint, OnnxProto.FLOAT, dims, b.array(), v.length);
    }

    public String int8s(String hint, byte[] v, long... dims) {
        return initializer(hint, OnnxProto.INT8, dims, v.clone(), v.length);
    }

    public String int64s(String hint, long[] v, long... dims) {
        ByteBuffer b = buffer(8L * v.length);
        for (long x : v) b.putLong(x);
        return initializer(hint, OnnxProto.INT64, dims, b.array(), v.length);
    }

    /** A float scalar (rank 0). */
    public String scalar(String hint, float v) { return floats(hint, new float[] {v}); }

    private String initializer(String hint, int type, long[] dims, byte[] raw, int count) {
        long n = Arrays.stream(dims).reduce(1, (a, b) -> a * b);
        if (n != count) throw new IllegalArgumentException(hint + ": " + count + " values for shape " + Arrays.toString(dims));
        String name = name(hint);
        initializers.add(new Initializer(name, type, dims.clone(), raw));
        return name;
    }

    private static ByteBuffer buffer(long bytes) {
        return ByteBuffer.allocate(Math.toIntExact(bytes)).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Renames the output of the node that produces {@code from} (the graph's last value becomes its output). */
    void renameOutput(String from, String to) {
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (n.outputs().contains(from)) {
                nodes.set(i, new Node(n.name(), n.op(), n.inputs(), n.outputs().stream().map(o -> o.equals(from) ? to : o).toList(),
                        n.attributes()));
                return;
            }
        }
        throw new IllegalStateException("no node produces " + from);
    }

    /** Records the tensor holding one activation quantizer's codes (in emission order), for code-level comparisons. */
    public void codes(String name) { codes.add(name); }

    /** The activation code tensors recorded so far, in emission order. */
    List<String> codes() { return List.copyOf(codes); }

    /** Reserves a name used by the graph itself (its input and output). */
    void reserve(String name) { names.add(name); }

    List<Node> nodes() { return List.copyOf(nodes); }
    List<Initializer> initializers() { return List.copyOf(initializers); }
}
