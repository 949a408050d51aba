package org.maqd.experiment.ptq;

/**
 * How much one layer loses to post-training quantization. {@code quantity} is {@link #WEIGHTS} (the layer's
 * weight tensor) or {@link #ACTIVATIONS} (its activation output, see {@link BlockwiseForward}).
 * {@code sqnrDb}: signal-to-quantization-noise ratio of this quantizer alone (weights: float vs quantized weights;
 * activations: the output before vs after its own quantizer, in the quantized network, over the test set);
 * {@code driftSqnrDb}: activations only, the quantized network's output at this point against the float
 * network's, i.e. every error up to here (NaN for weights). +∞ means no error (e.g. 0 states = kept float).
 */
public record PtqLayerError(String layer, String quantity, int states, double sqnrDb, double driftSqnrDb) {
    public static final String WEIGHTS = "weights", ACTIVATIONS = "activations";

    /** Sums Σx² and Σ(x − q)² over batches, for an SQNR of a whole data set. */
    static final class Sum {
        private double signal, noise;

        void add(float[] x, float[] q, int n) {
            for (int i = 0; i < n; i++) {
                double d = (double) x[i] - q[i];
                signal += (double) x[i] * x[i];
                noise += d * d;
            }
        }

        double sqnrDb() {
            if (noise == 0) return signal == 0 ? Double.NaN : Double.POSITIVE_INFINITY;
            return signal == 0 ? Double.NEGATIVE_INFINITY : 10 * Math.log10(signal / noise);
        }
    }
}
