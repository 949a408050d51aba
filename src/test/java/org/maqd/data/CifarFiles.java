package org.maqd.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small synthetic CIFAR binary files for tests. Pixel k of record r of file f is (f*31 + r*7 + k) % 256. */
final class CifarFiles {
    private CifarFiles() {}

    static byte[] records(int fileNo, int n, int labelBytes, int classes) {
        int rec = labelBytes + CifarReader.PIXELS;
        byte[] b = new byte[n * rec];
        for (int r = 0; r < n; r++) {
            int off = r * rec;
            if (labelBytes == 2) b[off] = (byte) ((r + fileNo) % 20);
            b[off + labelBytes - 1] = (byte) ((r * 3 + fileNo) % classes);
            for (int k = 0; k < CifarReader.PIXELS; k++) b[off + labelBytes + k] = (byte) ((fileNo * 31 + r * 7 + k) % 256);
        }
        return b;
    }

    /** Five training batches of {@code perBatch} records and a test batch of {@code test} records. */
    static Path cifar10(Path dir, int perBatch, int test) throws IOException {
        for (int f = 1; f <= 5; f++) Files.write(dir.resolve("data_batch_" + f + ".bin"), records(f, perBatch, 1, 10));
        Files.write(dir.resolve("test_batch.bin"), records(6, test, 1, 10));
        return dir;
    }

    static Path cifar100(Path dir, int train, int test) throws IOException {
        Files.write(dir.resolve("train.bin"), records(1, train, 2, 100));
        Files.write(dir.resolve("test.bin"), records(2, test, 2, 100));
        return dir;
    }
}
