package org.maqd.data;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where the data comes from. {@code dataset}: "mnist-10k" (embedded), a folder path (IDX files or CIFAR binary
 * batches, found by {@code format}: idx | cifar10 | cifar100, default idx), or a toy set "spirals", "blobs", "xor",
 * "circles". Relative paths resolve against the experiment file's folder, then the working directory.
 * {@code trainLimit}/{@code testLimit} take the first N samples (0 or null = all). {@code augment} enables random
 * crop with {@code cropPadding} and horizontal flip ({@code flip}). {@code sha256}: the content hash the data must have
 * ({@link DataSplit#sha256()}); a run records it in its resolved experiment, so resuming, exporting or reporting a
 * run refuses data that changed since it was trained.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataSpec(
        String dataset,
        String format,
        Integer trainLimit,
        Integer testLimit,
        Boolean augment,
        Integer cropPadding,
        Boolean flip,
        Integer toySamples,
        Double toyNoise,
        String sha256) {

    public DataSpec(String dataset, String format, Integer trainLimit, Integer testLimit, Boolean augment,
                    Integer cropPadding, Boolean flip, Integer toySamples, Double toyNoise) {
        this(dataset, format, trainLimit, testLimit, augment, cropPadding, flip, toySamples, toyNoise, null);
    }

    public DataSpec withDataset(String v) { return new DataSpec(v, format, trainLimit, testLimit, augment, cropPadding, flip, toySamples, toyNoise, sha256); }
    public DataSpec withFormat(String v) { return new DataSpec(dataset, v, trainLimit, testLimit, augment, cropPadding, flip, toySamples, toyNoise, sha256); }
    public DataSpec withTrainLimit(Integer v) { return new DataSpec(dataset, format, v, testLimit, augment, cropPadding, flip, toySamples, toyNoise, sha256); }
    public DataSpec withSha256(String v) { return new DataSpec(dataset, format, trainLimit, testLimit, augment, cropPadding, flip, toySamples, toyNoise, v); }
    public DataSpec withTestLimit(Integer v) { return new DataSpec(dataset, format, trainLimit, v, augment, cropPadding, flip, toySamples, toyNoise, sha256); }
}
