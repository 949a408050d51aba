package org.maqd.deploy;

import org.maqd.run.CertificateRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maqd.model.NetworkAnalysis;

/**
 * What the folded model costs on a device, per op and in total: weight memory packed at ⌈log2 M_w⌉ bits per
 * weight, threshold/direction (or class-score multiplier) memory, the op's output activations in bytes (one
 * uint8 code each), multiply-accumulates per sample, and the accumulator width the trained weights need
 * (sign + bits of max Σ|w|·max input code; beside it the worst case for any weights of these states,
 * {@link NetworkAnalysis#accumulatorBits}). RAM for activations is what the C export allocates: two ping-pong
 * buffers of the largest activation (the input included) for a chain, one buffer per op for a graph. An add's
 * parameters are its int64 multipliers, offsets and thresholds.
 */
public record CostSummary(List<Row> rows, long weightBits, long modelBytes, long activationBytes, long macs) {

    public record Row(int layer, String kind, String weightStorage, long weights, int weightStates, long weightBits,
                      long paramBytes, long outputBytes, long macs, int accumulatorBits, int worstAccumulatorBits) {}

    public static CostSummary of(FoldedModel m) {
        List<Row> rows = new ArrayList<>();
        long bits = 0, bytes = 0, macs = 0;
        for (IntOp op : m.ops()) {
            long out = IntOp.size(op.outShape());
            if (op instanceof IntBlock b) {
                long w = b.weights().length, wb = w * b.weightBits();
                long extra = b.isOutput() ? 16L * b.outChannels() + 1
                        : (long) b.outChannels() * (4L * b.thresholdCount() + 1);
                long mac = (long) b.outChannels() * b.outShape()[1] * b.outShape()[2] * b.fanIn();
                long pb = (wb + 7) / 8 + extra;
                rows.add(new Row(op.layer(), b.kind(), b.int8() ? "int8" : "int16", w, b.weightStates(), wb, pb,
                        b.isOutput() ? 0 : out, mac, b.accumulatorBits(),
                        NetworkAnalysis.accumulatorBits(b.fanIn(), b.weightStates(), b.inStates())));
                bits += wb;
                bytes += pb;
                macs += mac;
            } else if (op instanceof IntAdd a) {
                long pb = 8L * (a.multipliers().length * (long) a.offsets().length + a.offsets().length + a.thresholds().length);
                rows.add(new Row(op.layer(), op.kind(), "int64", 0, 0, 0, pb, out, 0, 64, 64));
                bytes += pb;
            } else {
                rows.add(new Row(op.layer(), op.kind(), "-", 0, 0, 0, 0, out, 0, 0, 0));
            }
        }
        return new CostSummary(rows, bits, bytes, activationRam(m), macs);
    }

    /** Two ping-pong buffers of the largest activation for a chain; one buffer per op (int32 for raw blocks) for a graph. */
    static long activationRam(FoldedModel m) {
        if (m.isChain()) return 2L * m.maxActivations();
        long ram = 0;
        for (IntOp op : m.ops()) {
            if (op instanceof IntBlock b && b.isOutput()) continue;
            ram += (op instanceof IntBlock b && b.raw() ? 4L : 1L) * IntOp.size(op.outShape());
        }
        return ram;
    }

    /** A fixed-width table for the console. */
    public String table() {
        StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT,
                "%-5s %-8s %-7s %10s %6s %12s %12s %10s %12s %8s %10s%n", "layer", "kind", "storage", "weights", "states",
                "weight bits", "param bytes", "act bytes", "MACs", "acc bits", "worst case"));
        for (Row r : rows) {
            sb.append(String.format(java.util.Locale.ROOT, "%-5d %-8s %-7s %,10d %6s %,12d %,12d %,10d %,12d %8s %10s%n",
                    r.layer(), r.kind(), r.weightStorage(), r.weights(), r.weightStates() == 0 ? "-" : r.weightStates(),
                    r.weightBits(), r.paramBytes(), r.outputBytes(), r.macs(),
                    r.accumulatorBits() == 0 ? "-" : r.accumulatorBits(),
                    r.worstAccumulatorBits() == 0 ? "-" : r.worstAccumulatorBits()));
        }
        sb.append(String.format(java.util.Locale.ROOT,
                "total: model %,d bytes (weights %,d bits packed), activation RAM %,d bytes, %,d MACs per sample%n",
                modelBytes, weightBits, activationBytes, macs));
        return sb.toString();
    }

    /** The cost as {@code certificate.json} records it. */
    public CertificateRecord.Cost record() {
        List<CertificateRecord.CostRow> ls = new ArrayList<>();
        for (Row r : rows) {
            ls.add(new CertificateRecord.CostRow(r.layer(), r.kind(), r.weightStorage(), r.weights(), r.weightStates(),
                    r.weightBits(), r.paramBytes(), r.outputBytes(), r.macs(), r.accumulatorBits(), r.worstAccumulatorBits()));
        }
        return new CertificateRecord.Cost(ls, weightBits, modelBytes, activationBytes, macs);
    }
}
