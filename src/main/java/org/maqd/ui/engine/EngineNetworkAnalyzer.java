package org.maqd.ui.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.maqd.deploy.Folder;
import org.maqd.model.LayerSpec;
import org.maqd.model.NetworkAnalysis;
import org.maqd.model.NetworkResolver;
import org.maqd.model.NetworkSpec;

/**
 * The composer's cost panel and shape checks through the engine's {@link NetworkAnalysis}; whether each layer can run
 * on the integer engine through {@link Folder#integerOnlyReason}.
 */
public final class EngineNetworkAnalyzer implements NetworkAnalyzer {
    static final String AFTER_ERROR = "no shape: an earlier layer cannot take its input";

    @Override
    public CostReport analyze(NetworkSpec spec) {
        NetworkAnalysis.Report r;
        try {
            r = NetworkAnalysis.analyze(spec);
        } catch (RuntimeException e) {
            // a spec the resolver itself refuses (e.g. an unknown layer type): every row carries the reason
            List<CostRow> rows = new ArrayList<>();
            int n = spec == null ? 0 : spec.all().size();
            for (int i = 0; i < n; i++) {
                LayerSpec l = spec.all().get(i);
                String t = l == null ? "?" : l.type(), id = spec.isGraph() ? (l == null ? null : l.id()) : "layers." + i;
                rows.add(new CostRow(i, t, 0, 0, "-", "?", i == 0 ? e.getMessage() : AFTER_ERROR, 0, 0, 0, 0, null, id));
            }
            return new CostReport(rows, 0, 0, 0, 0, e.getMessage());
        }
        // a graph that is not complete (e.g. a node not connected) has no shapes at all: the other rows name why
        boolean structural = r.firstError() != null && r.rows().stream().allMatch(x -> x.outShape() == null);
        List<LayerSpec> resolved = NetworkResolver.resolve(spec).all();
        List<CostRow> rows = new ArrayList<>();
        for (NetworkAnalysis.Row row : r.rows()) {
            int i = row.index();
            String notInt = i < resolved.size() ? Folder.integerOnlyReason(resolved.get(i), i == resolved.size() - 1) : null;
            String err = row.error();
            if (err == null && row.outShape() == null) err = structural ? "no shape until this is fixed: " + r.firstError() : AFTER_ERROR;
            String shape = row.outShape() == null ? "?" : Arrays.toString(row.outShape());
            rows.add(new CostRow(row.index(), row.type(), row.weightStates(), row.activationStates(),
                    row.norm() == null ? "-" : row.norm(), shape, err, row.params(), row.macs(), row.weightBits(),
                    row.accumulatorBits(), notInt, row.id()));
        }
        return new CostReport(rows, r.params(), r.weightBits(), r.fp32Bits(), r.macs(), r.firstError());
    }

    /** The run's own checks ({@link org.maqd.model.NetworkBuilder#checkFits}) on one sample of the data set. */
    @Override
    public String dataMismatch(org.maqd.experiment.Experiment e, java.nio.file.Path baseDir) {
        if (e == null || e.network() == null) return null;
        NetworkSpec resolved;
        try {
            resolved = NetworkResolver.resolve(e.network());
        } catch (RuntimeException ex) {
            return null; // the composer's rows already say why the network cannot be resolved
        }
        org.maqd.data.DataSplit data;
        try {
            org.maqd.data.DataSpec d = e.data();
            org.maqd.data.DataSpec one = d == null ? new org.maqd.data.DataSpec(null, null, 1, 1, null, null, null, null, null)
                    : d.withTrainLimit(1).withTestLimit(1);
            data = org.maqd.data.Datasets.load(one, baseDir);
        } catch (RuntimeException ex) {
            return "The data set cannot be read: " + ex.getMessage();
        }
        try {
            org.maqd.model.NetworkBuilder.checkFits(resolved, data.train().sampleShape(), data.train().classes());
            return null;
        } catch (org.maqd.model.SpecException ex) {
            return ex.getMessage();
        }
    }
}
