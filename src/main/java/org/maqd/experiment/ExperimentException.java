package org.maqd.experiment;

/**
 * A bad experiment file or value. The message names the file, the field path (e.g. {@code network.layers[3].units})
 * and what was expected. The CLI maps it to exit code 2.
 */
public final class ExperimentException extends RuntimeException {
    public ExperimentException(String message) { super(message); }
    public ExperimentException(String message, Throwable cause) { super(message, cause); }
}
