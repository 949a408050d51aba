package org.maqd.nn;

/** An impossible shape: the message says what the layer expects and what it gets. */
public final class ShapeException extends IllegalArgumentException {
    public ShapeException(String message) { super(message); }
}
