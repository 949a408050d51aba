package org.maqd.data;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The bytes of one data file and the name to show in messages (a path, or {@code classpath:/...}). Gzip-compressed
 * content is recognised by its magic bytes (1f 8b), not by the file name, and decompressed by {@link #decoded()}.
 */
record SourceFile(String name, byte[] bytes) {

    static SourceFile read(Path file) {
        try {
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

    /** The content: decompressed when gzipped, the bytes as stored otherwise. Fails on an empty file. */
    byte[] decoded() {
        if (bytes.length == 0) throw new DataFormatException(name + ": file is empty (0 bytes)");
        if (!gzipped()) return bytes;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes), 1 << 16)) {
            byte[] out = in.readAllBytes();
            if (out.length == 0) throw new DataFormatException(name + ": gzip stream decompresses to 0 bytes (empty file)");
            return out;
        } catch (EOFException e) {
            throw new DataFormatException(name + ": corrupt gzip: the compressed stream ends early (file of "
                    + bytes.length + " bytes is truncated)", e);
        } catch (IOException e) {
            throw new DataFormatException(name + ": corrupt gzip: the file starts with the gzip magic 1f 8b but "
                    + "cannot be decompressed (" + e.getMessage() + ")", e);
        }
    }
}
