package org.maqd.norm;

import java.util.List;
import java.util.Locale;
import org.maqd.tensor.Parallel;

/** Builds a norm from its kind name (method.md §7, option {@code norm}). */
public final class Norms {
    /** Valid kind names, in the order the UI lists them. */
    public static final List<String> KINDS = List.of("lbn", "bn", "ln", "gn", "none");

    private Norms() {}

    /**
     * Returns the norm of {@code kind} for {@code channels} channels, or {@code null} for {@code "none"}.
     * {@code groups} is used by {@code "gn"} only (see {@link GroupNorm#DEFAULT_GROUPS}).
     *
     * @throws IllegalArgumentException for an unknown kind (the message lists the valid ones)
     * @throws org.maqd.nn.ShapeException for GN when channels are not divisible by groups
     */
    public static Norm create(String kind, int channels, int groups, Parallel par) {
        String k = kind == null ? "" : kind.trim().toLowerCase(Locale.ROOT);
        return switch (k) {
            case "lbn" -> new LayerBatchNorm(channels, par);
            case "bn" -> new BatchNorm(channels, par);
            case "ln" -> new LayerNorm(channels, par);
            case "gn" -> new GroupNorm(channels, groups, par);
            case "none" -> null;
            default -> throw new IllegalArgumentException("unknown norm '" + kind + "'; valid kinds: "
                    + String.join(", ", KINDS));
        };
    }

    /** As {@link #create(String, int, int, Parallel)} with {@link GroupNorm#DEFAULT_GROUPS} groups. */
    public static Norm create(String kind, int channels, Parallel par) {
        return create(kind, channels, GroupNorm.DEFAULT_GROUPS, par);
    }
}
