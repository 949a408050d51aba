package org.maqd.ui.vm;

import org.maqd.experiment.Experiment;
import org.maqd.experiment.ExperimentDefaults;
import org.maqd.model.MemoryEstimate;
import org.maqd.train.JitWarmup;

/**
 * The memory a document's network needs to train at its batch size, by the {@link MemoryEstimate} a run checks before
 * it starts (with the warm-up's second copy when the warm-up is on), against the heap this process has free: the
 * composer shows it under the network, so a network that will be refused says so while it is composed.
 */
public record MemoryNote(String text, boolean tooLarge) {
    /** The note for {@code e} with {@code availableBytes} of heap free; empty when the network cannot be analyzed. */
    public static MemoryNote of(Experiment e, long availableBytes) {
        try {
            int batch = ExperimentDefaults.resolve(e).training().batchSize();
            MemoryEstimate.Estimate m = MemoryEstimate.of(e.network(), batch, JitWarmup.enabled() ? 2 : 1);
            boolean over = m.bytes() > availableBytes;
            String text = String.format("training needs about %s at batch size %d%s", MemoryEstimate.human(m.bytes()), batch,
                    over ? ", more than the " + MemoryEstimate.human(availableBytes) + " the Java heap has free: Train will "
                            + "refuse it (make " + m.largest().where() + " smaller, use a smaller batch or give Java more memory)"
                            : " (" + MemoryEstimate.human(availableBytes) + " free)");
            return new MemoryNote(text, over);
        } catch (RuntimeException ex) {
            return new MemoryNote("", false);
        }
    }
}
