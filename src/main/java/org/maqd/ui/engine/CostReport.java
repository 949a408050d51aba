package org.maqd.ui.engine;

import java.util.List;

/**
 * A whole network's analysis: per-layer rows and totals (bits at the chosen states vs 32-bit floats); {@code problem}
 * is the engine's own sentence for why the network cannot be built, naming the node or layer (null when it can).
 */
public record CostReport(List<CostRow> rows, long params, long bits, long fp32Bits, long macs, String problem) {
    public CostReport {
        rows = List.copyOf(rows);
    }

    /** A report whose problem, if any, is the first row's that cannot take its input. */
    public CostReport(List<CostRow> rows, long params, long bits, long fp32Bits, long macs) {
        this(rows, params, bits, fp32Bits, macs, null);
    }

    /** Why the network cannot be built ("node x (type): …" or "layer i (type): …"), or null when it can. */
    public String why() {
        if (problem != null) return problem;
        for (CostRow r : rows) {
            if (!r.ok()) {
                String where = r.id() == null || r.id().startsWith("layers.") ? "layer " + r.index() : "node " + r.id();
                return where + " (" + r.type() + "): " + r.error();
            }
        }
        return null;
    }

    /** The first layer that cannot take its input, or -1. */
    public int firstError() {
        for (CostRow r : rows) {
            if (!r.ok()) return r.index();
        }
        return -1;
    }

    /** "layer i (type) reason" for the first layer that is not integer-only, or null when every layer is. */
    public String notIntegerOnly() {
        for (CostRow r : rows) {
            if (!r.integerOnly()) return "layer " + r.index() + " (" + r.type() + ") " + r.notIntegerOnly();
        }
        return null;
    }

    public double compression() { return bits == 0 ? 0 : (double) fp32Bits / bits; }
}
