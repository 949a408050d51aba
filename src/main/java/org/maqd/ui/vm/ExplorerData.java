package org.maqd.ui.vm;

import java.util.List;
import org.maqd.tensor.Tensor;

/**
 * What the quantizer explorer quantizes: one layer's weights ({@code [out, ...]}, one batch) or the activation
 * input of its last batches ({@code [B, C, ...]} each, oldest first), from a live run or a run folder.
 */
public record ExplorerData(String layer, boolean weights, List<Tensor> batches) {
    public ExplorerData {
        if (batches == null || batches.isEmpty()) throw new IllegalArgumentException("explorer data: no values for " + layer);
        batches = List.copyOf(batches);
    }

    /** "weights of 1:linear" or "activations of 1:linear (4 batches)". */
    public String describe() {
        return (weights ? "weights of " : "activations of ") + layer
                + (batches.size() > 1 ? " (" + batches.size() + " batches)" : "");
    }
}
