package org.maqd.nn;

import org.maqd.tensor.Tensor;

/**
 * Mean softmax cross-entropy over the batch. {@link #forward} returns the mean loss and counts correct argmax
 * predictions; {@link #backward} returns dL/dlogits = (softmax − onehot)/B. Computed in double per row.
 */
public final class SoftmaxCrossEntropy {
    private Tensor grad;
    private int correct;
    private int[] predictions = new int[0];
    private double[] exps = new double[0];   // one row's exp(z − max)

    /** logits [B, K], labels[B] (first B entries used). */
    public double forward(Tensor logits, int[] labels) {
        int b = logits.dim(0), k = logits.dim(1);
        grad = Tensor.reuse(grad, b, k);
        if (predictions.length < b) predictions = new int[b];
        if (exps.length < k) exps = new double[k];
        double[] ex = exps;
        float[] z = logits.data, g = grad.data;
        double loss = 0;
        correct = 0;
        for (int r = 0; r < b; r++) {
            int o = r * k;
            double max = Double.NEGATIVE_INFINITY;
            int arg = 0;
            for (int j = 0; j < k; j++) {
                if (z[o + j] > max) { max = z[o + j]; arg = j; }
            }
            double sum = 0;
            for (int j = 0; j < k; j++) {
                double e = Math.exp(z[o + j] - max);   // each exponential once (the step's serial part)
                ex[j] = e;
                sum += e;
            }
            int y = labels[r];
            if (y < 0 || y >= k) throw new IllegalArgumentException("label " + y + " outside [0, " + k + ")");
            loss += Math.log(sum) - (z[o + y] - max);
            for (int j = 0; j < k; j++) {
                double pj = ex[j] / sum;
                g[o + j] = (float) ((pj - (j == y ? 1 : 0)) / b);
            }
            predictions[r] = arg;
            if (arg == y) correct++;
        }
        return loss / b;
    }

    public int correct() { return correct; }

    /** Argmax predictions of the last forward (first B entries valid). */
    public int[] predictions() { return predictions; }

    public Tensor backward() { return grad; }
}
