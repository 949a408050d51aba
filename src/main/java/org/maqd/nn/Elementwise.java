package org.maqd.nn;

import org.maqd.tensor.Parallel;
import org.maqd.tensor.Tensor;

/**
 * An elementwise layer (output element i depends on input element i alone, and so does input gradient element i)
 * that can run range by range inside another layer's pass over the same elements, while a range is still in
 * cache: in forward, the layer before it runs {@link #forwardPass} on each range of its output right after writing
 * that range; in backward, it runs {@link #backwardPass} on each range of this layer's input gradient right before
 * reading that range. Each element gets exactly the value {@link #forward} and {@link #backward} give it, so the
 * bits do not depend on whether or how the passes are fused.
 *
 * <p>Protocol: {@code beginForward(x, mode)}, {@code forwardPass()} over every element range of x once x's range
 * is written, {@code endForward()}; likewise {@code beginBackward(gradOut)}, {@code backwardPass()} over every
 * range, {@code endBackward()}. Between begin and end the layer reads its operands in place.
 */
public interface Elementwise extends Layer {
    /** Starts a forward of {@code x}, whose elements the caller writes range by range before each pass. */
    void beginForward(Tensor x, Mode mode);

    /** Computes output elements {@code [from, to)} of the forward begun last (a body built once). */
    Parallel.RangeBody forwardPass();

    /** Ends the forward once every range has run; returns its output, as {@link #forward} would. */
    Tensor endForward();

    /** Starts a backward of {@code gradOut}; returns the input gradient tensor that the passes fill. */
    Tensor beginBackward(Tensor gradOut);

    /** Computes input gradient elements {@code [from, to)} of the backward begun last (a body built once). */
    Parallel.RangeBody backwardPass();

    /** Ends the backward once every range has run (adds parameter gradients); returns the input gradient. */
    Tensor endBackward();
}
