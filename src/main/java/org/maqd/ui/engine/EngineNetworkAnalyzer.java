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
                String t = spec.all().get(i) == null ? "?" : spec.all().get(i).type();
                rows.add(new CostRow(i, t, 0, 0, "-", "?", i == 0 ? e.getMessage() : AFTER_ERROR, 0, 0, 0, 0, null));
            }
            return new CostReport(rows, 0, 0, 0, 0);
        }
        List<LayerSpec> resolved = NetworkResolver.resolve(spec).all();
        List<CostRow> rows = new ArrayList<>();
        for (NetworkAnalysis.Row row : r.rows()) {
            int i = row.index();
            String notInt = i < resolved.size() ? Folder.integerOnlyReason(resolved.get(i), i == resolved.size() - 1) : null;
            String err = row.error();
            if (err == null && row.outShape() == null) err = AFTER_ERROR;
            String shape = row.outShape() == null ? "?" : Arrays.toString(row.outShape());
            rows.add(new CostRow(row.index(), row.type(), row.weightStates(), row.activationStates(),
                    row.norm() == null ? "-" : row.norm(), shape, err, row.params(), row.macs(), row.weightBits(),
                    row.accumulatorBits(), notInt));
        }
        return new CostReport(rows, r.params(), r.weightBits(), r.fp32Bits(), r.macs());
    }
}
