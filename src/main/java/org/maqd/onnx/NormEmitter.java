package org.maqd.onnx;

import java.util.List;
import org.maqd.norm.FoldableNorm;
import org.maqd.norm.GroupNorm;
import org.maqd.norm.Norm;

/**
 * A normalization at inference (method.md §7). LBN and BN use their running statistics, so they fold into one
 * per-channel affine map {@code y = scale_c·x + shift_c} ({@link FoldableNorm}): a {@code Mul} and an {@code Add},
 * computed in the same order as the workbench. LN and GN compute statistics per sample at inference as well:
 * Reshape to {@code [N, G, -1]}, mean and variance with {@code ReduceMean}, {@code (x − μ)/sqrt(σ² + ε)}, Reshape
 * back, then γ and β per channel.
 */
final class NormEmitter {
    private NormEmitter() {}

    static OnnxValue emit(Norm norm, OnnxValue x, OnnxGraph g) {
        long[] perChannel = perChannel(x);
        if (norm instanceof FoldableNorm f) {
            String scaled = g.node("Mul", "scaled", List.of(x.name(), g.floats("scale", f.inferenceScale(), perChannel)));
            return new OnnxValue(g.node("Add", "out", List.of(scaled, g.floats("shift", f.inferenceShift(), perChannel))), x.shape());
        }
        int groups = norm instanceof GroupNorm gn ? gn.groups() : 1;
        String grouped = g.node("Reshape", "grouped", List.of(x.name(), g.int64s("group_shape", new long[] {0, groups, -1}, 3)));
        OnnxAttribute axis = OnnxAttribute.ints("axes", 2);
        String mean = g.node("ReduceMean", "mean", List.of(grouped), axis);
        String centred = g.node("Sub", "centred", List.of(grouped, mean));
        String var = g.node("ReduceMean", "var", List.of(g.node("Mul", "squares", List.of(centred, centred))), axis);
        String std = g.node("Sqrt", "std", List.of(g.node("Add", "var_eps", List.of(var, g.scalar("eps", Norm.EPS)))));
        String normalized = g.node("Div", "normalized", List.of(centred, std));
        long[] back = new long[x.rank() + 1];
        for (int i = 0; i < x.rank(); i++) back[i + 1] = x.shape()[i];
        String unflat = g.node("Reshape", "normalized_nchw", List.of(normalized, g.int64s("shape", back, back.length)));
        String scaled = g.node("Mul", "scaled", List.of(unflat, g.floats("weight", norm.weight().value.data.clone(), perChannel)));
        return new OnnxValue(g.node("Add", "out", List.of(scaled, g.floats("bias", norm.bias().value.data.clone(), perChannel))), x.shape());
    }

    /** {@code [C, 1, 1]} for feature maps, {@code [C]} for flat features: broadcasts over the batch and the plane. */
    static long[] perChannel(OnnxValue x) {
        long[] d = new long[x.rank()];
        java.util.Arrays.fill(d, 1);
        d[0] = x.shape()[0];
        return d;
    }
}
