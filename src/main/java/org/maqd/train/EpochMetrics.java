package org.maqd.train;

/** End of an epoch (1-based): train metrics averaged over the epoch, test metrics on the whole test set. */
public record EpochMetrics(int epoch, long step, double trainLoss, double trainAccuracy, double testLoss,
                           double testAccuracy, double learningRate, double seconds, double samplesPerSecond) {}
