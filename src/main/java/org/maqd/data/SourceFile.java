package org.maqd.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.ToLongFunction;

/**
 * The bytes of one data file and the name to show in messages (a path, or {@code classpath:/...}). Gzip-compressed
 * content is recognised by its magic bytes (1f 8b), not by the file name, and decompressed by {@link #decoded()}.
 */
record SourceFile(String name, byte[] bytes) {

    static SourceFile read(Path file) {
        try {
            long size = Files.size(file);
            if (size > Gunzip.MAX_ARRAY) {
                throw new DataFormatException(file + ": file of " + size + " bytes is larger than a data file can be ("
                        + Gunzip.MAX_ARRAY + " bytes)");
            }
            return new SourceFile(file.toString(), Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file + ": file not found");
        } catch (IOException e) {
            throw new DataFormatException(file + ": cannot read file: " + e.getMessage(), e);
        }
    }

    /** Reads a classpath resource such as {@code /assets/datasets/mnist-10k/train-labels-idx1-ubyte.gz}. */
    static SourceFile resource(String path) {
        String name = "classpath:" + path;
        try (InputStream in = SourceFile.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new DataFormatException(name + ": resource not found; the application jar is incomplete"
                        + " (rebuild it with 'mvn package')");
            }
            return new SourceFile(name, in.readAllBytes());
        } catch (IOException e) {
            throw new DataFormatException(name + ": cannot read resource: " + e.getMessage(), e);
        }
    }

    boolean gzipped() {
        return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    }

    /** The content: decompressed when gzipped (at most {@code maxBytes}), the bytes as stored otherwise. Fails on an empty file. */
    byte[] decoded(long maxBytes) {
        return decoded(0, head -> maxBytes);
    }

    /**
     * The content, decompressed when gzipped by {@link Gunzip}: {@code limitOf} gives the most bytes the content may
     * hold from its first {@code headBytes} bytes (checked before the rest is decoded). Fails on an empty file.
     */
    byte[] decoded(int headBytes, ToLongFunction<byte[]> limitOf) {
        if (bytes.length == 0) throw new DataFormatException(name + ": file is empty (0 bytes)");
        return gzipped() ? Gunzip.inflate(name, bytes, headBytes, limitOf) : bytes;
    }
}
