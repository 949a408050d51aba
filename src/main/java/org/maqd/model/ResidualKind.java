package org.maqd.model;

import java.util.ArrayList;
import java.util.List;
import org.maqd.nn.Layer;

/**
 * {@code residual}: a template, expanded before anything is built into visible nodes: {@code <id>.conv1} (3×3
 * conv block, the residual's stride), {@code <id>.conv2} (3×3 conv, norm, no Q_a), {@code <id>.shortcut} (1×1
 * conv, norm, no Q_a; only when the stride or the channel count changes) and the add {@code <id>} (sum, then Q_a).
 * Every quantization field of the residual applies to its convolutions and the add's Q_a.
 */
final class ResidualKind extends WeightedKind {
    @Override public String name() { return "residual"; }
    @Override public String label() { return "Residual block"; }
    @Override public String description() { return "template: two 3×3 convs, optional 1×1 projection, add"; }
    @Override public boolean hiddenBlock() { return true; }
    @Override public boolean template() { return true; }
    @Override public List<KindField> fields() { return withQuant(KindField.CHANNELS, KindField.STRIDE); }
    @Override public LayerSpec paletteSpec() { return LayerSpec.of(name()).withChannels(16).withStride(1); }

    @Override
    public LayerSpec resolve(LayerSpec l, QuantDefaults d, boolean firstBlock) {
        return quant(l.withStride(or(l.stride(), 1)), d, d.weightStates(), false);
    }

    @Override
    public int[] outShape(LayerSpec l, List<int[]> in) {
        requireImage(in);
        int s = l.stride() == null ? 1 : l.stride();
        int[] hw = PoolKind.window(in.get(0), 3, s, 1);
        checkGroups(l, l.channels());
        return new int[] {l.channels(), hw[0], hw[1]};
    }

    @Override
    public Cost cost(LayerSpec l, List<int[]> in, int[] out, int inStates) {
        int ci = in.get(0)[0], c = l.channels();
        boolean proj = ci != c || (l.stride() != null && l.stride() != 1);
        long pix = (long) out[1] * out[2];
        long w = 9L * ci * c + 9L * c * c + (proj ? (long) ci * c : 0);
        return cost(l, w, (long) Math.max(ci, c) * 9, pix * w, c, inStates, proj ? 3 : 2);
    }

    /**
     * The nodes a residual with this id expands to; the last is the add, whose id is the residual's own, so
     * consumers keep their wiring. {@code inChannels} decides the projection.
     */
    static List<LayerSpec> expand(LayerSpec r, String id, List<String> inputs, int inChannels) {
        int c = r.channels(), s = r.stride() == null ? 1 : r.stride();
        LayerSpec base = r.withId(null).withInputs(null).withPos(null).withChannels(c);
        List<LayerSpec> out = new ArrayList<>();
        out.add(base.withType("conv2d").withId(id + ".conv1").withInputs(inputs).withKernel(3).withStride(s).withPadding(1));
        out.add(base.withType("conv2d").withId(id + ".conv2").withInputs(List.of(id + ".conv1")).withKernel(3)
                .withStride(1).withPadding(1).withActivation(false));
        String skip = inputs.get(0);
        if (s != 1 || inChannels != c) {
            out.add(base.withType("conv2d").withId(id + ".shortcut").withInputs(inputs).withKernel(1).withStride(s)
                    .withPadding(0).withActivation(false));
            skip = id + ".shortcut";
        }
        LayerSpec add = LayerSpec.of("add").withId(id).withInputs(List.of(id + ".conv2", skip)).withPos(r.pos())
                .withActivationStates(r.activationStates()).withActivationStep(r.activationStep())
                .withActivationStepValue(r.activationStepValue()).withActivationSurrogate(r.activationSurrogate())
                .withAlpha(r.alpha());
        out.add(add);
        return out;
    }

    @Override
    public Layer build(LayerSpec l, List<int[]> in, Build c) {
        throw new IllegalArgumentException("a residual block is a template; it is expanded into nodes before building");
    }

    @Override
    public void lower(Lowering.Node n, Lowering t) {
        throw new IllegalArgumentException("a residual block is a template; it is expanded into nodes before lowering");
    }
}
