package org.maqd.data;

import java.util.Arrays;

/** A training set and a test set of the same kind (same sample shape and classes). */
public record DataSplit(Dataset train, Dataset test) {
    public DataSplit {
        if (train == null || test == null) throw new IllegalArgumentException("a data split needs a train and a test set");
        if (!Arrays.equals(train.sampleShape(), test.sampleShape())) {
            throw new DataFormatException("train set " + train.name() + " has sample shape "
                    + Arrays.toString(train.sampleShape()) + " but test set " + test.name() + " has "
                    + Arrays.toString(test.sampleShape()));
        }
        if (train.classes() != test.classes()) {
            throw new DataFormatException("train set " + train.name() + " has " + train.classes()
                    + " classes but test set " + test.name() + " has " + test.classes());
        }
    }

    public int classes() { return train.classes(); }
    public int[] sampleShape() { return train.sampleShape(); }

    /** Both sets cut to their first {@code trainLimit} / {@code testLimit} samples; 0 or less keeps all. */
    public DataSplit limit(int trainLimit, int testLimit) {
        return new DataSplit(trainLimit > 0 ? train.limit(trainLimit) : train,
                testLimit > 0 ? test.limit(testLimit) : test);
    }

    /**
     * One hash for the pair: SHA-256 over the UTF-8 text {@code train.sha256() + "\n" + test.sha256()}.
     * Recorded in run folders as the data set hash.
     */
    public String sha256() {
        return Hashing.sha256Hex((train.sha256() + "\n" + test.sha256()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
