package org.maqd.ui.engine;

import java.nio.file.Path;
import java.util.Map;

/**
 * Deployment of a trained run: the integer model's equivalence certificate, the C export and the ONNX export. All are
 * slow: call them off the FX thread.
 */
public interface Deployer {
    /**
     * Folds the run's model, runs the float fake-quant model and the integer engine on the run's test set, writes
     * {@code certificate.json} into the run folder and returns its content. Throws with a one-line message when the
     * model is not integer-only or the run folder cannot be read.
     */
    Map<String, Object> verify(Path runDir);

    /** Writes model.h, model.c and main.c (C99) into {@code outDir}; returns a one-line summary. */
    String exportC(Path runDir, Path outDir);

    /**
     * Writes the run's trained fake-quant network as an ONNX model into {@code file} (any run, integer-only or not);
     * returns a one-line summary. Throws with a one-line message when the run or the file cannot be used.
     */
    String exportOnnx(Path runDir, Path file);
}
