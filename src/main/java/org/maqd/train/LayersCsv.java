package org.maqd.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.maqd.run.HistogramRow;
import org.maqd.run.LayerProbeRow;

/**
 * Appends the probes to the run's {@code layers.csv} (one {@link LayerProbeRow} per quantized layer per probe
 * point) and {@code histograms.csv} (one {@link HistogramRow} per layer, kind and probe point). On start (and
 * resume) rows after the checkpoint's epoch are dropped, atomically.
 */
public final class LayersCsv implements TrainingListener {
    private final Path runDir;

    public LayersCsv(Path runDir) { this.runDir = runDir; }

    @Override
    public void onStart(RunInfo info) {
        LayerProbeRow.FILE.truncateAfterEpoch(runDir, info.startEpoch());
        HistogramRow.FILE.truncateAfterEpoch(runDir, info.startEpoch());
    }

    @Override
    public void onProbe(ProbeSnapshot s) {
        List<LayerProbeRow> rows = new ArrayList<>();
        List<HistogramRow> hists = new ArrayList<>();
        for (LayerProbe p : s.layers()) {
            rows.add(new LayerProbeRow(s.epoch(), s.step(), p.index(), p.name(), p.norm(), p.weightStates(), p.activationStates(),
                    LayerProbeRow.cell(p.weightStep()), LayerProbeRow.cell(p.activationStep()), LayerProbeRow.cell(p.weightMse()),
                    LayerProbeRow.cell(p.weightSqnrDb()), LayerProbeRow.cell(p.activationMse()), LayerProbeRow.cell(p.activationSqnrDb()),
                    LayerProbeRow.cell(p.flipRate()), LayerProbeRow.cell(p.firingRate()), p.weightOccupancy(), p.activationOccupancy(),
                    p.runningMean(), p.runningVar()));
            if (p.latentHistogram().length > 0) {
                hists.add(new HistogramRow(s.epoch(), s.step(), p.index(), "weight", p.histMin(), p.histMax(), counts(p.latentHistogram())));
            }
            if (p.activationHistogram().length > 0) {
                hists.add(new HistogramRow(s.epoch(), s.step(), p.index(), "activation", p.actMin(), p.actMax(), counts(p.activationHistogram())));
            }
        }
        LayerProbeRow.FILE.append(runDir, rows);
        HistogramRow.FILE.append(runDir, hists);
    }

    static long[] counts(float[] h) {
        long[] c = new long[h.length];
        for (int i = 0; i < h.length; i++) c[i] = Math.round(h[i]);
        return c;
    }
}
