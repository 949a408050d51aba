package org.maqd.run;

/**
 * One row of {@code layers.csv}: one quantized layer at one probe point. Quantities a layer does not have (a float
 * layer's steps, the flip rate of the first probe of a process) are null, written as an empty cell.
 */
public record LayerProbeRow(int epoch, long step, int layer, String name, String norm, int weightStates,
                            int activationStates, Double weightStep, Double activationStep, Double weightMse,
                            Double weightSqnrDb, Double activationMse, Double activationSqnrDb, Double flipRate,
                            Double firingRate, long[] weightOccupancy, long[] activationOccupancy,
                            float[] runningMean, float[] runningVar) {
    /** The one reader and writer of {@code layers.csv}. */
    public static final RowFile<LayerProbeRow> FILE = new RowFile<>(RunFiles.LAYERS, LayerProbeRow.class, LayerProbeRow::epoch);

    /** A measured quantity as a cell value: null (empty) when not a finite number (NaN = not measured). */
    public static Double cell(double v) { return Double.isFinite(v) ? v : null; }

    /** A cell as a number, NaN when empty. */
    public static double num(Double v) { return v == null ? Double.NaN : v; }
}
