package org.maqd.model;

/** A missing, truncated or inconsistent model file; the message names the file and the tensor or field. */
public final class ModelFormatException extends RuntimeException {
    public ModelFormatException(String message) { super(message); }
    public ModelFormatException(String message, Throwable cause) { super(message, cause); }
}
