package org.maqd.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maqd.model.AddBlock;
import org.maqd.model.Network;
import org.maqd.model.QuantBlock;
import org.maqd.nn.Layer;
import org.maqd.norm.Norm;
import org.maqd.quant.ActivationQuantizer;
import org.maqd.quant.QuantError;
import org.maqd.quant.WeightQuantizer;
import org.maqd.tensor.Tensor;

/**
 * Samples per-layer statistics after a training step, reading state only (so probing never changes the numbers):
 * latent-weight histogram, state occupancy and flip rate, quantization MSE/SQNR of weights and activations,
 * activation occupancy and firing rate, a spike raster, normalization running statistics.
 * One entry per quantized block and per {@code add} node (its Q_a after the sum: activation statistics only, no
 * weights, norm or flip rate), named {@code <node index>:<kind>} in a chain, {@code <node index>:<id>} in a graph.
 * A {@code concat} has no entry: it has no quantizer of its own and passes its inputs' codes on unchanged, and
 * those inputs are probed where they are made.
 */
public final class ProbeCollector implements Trainer.ProbeSampler {
    private static final int RASTER_COLS = 64;

    /** One probed node: a quantized block (weights, norm, Q_a) or an add (block null: its Q_a only). */
    private record Entry(String name, QuantBlock block, ActivationQuantizer act) {
        WeightQuantizer weights() { return block == null ? null : block.weights(); }
        Norm norm() { return block == null ? null : block.norm(); }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<byte[]> previousCodes = new ArrayList<>();
    private final int bins, rasterRows;

    public ProbeCollector(Network net, ProbeSpec spec) {
        this.bins = spec.histogramBins();
        this.rasterRows = spec.rasterSamples();
        List<Layer> layers = net.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            if (l instanceof QuantBlock q) entries.add(new Entry(net.probeName(i), q, q.activation()));
            else if (l instanceof AddBlock a) entries.add(new Entry(net.probeName(i), null, a.activation()));
        }
        for (int i = 0; i < entries.size(); i++) previousCodes.add(null);
    }

