package org.maqd.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Merges of two or more values: the residual sum ({@code Add}) and channel concatenation ({@code Concat}, axis 1). */
final class MergeEmitters {
    private MergeEmitters() {}

    static OnnxValue add(List<OnnxValue> inputs, OnnxGraph g) {
        OnnxValue acc = inputs.get(0);
        for (int i = 1; i < inputs.size(); i++) {
            OnnxValue b = inputs.get(i);
            if (!Arrays.equals(acc.shape(), b.shape())) {
                throw new OnnxExportException("add: inputs " + Arrays.toString(acc.shape()) + " and " + Arrays.toString(b.shape()) + " differ");
            }
            acc = new OnnxValue(g.node("Add", "sum", List.of(acc.name(), b.name())), acc.shape());
        }
        return acc;
    }

    static OnnxValue concat(List<OnnxValue> inputs, OnnxGraph g) {
        int[] shape = inputs.get(0).shape();
        List<String> names = new ArrayList<>();
        for (OnnxValue v : inputs) {
            int[] s = v.shape();
            if (s.length != shape.length || !Arrays.equals(Arrays.copyOfRange(s, 1, s.length), Arrays.copyOfRange(shape, 1, shape.length))) {
                throw new OnnxExportException("concat: inputs " + Arrays.toString(shape) + " and " + Arrays.toString(s) + " differ beyond the channels");
            }
            names.add(v.name());
        }
        shape[0] = inputs.stream().mapToInt(v -> v.shape()[0]).sum();
        return new OnnxValue(g.node("Concat", "concat", names, OnnxAttribute.integer("axis", 1)), shape);
    }
}
