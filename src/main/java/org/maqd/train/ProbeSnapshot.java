package org.maqd.train;

import java.util.List;

/**
 * All layers' probes at one sample point, plus the time the probe itself took (monitoring overhead). {@code values}
 * holds each layer's raw quantizer inputs (empty when not captured); a listener that keeps snapshots keeps
 * {@link #withoutValues()}.
 */
public record ProbeSnapshot(long step, int epoch, List<LayerProbe> layers, double probeSeconds, List<LayerValues> values) {
    public ProbeSnapshot {
        layers = List.copyOf(layers);
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** A snapshot without raw values. */
    public ProbeSnapshot(long step, int epoch, List<LayerProbe> layers, double probeSeconds) {
        this(step, epoch, layers, probeSeconds, List.of());
    }

    /** The same snapshot with the raw values dropped (small enough to keep for the whole run). */
    public ProbeSnapshot withoutValues() {
        return values.isEmpty() ? this : new ProbeSnapshot(step, epoch, layers, probeSeconds, List.of());
    }
}
