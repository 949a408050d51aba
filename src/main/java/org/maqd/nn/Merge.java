package org.maqd.nn;

import java.util.List;
import org.maqd.tensor.Tensor;

/**
 * A layer with several inputs (a graph's merge node): {@code forward} takes them in port order, {@code backward}
 * returns the gradient for each port (owned by the layer, reused on the next call). The single-input methods of
 * {@link Layer} are not used for merges.
 */
public interface Merge extends Layer {
    Tensor forward(List<Tensor> xs, Mode mode);

    Tensor[] backwardAll(Tensor gradOut);

    @Override
    default Tensor forward(Tensor x, Mode mode) { return forward(List.of(x), mode); }

    @Override
    default Tensor backward(Tensor gradOut) { return backwardAll(gradOut)[0]; }
}
