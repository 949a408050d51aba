package org.maqd.train;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Optimization settings. optimizer: sgd | adam | adamw. schedule: constant | step | cosine (with
 * {@code warmupEpochs} of linear warm-up). step: multiply by {@code stepGamma} every {@code stepEvery} epochs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingSpec(
        String optimizer,
        Double learningRate,
        Double momentum,
        Double weightDecay,
        Double beta1,
        Double beta2,
        String schedule,
        Double warmupEpochs,
        Integer stepEvery,
        Double stepGamma,
        Integer epochs,
        Integer batchSize) {

    public TrainingSpec withEpochs(Integer v) { return new TrainingSpec(optimizer, learningRate, momentum, weightDecay, beta1, beta2, schedule, warmupEpochs, stepEvery, stepGamma, v, batchSize); }
    public TrainingSpec withBatchSize(Integer v) { return new TrainingSpec(optimizer, learningRate, momentum, weightDecay, beta1, beta2, schedule, warmupEpochs, stepEvery, stepGamma, epochs, v); }
    public TrainingSpec withLearningRate(Double v) { return new TrainingSpec(optimizer, v, momentum, weightDecay, beta1, beta2, schedule, warmupEpochs, stepEvery, stepGamma, epochs, batchSize); }
    public TrainingSpec withOptimizer(String v) { return new TrainingSpec(v, learningRate, momentum, weightDecay, beta1, beta2, schedule, warmupEpochs, stepEvery, stepGamma, epochs, batchSize); }
    public TrainingSpec withSchedule(String v) { return new TrainingSpec(optimizer, learningRate, momentum, weightDecay, beta1, beta2, v, warmupEpochs, stepEvery, stepGamma, epochs, batchSize); }
}
