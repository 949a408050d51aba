package org.maqd.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files (valid or deliberately broken) for tests. */
final class IdxFiles {
    private IdxFiles() {}

    /** Image file bytes: magic 0x00000803, dims n, h, w, then n*h*w pixels (value (i*7 + k) % 256). */
    static byte[] images(int n, int h, int w) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * h * w);
        b.putInt(0x00000803).putInt(n).putInt(h).putInt(w);
        for (int i = 0; i < n * h * w; i++) b.put((byte) ((i * 7) % 256));
        return b.array();
    }

    /** Label file bytes: magic 0x00000801, dim n, labels i % classes. */
    static byte[] labels(int n, int classes) {
        ByteBuffer b = ByteBuffer.allocate(8 + n);
        b.putInt(0x00000801).putInt(n);
        for (int i = 0; i < n; i++) b.put((byte) (i % classes));
        return b.array();
    }

    static byte[] gzip(byte[] raw) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(raw);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    /** A valid folder: nTrain/nTest samples of h x w, gzipped or raw. */
    static Path folder(Path dir, int nTrain, int nTest, int h, int w, boolean gz) throws IOException {
        String ext = gz ? ".gz" : "";
        write(dir, IdxReader.TRAIN_IMAGES + ext, maybe(images(nTrain, h, w), gz));
        write(dir, IdxReader.TRAIN_LABELS + ext, maybe(labels(nTrain, 10), gz));
        write(dir, IdxReader.TEST_IMAGES + ext, maybe(images(nTest, h, w), gz));
        write(dir, IdxReader.TEST_LABELS + ext, maybe(labels(nTest, 10), gz));
        return dir;
    }

    private static byte[] maybe(byte[] raw, boolean gz) {
        return gz ? gzip(raw) : raw;
    }
}
