package org.maqd.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Ready-made networks (the composer's templates and the shipped experiments): an MLP, a LeNet-style CNN and a
 * CIFAR-style ResNet (3 stages of width w, 2w, 4w; depth 6n + 2 with n residual blocks per stage). The ResNet is a
 * graph whose residual blocks are already expanded into their visible nodes.
 */
public final class NetworkTemplates {
    private NetworkTemplates() {}

    /** The template names the window offers, in order. */
    public static final List<String> NAMES = List.of("MLP", "LeNet-style CNN", "ResNet-8", "ResNet-20");

    /** 3-state weights, 2-state activations, LBN (the method's defaults for hidden blocks). */
    public static final QuantDefaults DEFAULTS = new QuantDefaults(3, 2, "lbn", null, null, null, null, null, null, null,
            null, null, null, null);

    /** A template by name (see {@link #NAMES}) on [1, 28, 28] images with 10 classes. */
    public static NetworkSpec byName(String name) {
        List<Integer> in = List.of(1, 28, 28);
        return switch (NAMES.indexOf(name)) {
            case 1 -> lenet(in, 10);
            case 2 -> resnet(in, 10, 8, 16, true);
            case 3 -> resnet(in, 10, 20, 16, true);
            default -> mlp(in, 10);
        };
    }

    /** flatten → linear 256 → linear 256 → output. */
    public static NetworkSpec mlp(List<Integer> input, int classes) {
        return new NetworkSpec(input, DEFAULTS, List.of(LayerSpec.of("flatten"), LayerSpec.linear(256),
                LayerSpec.linear(256), LayerSpec.output(classes)));
    }

    /** conv 16 (5×5) → max pool → conv 32 (5×5) → max pool → linear 120 → linear 84 → output. */
    public static NetworkSpec lenet(List<Integer> input, int classes) {
        return new NetworkSpec(input, DEFAULTS, List.of(LayerSpec.conv(16, 5, 1, 2), pool(), LayerSpec.conv(32, 5, 1, 0),
                pool(), LayerSpec.of("flatten"), LayerSpec.linear(120), LayerSpec.linear(84), LayerSpec.output(classes)));
    }

    private static LayerSpec pool() { return LayerSpec.of("maxpool").withKernel(2).withStride(2); }

    /**
     * A CIFAR-style ResNet of {@code depth} = 6n + 2 layers (8, 14, 20, 32, …): a 3×3 stem of {@code width}
     * channels, three stages of n residual blocks (width, 2·width, 4·width channels; stride 2 at the start of stages
     * 2 and 3, with a 1×1 projection), global average pooling ({@code globalPool}; otherwise a flatten, which keeps
     * where features are: with 2-state activations on MNIST it learns much faster) and the classifier. Node ids:
     * {@code stem}, {@code s<stage>.b<block>} (its add) with {@code .conv1}, {@code .conv2}, {@code .shortcut};
     * {@code gap} (or {@code flatten}), {@code out}.
     */
    public static NetworkSpec resnet(List<Integer> input, int classes, int depth, int width, boolean globalPool) {
        if (depth < 8 || (depth - 2) % 6 != 0) throw new IllegalArgumentException("ResNet depth: expected 6n + 2 (8, 14, 20, …), got " + depth);
        int n = (depth - 2) / 6;
        List<LayerSpec> nodes = new ArrayList<>();
        nodes.add(LayerSpec.conv(width, 3, 1, 1).withId("stem").withInputs(List.of(NetworkSpec.INPUT)));
        String prev = "stem";
        int channels = width;
        for (int stage = 1; stage <= 3; stage++) {
            int c = width << (stage - 1);
            for (int b = 1; b <= n; b++) {
                int stride = stage > 1 && b == 1 ? 2 : 1;
                String id = "s" + stage + ".b" + b;
                LayerSpec r = LayerSpec.of("residual").withChannels(c).withStride(stride);
                nodes.addAll(ResidualKind.expand(r, id, List.of(prev), channels));
                prev = id;
                channels = c;
            }
        }
        String head = globalPool ? "gap" : "flatten";
        nodes.add(LayerSpec.of(globalPool ? "globalavgpool" : "flatten").withId(head).withInputs(List.of(prev)));
        nodes.add(LayerSpec.output(classes).withId("out").withInputs(List.of(head)));
        return NetworkSpec.graph(input, DEFAULTS, nodes);
    }
}
