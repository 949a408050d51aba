package org.maqd.model;

import java.util.List;
import org.maqd.nn.Layer;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Rng;

/**
 * One kind of layer or node ({@code linear}, {@code conv2d}, {@code add}, …): everything the workbench knows about
 * it, in one class. {@link LayerKinds} is the registry; nothing else switches on a kind's name.
 *
 * <ul>
 *   <li>spec: its fields ({@link #fields()}, also the composer's property sheet), required-field checks, how the
 *       network's defaults fill it ({@link #resolve});</li>
 *   <li>shape rule ({@link #outShape}) and cost ({@link #cost});</li>
 *   <li>how it builds its layer ({@link #build}) and how it lowers to a primitive of an integer or exchange format
 *       ({@link #lower}: the integer folder and the ONNX writer both implement {@link Lowering});</li>
 *   <li>composer metadata: {@link #label()}, ports ({@link #minInputs()}/{@link #maxInputs()}),
 *       {@link #paletteSpec()} (what a drop from the palette creates).</li>
 * </ul>
 */
public interface LayerKind {
    /** The {@code type} written in experiment files. */
    String name();

    /** Short label for the composer. */
    String label();

    /** One line on what it does (palette tooltip, docs). */
    String description();

    default int minInputs() { return 1; }

    /** Largest number of inputs ({@link Integer#MAX_VALUE} for merges). */
    default int maxInputs() { return 1; }

    /** The kind's own fields (geometry, rate, …); quantization fields of weighted kinds are {@link KindField#QUANT}. */
    List<KindField> fields();

    /** True when the kind carries weights (it takes the quantization fields and counts for the first block). */
    default boolean weighted() { return false; }

    /** True for hidden blocks: weights followed by Q_a (linear, conv2d, residual). */
    default boolean hiddenBlock() { return false; }

    /** True when the node's output is Q_a codes (hidden blocks with an activation, add); false: values pass through. */
    default boolean quantizes() { return hiddenBlock(); }

    /** True for templates that expand into several nodes before anything is built ({@code residual}). */
    default boolean template() { return false; }

    /** The spec a drop from the palette creates. */
    LayerSpec paletteSpec();

    /** Fills what the spec leaves out: geometry defaults and, for weighted kinds, the network's quant defaults. */
    default LayerSpec resolve(LayerSpec l, QuantDefaults d, boolean firstBlock) { return l; }

    /** Output shape per sample for the inputs' shapes; throws {@link IllegalArgumentException} saying why not. */
    int[] outShape(LayerSpec l, List<int[]> in);

    /** Float additions per sample the forward pass runs besides multiply-adds (an add node sums its inputs). */
    default long forwardAdds(List<int[]> in, int[] out) { return 0; }

    /** Cost per sample; {@code inStates} is the number of states of the input codes (0 = float). */
    default Cost cost(LayerSpec l, List<int[]> in, int[] out, int inStates) { return Cost.NONE; }

    /** Builds the layer (resolved spec, per-sample input shapes). */
    Layer build(LayerSpec l, List<int[]> in, Build ctx);

    /**
     * Why a resolved node of this kind cannot run on the integer engine, or null when it can (spec-level rules;
     * checks that need trained weights are left to the folder). {@code last}: it is the network's output node.
     */
    default String integerOnlyReason(LayerSpec l, boolean last) { return null; }

    /** Calls the one {@link Lowering} primitive this kind is. */
    void lower(Lowering.Node node, Lowering target);

    /** What a build needs besides the spec: threads, the init stream of this node, its index (dropout streams). */
    record Build(Parallel par, Rng rng, int index) {}

    /**
     * Parameters, multiply-accumulates, weight memory in bits at the chosen states (⌈log2 M⌉ per weight, 32 for
     * float; norm and bias parameters 32), the same at fp32, and the integer accumulator width (0 = none/float).
     */
    record Cost(long params, long macs, long weightBits, long fp32Bits, int accumulatorBits) {
        public static final Cost NONE = new Cost(0, 0, 0, 0, 0);
    }
}
