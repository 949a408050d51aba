package org.maqd.experiment;

import org.maqd.train.ProbeSpec;
import org.maqd.train.TrainingSpec;
import org.maqd.data.DataSpec;
import java.util.List;
import org.maqd.model.NetworkResolver;

/**
 * Fills every unset field with its documented default, so that the experiment saved with a run says exactly
 * what ran. Defaults: seed 0; threads = available processors; data mnist-10k (idx, all samples, no
 * augmentation; when on, crop padding and flip default by image size, see Augmentation); adam, lr 1e-3, momentum 0.9, weight decay 0, betas 0.9/0.999, cosine schedule without
 * warm-up, step schedule every 10 epochs ×0.1, 5 epochs, batch 64; probes on, every 50 steps, 64 bins,
 * 8 raster samples.
 */
public final class ExperimentDefaults {
    private ExperimentDefaults() {}

    public static Experiment resolve(Experiment e) {
        DataSpec d = e.data() == null ? new DataSpec(null, null, null, null, null, null, null, null, null) : e.data();
        d = new DataSpec(or(d.dataset(), "mnist-10k"), or(d.format(), "idx"), or(d.trainLimit(), 0),
                or(d.testLimit(), 0), or(d.augment(), false), d.cropPadding(), d.flip(),
                or(d.toySamples(), 2000), or(d.toyNoise(), 0.1), d.sha256());
        TrainingSpec t = e.training() == null
                ? new TrainingSpec(null, null, null, null, null, null, null, null, null, null, null, null) : e.training();
        t = new TrainingSpec(or(t.optimizer(), "adam"), or(t.learningRate(), 1e-3), or(t.momentum(), 0.9),
                or(t.weightDecay(), 0.0), or(t.beta1(), 0.9), or(t.beta2(), 0.999), or(t.schedule(), "cosine"),
                or(t.warmupEpochs(), 0.0), or(t.stepEvery(), 10), or(t.stepGamma(), 0.1), or(t.epochs(), 5),
                or(t.batchSize(), 64));
        ProbeSpec p = e.probes() == null ? new ProbeSpec(null, null, null, null) : e.probes();
        p = new ProbeSpec(or(p.enabled(), true), or(p.everySteps(), 50), or(p.histogramBins(), 64),
                or(p.rasterSamples(), 8));
        int threads = e.threads() != null ? e.threads() : Math.max(1, Runtime.getRuntime().availableProcessors());
        return new Experiment(or(e.description(), ""), or(e.name(), "experiment"), or(e.seed(), 0L), threads, d,
                NetworkResolver.resolve(e.network()), t, p, e.locks() == null ? List.of() : e.locks(), e.sweep());
    }

    static <T> T or(T v, T def) { return v != null ? v : def; }
}
