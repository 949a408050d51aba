package org.maqd.ui.engine;

import org.maqd.model.NetworkSpec;

/** Shapes, parameters, memory and MACs of a network spec; never throws for bad shapes (the row says why). */
public interface NetworkAnalyzer {
    CostReport analyze(NetworkSpec spec);
}
