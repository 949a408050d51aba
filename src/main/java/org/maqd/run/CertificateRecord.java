package org.maqd.run;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code certificate.json}: the equivalence certificate of the float fake-quant model and the integer engine on
 * the test set, the accumulator width it was computed with, and the deployed model's cost.
 */
public record CertificateRecord(boolean integerOnly, int samples, int identicalPredictions,
                                double identicalPredictionsPercent, double goalPercent, boolean pass,
                                double floatAccuracy, double integerAccuracy, List<Layer> layers,
                                String firstDivergence, double outputScoreErrorBound, int samplesWithinOutputBound,
                                Integer accumulatorBits, Cost cost) {
    /** Agreement of one layer's activation codes. */
    public record Layer(int layer, String kind, long activationCodes, long identicalCodes,
                        double identicalCodesPercent, long saturations) {}

    /** The deployed model's cost, per layer and in total. */
    public record Cost(List<CostRow> layers, long weightBitsPacked, long modelBytes, long activationRamBytes,
                       long macsPerSample) {}

    public record CostRow(int layer, String kind, String weightStorage, long weights, int weightStates,
                          long weightBitsPacked, long paramBytes, long outputActivationBytes, long macs,
                          int accumulatorBits, int worstCaseAccumulatorBits) {}

    /** Reads {@code dir/certificate.json}; null when the run has none. */
    public static CertificateRecord read(Path dir) { return Json.read(dir.resolve(RunFiles.CERTIFICATE), CertificateRecord.class); }

    /** The certificate as the JSON object it is written as (snake-case keys), for views that show its fields. */
    @SuppressWarnings("unchecked")
    public java.util.Map<String, Object> toMap() { return Json.MAPPER.convertValue(this, java.util.LinkedHashMap.class); }

    /** Writes {@code dir/certificate.json} atomically. */
    public void write(Path dir) { Json.write(dir.resolve(RunFiles.CERTIFICATE), this); }
}
