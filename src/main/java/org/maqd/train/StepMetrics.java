package org.maqd.train;

/** One optimizer step: loss and accuracy on its batch, the learning rate used, throughput so far this epoch. */
public record StepMetrics(long step, int epoch, int batchInEpoch, int batchesPerEpoch, double loss, double accuracy,
                          double learningRate, double samplesPerSecond) {}
