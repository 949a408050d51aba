package org.maqd.deploy;

import java.util.List;

/**
 * C for the merge ops of a graph: each add gets its tables (int64 multipliers per input and channel, offsets,
 * thresholds) and a function {@code addN} that sums its inputs at one fixed-point scale and requantizes; a concat
 * copies its inputs one after another.
 */
final class CMerges {
    private CMerges() {}

    private static String buffer(int src, List<IntOp> ops) {
        return ops.get(src) instanceof IntBlock b && b.raw() ? "R" + src : "A" + src;
    }

    static String args(int i, int[] src, List<IntOp> ops) {
        StringBuilder sb = new StringBuilder();
        for (int s : src) sb.append(buffer(s, ops)).append(", ");
        return sb.append("A").append(i).toString();
    }

    static void addTables(StringBuilder sb, int i, IntAdd a, int[] src, List<IntOp> ops) {
        int channels = a.outShape()[0], per = a.outShape()[1] * a.outShape()[2];
        sb.append("/* node ").append(a.layer()).append(" (add): inputs at the fixed-point scale 2^-").append(a.shift()).append(" */\n");
        for (int k = 0; k < src.length; k++) longs(sb, "M" + i + "_" + k, a.multipliers()[k]);
        longs(sb, "O" + i, a.offsets());
        longs(sb, "T" + i, a.thresholds());
        sb.append("static void add").append(i).append('(');
        for (int k = 0; k < src.length; k++) sb.append(a.raw()[k] ? "const int32_t *x" : "const uint8_t *x").append(k).append(", ");
        sb.append("uint8_t *out)\n{\n    int c, q;\n    for (c = 0; c < ").append(channels).append("; c++) {\n")
          .append("        for (q = c * ").append(per).append("; q < (c + 1) * ").append(per).append("; q++) {\n")
          .append("            int64_t s = O").append(i).append("[c]");
        for (int k = 0; k < src.length; k++) sb.append("\n                + M").append(i).append('_').append(k).append("[c] * (int64_t)x").append(k).append("[q]");
        sb.append(";\n            out[q] = requant(s, T").append(i).append(", ").append(a.thresholds().length).append(");\n")
          .append("        }\n    }\n}\n\n");
    }

    private static void longs(StringBuilder sb, String name, long[] v) {
        sb.append("static const int64_t ").append(name).append('[').append(Math.max(1, v.length)).append("] = {");
        for (int j = 0; j < v.length; j++) sb.append(j % 4 == 0 ? "\n    " : "").append("INT64_C(").append(v[j]).append(j + 1 < v.length ? "), " : ")");
        sb.append("\n};\n");
    }

    static void concat(StringBuilder sb, IntConcat c, int[] src, String out) {
        int per = c.outShape()[1] * c.outShape()[2], at = 0;
        for (int k = 0; k < src.length; k++) {
            int n = c.channels()[k] * per;
            sb.append(String.format("    { int q; for (q = 0; q < %d; q++) %s[%d + q] = A%d[q]; }%n", n, out, at, src[k]));
            at += n;
        }
    }
}
