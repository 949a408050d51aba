package org.maqd.train;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the probes sample and how often: every {@code everySteps} training steps (and at every epoch end),
 * histograms with {@code histogramBins} bins, a spike raster of {@code rasterSamples} samples. Probes read state
 * after a step and never change the numbers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProbeSpec(Boolean enabled, Integer everySteps, Integer histogramBins, Integer rasterSamples) {}
