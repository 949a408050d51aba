package org.maqd.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A sweep over experiment fields. {@code grid} maps a field path (e.g. "network.defaults.norm",
 * "training.batchSize", "network.layers[2].weightStates") to the values to try (full cross product);
 * {@code list} is an optional list of explicit trials, each a map from field path to value (every list entry is
 * combined with every grid point); {@code seeds} runs each trial with that many seeds (seed, seed+1, ...);
 * {@code ptq}, when present, evaluates post-training quantization of every float trial (qat-vs-ptq).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SweepSpec(Map<String, List<Object>> grid, Integer seeds, List<Map<String, Object>> list, PtqSpec ptq) {
    public SweepSpec(Map<String, List<Object>> grid, Integer seeds) { this(grid, seeds, null, null); }
}
