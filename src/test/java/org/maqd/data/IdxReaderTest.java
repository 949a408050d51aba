package org.maqd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir Path dir;

    private static void assertMentions(DataFormatException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "message lacks '" + p + "': " + e.getMessage());
        }
    }

    private DataFormatException readFails() {
        return assertThrows(DataFormatException.class, () -> IdxReader.readFolder(dir));
    }

    @Test
    void readsRawFolderWithScaledPixelsAndLabels() throws IOException {
        IdxFiles.folder(dir, 12, 5, 3, 4, false);
        DataSplit s = IdxReader.readFolder(dir);
        assertEquals(12, s.train().size());
        assertEquals(5, s.test().size());
        assertArrayEquals(new int[] {1, 3, 4}, s.train().sampleShape());
        assertEquals(10, s.classes());
        for (int i = 0; i < 12; i++) assertEquals(i % 10, s.train().label(i));
        float[] x = s.train().x();
        for (int i = 0; i < x.length; i++) assertEquals(((i * 7) % 256) / 255f, x[i], 1e-7f);
    }

    @Test
    void gzipAndRawGiveTheSameDataAndHash() throws IOException {
        Path raw = Files.createDirectory(dir.resolve("raw")), gz = Files.createDirectory(dir.resolve("gz"));
        IdxFiles.folder(raw, 20, 6, 5, 5, false);
        IdxFiles.folder(gz, 20, 6, 5, 5, true);
        DataSplit a = IdxReader.readFolder(raw), b = IdxReader.readFolder(gz);
        assertArrayEquals(a.train().x(), b.train().x());
        assertArrayEquals(a.test().y(), b.test().y());
        assertEquals(a.train().sha256(), b.train().sha256());
        assertEquals(a.sha256(), b.sha256());
        assertNotEquals(a.train().sha256(), a.test().sha256());
        assertEquals(64, a.train().sha256().length());
    }

    @Test
    void acceptsDottedFileNames() throws IOException {
        IdxFiles.write(dir, "train-images.idx3-ubyte", IdxFiles.images(4, 2, 2));
        IdxFiles.write(dir, "train-labels.idx1-ubyte", IdxFiles.labels(4, 10));
        IdxFiles.write(dir, "t10k-images.idx3-ubyte.gz", IdxFiles.gzip(IdxFiles.images(3, 2, 2)));
        IdxFiles.write(dir, "t10k-labels.idx1-ubyte", IdxFiles.labels(3, 10));
        assertEquals(3, IdxReader.readFolder(dir).test().size());
    }

    @Test
    void limitKeepsFirstSamplesButChecksAllLabels() throws IOException {
        IdxFiles.folder(dir, 30, 8, 2, 3, true);
        DataSplit all = IdxReader.readFolder(dir);
        DataSplit cut = IdxReader.readFolder(dir, 10, 7, 3);
        assertEquals(7, cut.train().size());
        assertEquals(3, cut.test().size());
        assertArrayEquals(Arrays.copyOf(all.train().x(), 7 * 6), cut.train().x());
        assertEquals(all.train().sha256(), cut.train().sha256());
        byte[] labels = IdxFiles.labels(30, 10);
        labels[8 + 25] = 11; // beyond the limit, still an error
        IdxFiles.write(dir, IdxReader.TRAIN_LABELS + ".gz", IdxFiles.gzip(labels));
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readFolder(dir, 10, 7, 3));
        assertMentions(e, IdxReader.TRAIN_LABELS, "byte offset 33", "found 11");
    }

    @Test
    void wrongMagicNamesFileFieldExpectedAndFound() throws IOException {
        IdxFiles.folder(dir, 4, 4, 2, 2, false);
        IdxFiles.write(dir, IdxReader.TRAIN_IMAGES, IdxFiles.labels(4, 10)); // a label file in place of images
        assertMentions(readFails(), IdxReader.TRAIN_IMAGES, "magic number", "byte offset 0", "0x00000803",
                "found 0x00000801", "label file");
    }

    @Test
    void wrongMagicOnLabelsAndNonIdxFile() throws IOException {
        IdxFiles.folder(dir, 4, 4, 2, 2, false);
        IdxFiles.write(dir, IdxReader.TEST_LABELS, "PK\u0003\u0004 not idx at all".getBytes());
        assertMentions(readFails(), IdxReader.TEST_LABELS, "magic number", "0x00000801", "not an IDX file");
    }

    @Test
    void wrongDataTypeIsReported() throws IOException {
        IdxFiles.folder(dir, 4, 4, 2, 2, false);
        byte[] img = IdxFiles.images(4, 2, 2);
        img[2] = 0x0D; // float
        IdxFiles.write(dir, IdxReader.TRAIN_IMAGES, img);
        assertMentions(readFails(), IdxReader.TRAIN_IMAGES, "data type", "offset 2", "0x0D", "float", "unsigned byte");
    }

    @Test
    void wrongNumberOfDimensionsIsReported() throws IOException {
        IdxFiles.folder(dir, 4, 4, 2, 2, false);
        byte[] img = IdxFiles.images(4, 2, 2);
        img[3] = 4;
        IdxFiles.write(dir, IdxReader.TEST_IMAGES, img);
        assertMentions(readFails(), IdxReader.TEST_IMAGES, "number of dimensions", "offset 3", "is 4", "expected 3");
    }

    @Test
    void truncatedPixelDataIsReported() throws IOException {
        IdxFiles.folder(dir, 4, 4, 3, 3, false);
        byte[] img = IdxFiles.images(4, 3, 3);
        IdxFiles.write(dir, IdxReader.TRAIN_IMAGES, Arrays.copyOf(img, img.length - 5));
        assertMentions(readFails(), IdxReader.TRAIN_IMAGES, "truncated", "expected 36 bytes of pixel data", "found 31");
    }

    @Test
    void truncatedGzippedFileIsReported() throws IOException {
        IdxFiles.folder(dir, 4, 4, 3, 3, false);
        byte[] gz = IdxFiles.gzip(Arrays.copyOf(IdxFiles.images(4, 3, 3), 40));
        IdxFiles.write(dir, IdxReader.TRAIN_IMAGES + ".gz", gz);
        Files.delete(dir.resolve(IdxReader.TRAIN_IMAGES));
        assertMentions(readFails(), IdxReader.TRAIN_IMAGES + ".gz", "truncated", "expected 36 bytes", "found 24");
    }

    @Test
    void truncatedHeaderIsReported() throws IOException {
        IdxFiles.folder(dir, 4, 4, 3, 3, false);
        IdxFiles.write(dir, IdxReader.TRAIN_IMAGES, Arrays.copyOf(IdxFiles.images(4, 3, 3), 10));
        assertMentions(readFails(), IdxReader.TRAIN_IMAGES, "truncated header", "expected 16 bytes", "found 10");
    }

    @Test
    void trailingGarbageIsReported() throws IOException {
        IdxFiles.folder(dir, 4, 4, 3, 3, false);
        byte[] lab = IdxFiles.labels(4, 10);
        IdxFiles.write(dir, IdxReader.TEST_LABELS, Arrays.copyOf(lab, lab.length + 3));
        assertMentions(readFails(), IdxReader.TEST_LABELS, "trailing garbage", "expected 4 bytes of label data",
                "found 7", "3 extra bytes", "byte offset 12");
    }

    @Test
    void labelOutOfRangeIsReported() throws IOException {
        IdxFiles.folder(dir, 6, 4, 2, 2, false);
        byte[] lab = IdxFiles.labels(6, 10);
        lab[8 + 4] = (byte) 200;
        IdxFiles.write(dir, IdxReader.TRAIN_LABELS, lab);
        assertMentions(readFails(), IdxReader.TRAIN_LABELS, "label value out of range", "byte offset 12",
                "sample 4", "expected 0..9", "found 200");
    }

    @Test
    void labelCountDifferentFromImageCountNamesBothFilesAndCounts() throws IOException {
        IdxFiles.folder(dir, 6, 4, 2, 2, false);
        IdxFiles.write(dir, IdxReader.TRAIN_LABELS, IdxFiles.labels(5, 10));
        DataFormatException e = readFails();
        assertMentions(e, IdxReader.TRAIN_LABELS, IdxReader.TRAIN_IMAGES, "5 labels", "6 images");
    }

    @Test
    void emptyFileIsReported() throws IOException {
        IdxFiles.folder(dir, 4, 4, 2, 2, false);
        IdxFiles.write(dir, IdxReader.TEST_IMAGES, new byte[0]);
        assertMentions(readFails(), IdxReader.TEST_IMAGES, "empty", "0 bytes");
    }

    @Test
    void corruptGzipIsReported() throws IOException {
        IdxFiles.folder(dir, 4, 4, 2, 2, false);
        Files.delete(dir.resolve(IdxReader.TRAIN_LABELS));
        byte[] gz = IdxFiles.gzip(IdxFiles.labels(4, 10));
        for (int i = 12; i < gz.length - 8; i++) gz[i] ^= (byte) 0x5A; // scramble the deflate data
        IdxFiles.write(dir, IdxReader.TRAIN_LABELS + ".gz", gz);
        assertMentions(readFails(), IdxReader.TRAIN_LABELS + ".gz", "corrupt gzip");
    }

    @Test
    void cutOffGzipIsReported() throws IOException {
        IdxFiles.folder(dir, 4, 4, 2, 2, false);
        Files.delete(dir.resolve(IdxReader.TEST_IMAGES));
        byte[] gz = IdxFiles.gzip(IdxFiles.images(50, 8, 8));
        IdxFiles.write(dir, IdxReader.TEST_IMAGES + ".gz", Arrays.copyOf(gz, gz.length / 2));
        assertMentions(readFails(), IdxReader.TEST_IMAGES + ".gz", "corrupt gzip", "ends early");
    }

    @Test
    void zeroDimensionIsReported() throws IOException {
        IdxFiles.folder(dir, 4, 4, 2, 2, false);
        IdxFiles.write(dir, IdxReader.TRAIN_IMAGES, IdxFiles.images(4, 0, 2));
        assertMentions(readFails(), IdxReader.TRAIN_IMAGES, "dimension 1 (rows)", "byte offset 8", "positive", "found 0");
    }

    @Test
    void missingFileListsExpectedFilesAndFolder() throws IOException {
        IdxFiles.folder(dir, 4, 4, 2, 2, true);
        Files.delete(dir.resolve(IdxReader.TEST_LABELS + ".gz"));
        DataFormatException e = readFails();
        assertMentions(e, "missing", IdxReader.TEST_LABELS + "[.gz]", IdxReader.TRAIN_IMAGES + "[.gz]",
                IdxReader.TRAIN_LABELS + "[.gz]", IdxReader.TEST_IMAGES + "[.gz]", dir.toAbsolutePath().toString(),
                "found " + IdxReader.TEST_IMAGES + ".gz");
    }

    @Test
    void missingFolderIsReported() {
        Path none = dir.resolve("nowhere");
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readFolder(none));
        assertMentions(e, none.toString(), "not found", IdxReader.TRAIN_IMAGES);
    }

    @Test
    void missingIdxFilesInCifarFolderHintsAtFormat() throws IOException {
        Files.write(dir.resolve("data_batch_1.bin"), new byte[3073]);
        assertMentions(readFails(), "missing", "cifar10");
    }

    @Test
    void differentImageSizesInTrainAndTestAreReported() throws IOException {
        IdxFiles.folder(dir, 4, 4, 2, 2, false);
        IdxFiles.write(dir, IdxReader.TEST_IMAGES, IdxFiles.images(4, 3, 2));
        assertMentions(readFails(), "image size differs", IdxReader.TRAIN_IMAGES, IdxReader.TEST_IMAGES, "[1, 2, 2]", "[1, 3, 2]");
    }
}