    /** The weight states seen at the last probe, per layer (as float tensors), for a checkpoint. */
    public Map<String, Tensor> codesState() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            byte[] c = previousCodes.get(i);
            if (c == null) continue;
            float[] f = new float[c.length];
            for (int k = 0; k < c.length; k++) f[k] = c[k] & 0xFF;
            m.put(entries.get(i).name(), new Tensor(f, c.length));
        }
        return m;
    }

    /** Restores {@link #codesState()} from a checkpoint, so the first flip rate after a resume is the one an uninterrupted run computes. */
    public void restoreCodes(Map<String, Tensor> state) {
        for (int i = 0; i < entries.size(); i++) {
            Tensor t = state.get(entries.get(i).name());
            if (t == null) continue;
            byte[] c = new byte[t.size()];
            for (int k = 0; k < c.length; k++) c[k] = (byte) (int) t.data[k];
            previousCodes.set(i, c);
        }
    }

    public List<String> layerNames() {
        return entries.stream().map(Entry::name).toList();
    }

    @Override
    public ProbeSnapshot sample(long step, int epoch, Tensor probeInput) {
        long t0 = System.nanoTime();
        List<LayerProbe> out = new ArrayList<>(entries.size());
        List<LayerValues> values = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            out.add(probe(i, entries.get(i)));
            values.add(values(entries.get(i)));
        }
        return new ProbeSnapshot(step, epoch, out, (System.nanoTime() - t0) / 1e9, values);
    }

    /** Every block's values (see {@link #values(Entry)}), e.g. after an evaluation forward of a loaded model. */
    public List<LayerValues> values() {
        return entries.stream().map(ProbeCollector::values).toList();
    }

    /** Copies of what the block's quantizers saw: Ŵ (or the latent weights) and Q_a's last input. */
    private static LayerValues values(Entry e) {
        WeightQuantizer wq = e.weights();
        Tensor w = wq == null || wq.standardized() == null ? null : wq.standardized().copy();
        Tensor x = e.act() == null || e.act().lastInput() == null ? null : e.act().lastInput().copy();
        return new LayerValues(e.name(), w, x);
    }

    private LayerProbe probe(int index, Entry e) {
        WeightQuantizer wq = e.weights();
        Norm norm = e.norm();
        ActivationQuantizer act = e.act();
        int ws = wq == null ? 0 : wq.states();
        float[] hist = new float[0];
        long[] occ = new long[0];
        double hMin = Double.NaN, hMax = Double.NaN, flip = Double.NaN, wMse = Double.NaN, wSqnr = Double.NaN;
        double wStep = Double.NaN;
        if (wq != null && wq.standardized() != null) {
            float[] w = wq.standardized().data;
            if (ws > 0) {
                wStep = wq.step();
                double edge = Math.max(4.0, 1.25 * wStep * ws / 2);
                hMin = -edge;
                hMax = edge;
                byte[] codes = wq.codes();
                occ = new long[ws];
                for (byte c : codes) occ[c & 0xFF]++;
                byte[] prev = previousCodes.get(index);
                if (prev != null && prev.length == codes.length) {
                    long changed = 0;
                    for (int i = 0; i < codes.length; i++) if (codes[i] != prev[i]) changed++;
                    flip = (double) changed / codes.length;
                }
                previousCodes.set(index, codes.clone());
                QuantError.Result err = QuantError.of(w, wq.quantized().data);
                wMse = err.mse();
                wSqnr = err.sqnrDb();
            } else {
                double[] mm = Stats.minMax(w);
                hMin = mm[0];
                hMax = mm[1];
            }
            hist = Stats.histogram(w, w.length, hMin, hMax, bins);
        }
        int as = act == null ? 0 : act.states();
        double aStep = Double.NaN, aMse = Double.NaN, aSqnr = Double.NaN, firing = Double.NaN, aMin = Double.NaN, aMax = Double.NaN;
        float[] aHist = new float[0];
        long[] aOcc = new long[0];
        byte[] raster = new byte[0];
        int rows = 0, cols = 0;
        if (act != null && act.lastInput() != null && act.lastOutput() != null) {
            Tensor x = act.lastInput(), y = act.lastOutput();
            int n = x.size();
            firing = Stats.nonZeroFraction(y.data, n);
            if (as > 0) {
                aStep = act.lastStep();
                double[] err = Stats.reluError(x.data, y.data, n);
                aMse = err[0];
                aSqnr = err[1];
                aOcc = new long[as];
                byte[] codes = act.lastCodes();
                for (int i = 0; i < n; i++) aOcc[codes[i] & 0xFF]++;
                aMin = -aStep;
                aMax = aStep * as;
            } else {
                double[] mm = Stats.minMax(x.data);
                aMin = mm[0];
                aMax = mm[1];
            }
            aHist = Stats.histogram(x.data, n, aMin, aMax, bins);
            int b = x.dim(0), per = x.perItem();
            rows = Math.min(rasterRows, b);
            cols = Math.min(RASTER_COLS, per);
            raster = new byte[rows * cols];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    // units spread evenly over the layer: a convolution's first outputs are one channel's top border
                    float v = y.data[r * per + (int) ((long) c * per / cols)];
                    raster[r * cols + c] = (byte) (as > 0 ? Math.round(v / aStep) : (v > 0 ? 1 : 0));
                }
            }
        }
        float[] rm = norm == null ? new float[0] : norm.runningMean();
        float[] rv = norm == null ? new float[0] : norm.runningVar();
        return new LayerProbe(index, e.name(), norm == null ? "none" : norm.kind(), ws, as, wStep, aStep, hist, hMin,
                hMax, occ, flip, wMse, wSqnr, aMse, aSqnr, aHist, aMin, aMax, aOcc, firing, rows, cols, raster, rm, rv);
    }
}
