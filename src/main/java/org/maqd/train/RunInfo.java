package org.maqd.train;

import java.util.List;

/** Known at the start of a run: sizes for progress and the names of the observed layers, in network order. */
public record RunInfo(String name, int epochs, int startEpoch, int stepsPerEpoch, int batchSize, int trainSamples,
                      int testSamples, int threads, List<String> layerNames) {}
