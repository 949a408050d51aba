package org.maqd.train;

import java.util.List;

/** All layers' probes at one sample point, plus the time the probe itself took (monitoring overhead). */
public record ProbeSnapshot(long step, int epoch, List<LayerProbe> layers, double probeSeconds) {}
