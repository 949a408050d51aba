package org.maqd.sweep;

import java.util.Map;
import org.maqd.experiment.Experiment;

/**
 * One trial of a sweep: a readable {@code id} (also its folder name under {@code trials/}), the values the sweep
 * assigned (field path → value, in declaration order), its seed, the experiment it runs (a normal experiment,
 * without a sweep block), the resolved values of every swept field (for the tables), and whether it trains a
 * float model (the input of post-training quantization).
 */
public record Trial(String id, Map<String, Object> assigned, long seed, Experiment experiment,
                    Map<String, String> fieldValues, boolean floatModel) {}
