package org.maqd.ui.engine;

/**
 * One layer of a network analysis as the workbench shows it: resolved states and norm, output shape (or the
 * reason the layer cannot take its input), parameters, MACs, weight memory in bits at the chosen states and the
 * integer accumulator width. {@code error} is null when the layer is fine; {@code id} is the node id ({@code layers.<i>} in a chain); {@code notIntegerOnly} says why the
 * layer cannot run on the integer engine (the deploy package's rule), null when it can.
 */
public record CostRow(int index, String type, int weightStates, int activationStates, String norm, String shape,
                      String error, long params, long macs, long weightBits, int accumulatorBits, String notIntegerOnly,
                      String id) {
    /** A row without a node id. */
    public CostRow(int index, String type, int weightStates, int activationStates, String norm, String shape, String error,
                   long params, long macs, long weightBits, int accumulatorBits, String notIntegerOnly) {
        this(index, type, weightStates, activationStates, norm, shape, error, params, macs, weightBits, accumulatorBits,
                notIntegerOnly, null);
    }

    public boolean ok() { return error == null; }
    public boolean integerOnly() { return notIntegerOnly == null; }
}
