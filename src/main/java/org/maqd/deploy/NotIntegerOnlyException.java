package org.maqd.deploy;

/**
 * The network cannot run with integer arithmetic only; the message says which layer and why, e.g.
 * "not integer-only because layer 2 (linear) uses LN, whose statistics are computed per sample at inference".
 */
public final class NotIntegerOnlyException extends RuntimeException {
    public NotIntegerOnlyException(String reason) { super("not integer-only because " + reason); }
}
