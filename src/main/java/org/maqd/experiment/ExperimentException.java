package org.maqd.experiment;

import java.util.List;

/**
 * A bad experiment file or value. The message names the file, the field path (e.g. {@code network.layers[3].units})
 * and what was expected; the validator's refusals are also kept apart from the message ({@link #refusals}). The CLI
 * maps it to exit code 2.
 */
public final class ExperimentException extends RuntimeException {
    /** One value the validator refused: its field path ("threads", "training.epochs") and what was expected ("1..256"). */
    public record Refusal(String field, String expected) {}

    private final List<Refusal> refusals;

    public ExperimentException(String message) { this(message, List.of()); }
    public ExperimentException(String message, Throwable cause) {
        super(message, cause);
        refusals = List.of();
    }

    /** Values the validator refused, in the file's order, each also named in the message. */
    public ExperimentException(String message, List<Refusal> refusals) {
        super(message);
        this.refusals = List.copyOf(refusals);
    }

    /** The refused values with their field paths and expectations (empty when the problem is not one value's). */
    public List<Refusal> refusals() { return refusals; }

    /** What {@code field} expected, when it is among the refused values; else null. */
    public String expected(String field) {
        for (Refusal r : refusals) if (r.field().equals(field)) return r.expected();
        return null;
    }
}
