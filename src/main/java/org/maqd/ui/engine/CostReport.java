package org.maqd.ui.engine;

import java.util.List;

/** A whole network's analysis: per-layer rows and totals (bits at the chosen states vs 32-bit floats). */
public record CostReport(List<CostRow> rows, long params, long bits, long fp32Bits, long macs) {
    public CostReport {
        rows = List.copyOf(rows);
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
