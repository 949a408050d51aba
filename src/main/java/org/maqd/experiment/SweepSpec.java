package org.maqd.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A sweep over experiment fields: {@code grid} maps a field path (e.g. "network.defaults.norm",
 * "training.batchSize") to the values to try (full cross product); {@code seeds} runs each grid point with that
 * many seeds (seed, seed+1, ...).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SweepSpec(Map<String, List<Object>> grid, Integer seeds) {}
