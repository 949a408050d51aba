package org.maqd.run;

/** A run or sweep file that cannot be read as its format says; the message names the file, where, expected and found. */
public final class RunFormatException extends RuntimeException {
    public RunFormatException(String message) { super(message); }

    public RunFormatException(String message, Throwable cause) { super(message, cause); }
}
