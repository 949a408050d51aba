package org.maqd.experiment.ptq;

/**
 * One post-training quantization evaluation: the activation calibration {@code method} (minmax, percentile, mse
 * or dynamic), the number of states, the weight calibration, test accuracy and loss, and the float model's
 * accuracy on the same test set for reference. {@code seconds} covers calibration and evaluation.
 */
public record PtqResult(String method, int states, String weightCalibration, boolean perChannel,
                        double testAccuracy, double testLoss, double floatTestAccuracy, double seconds,
                        double samplesPerSecond) {}
