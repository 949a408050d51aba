package org.maqd.experiment;

/**
 * A bad experiment file or value. The message names the file, the field path (e.g. {@code network.layers[3].units})
 * and what was expected. The CLI maps it to exit code 2.
 */
public final class ExperimentException extends RuntimeException {
    private final String field, expected;

    public ExperimentException(String message) { this(message, null, null); }
    public ExperimentException(String message, Throwable cause) {
        super(message, cause);
        field = null;
        expected = null;
    }

    /** A value the validator refused: its field path and what was expected, also apart from the message. */
    public ExperimentException(String message, String field, String expected) {
        super(message);
        this.field = field;
        this.expected = expected;
    }

    /** The refused field's path ("threads", "training.epochs"), or null. */
    public String field() { return field; }

    /** What the refused field expected ("1..256"), or null. */
    public String expected() { return expected; }
}
