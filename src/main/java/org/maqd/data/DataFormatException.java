package org.maqd.data;

/**
 * A data set could not be read: a file is missing, malformed, truncated or inconsistent with its partner, or a
 * data set name is unknown. The message names the file (or data set), the field or byte offset, what was expected
 * and what was found, so it can be shown to the user as is.
 */
public final class DataFormatException extends RuntimeException {
    public DataFormatException(String message) {
        super(message);
    }

    public DataFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
