package org.maqd.model;

/** A network spec that cannot be built (bad input): the message names the field, e.g. "field 'network.layers[3]' (linear): …". */
public final class SpecException extends RuntimeException {
    public SpecException(String message) { super(message); }

    public SpecException(String message, Throwable cause) { super(message, cause); }
}
