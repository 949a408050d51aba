package org.maqd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarReaderTest {
    @TempDir Path dir;

    private static void assertMentions(Exception e, String... parts) {
        for (String p : parts) assertTrue(e.getMessage().contains(p), () -> "message lacks '" + p + "': " + e.getMessage());
    }

    @Test
    void cifar10RoundTripConcatenatesBatchesInOrder() throws IOException {
        CifarFiles.cifar10(dir, 3, 4);
        DataSplit s = CifarReader.readFolder(dir, CifarReader.Variant.CIFAR10);
        assertEquals(15, s.train().size());
        assertEquals(4, s.test().size());
        assertEquals(10, s.classes());
        assertArrayEquals(new int[] {3, 32, 32}, s.sampleShape());
        float[] sample = new float[CifarReader.PIXELS];
        for (int f = 1; f <= 5; f++) {
            for (int r = 0; r < 3; r++) {
                int i = (f - 1) * 3 + r;
                assertEquals((r * 3 + f) % 10, s.train().label(i));
                s.train().copySample(i, sample, 0);
                for (int k = 0; k < CifarReader.PIXELS; k += 97) {
                    assertEquals(((f * 31 + r * 7 + k) % 256) / 255f, sample[k], 1e-7f);
                }
            }
        }
        // red plane first, then green, then blue: pixel (c, i, j) is byte c*1024 + i*32 + j
        s.test().copySample(1, sample, 0);
        assertEquals(((6 * 31 + 7 + 1024 + 5 * 32 + 9) % 256) / 255f, s.test().value(1, 1024 + 5 * 32 + 9), 1e-7f);
        assertEquals(64, s.train().sha256().length());
    }

    @Test
    void cifar100UsesFineLabels() throws IOException {
        CifarFiles.cifar100(dir, 40, 5);
        DataSplit s = CifarReader.readFolder(dir, CifarReader.Variant.CIFAR100);
        assertEquals(100, s.classes());
        assertEquals(40, s.train().size());
        for (int r = 0; r < 40; r++) assertEquals((r * 3 + 1) % 100, s.train().label(r));
        assertEquals((0 * 31 + 1 * 31 + 0) % 256 / 255f, s.train().value(0, 0), 1e-7f);
    }

    @Test
    void filesInsideTheArchiveSubfolderAreFound() throws IOException {
        CifarFiles.cifar10(Files.createDirectory(dir.resolve("cifar-10-batches-bin")), 1, 1);
        assertEquals(5, CifarReader.readFolder(dir, CifarReader.Variant.CIFAR10).train().size());
        assertEquals("cifar10", CifarReader.detect(dir));
    }

    @Test
    void limitKeepsFirstRecordsAndSameHash() throws IOException {
        CifarFiles.cifar10(dir, 3, 4);
        DataSplit all = CifarReader.readFolder(dir, CifarReader.Variant.CIFAR10);
        DataSplit cut = CifarReader.readFolder(dir, CifarReader.Variant.CIFAR10, 4, 2);
        assertEquals(4, cut.train().size());
        assertEquals(2, cut.test().size());
        assertArrayEquals(Arrays.copyOf(all.train().x(), 4 * CifarReader.PIXELS), cut.train().x());
        assertEquals(all.sha256(), cut.sha256());
    }

    @Test
    void sizeNotAMultipleOfTheRecordIsReported() throws IOException {
        CifarFiles.cifar10(dir, 2, 2);
        byte[] b = CifarFiles.records(3, 2, 1, 10);
        Files.write(dir.resolve("data_batch_3.bin"), Arrays.copyOf(b, b.length - 10));
        DataFormatException e = assertThrows(DataFormatException.class, () -> CifarReader.readFolder(dir, CifarReader.Variant.CIFAR10));
        assertMentions(e, "data_batch_3.bin", "6136", "record size 3073", "1 whole records", "3063 bytes left over");
    }

    @Test
    void labelOutOfRangeIsReported() throws IOException {
        CifarFiles.cifar10(dir, 2, 3);
        byte[] b = CifarFiles.records(6, 3, 1, 10);
        b[2 * 3073] = 10;
        Files.write(dir.resolve("test_batch.bin"), b);
        DataFormatException e = assertThrows(DataFormatException.class, () -> CifarReader.readFolder(dir, CifarReader.Variant.CIFAR10));
        assertMentions(e, "test_batch.bin", "label value out of range", "record 2", "byte offset 6146", "0..9", "found 10");
    }

    @Test
    void cifar100FineAndCoarseLabelRangesAreChecked() throws IOException {
        CifarFiles.cifar100(dir, 3, 3);
        byte[] b = CifarFiles.records(1, 3, 2, 100);
        b[3074 + 1] = (byte) 150;
        Files.write(dir.resolve("train.bin"), b);
        DataFormatException fine = assertThrows(DataFormatException.class, () -> CifarReader.readFolder(dir, CifarReader.Variant.CIFAR100));
        assertMentions(fine, "train.bin", "fine label", "record 1", "byte offset 3075", "0..99", "found 150");
        b = CifarFiles.records(1, 3, 2, 100);
        b[0] = 20;
        Files.write(dir.resolve("train.bin"), b);
        DataFormatException coarse = assertThrows(DataFormatException.class, () -> CifarReader.readFolder(dir, CifarReader.Variant.CIFAR100));
        assertMentions(coarse, "train.bin", "coarse label", "record 0", "0..19", "found 20");
    }

    @Test
    void missingBatchListsExpectedFiles() throws IOException {
        CifarFiles.cifar10(dir, 1, 1);
        Files.delete(dir.resolve("data_batch_4.bin"));
        DataFormatException e = assertThrows(DataFormatException.class, () -> CifarReader.readFolder(dir, CifarReader.Variant.CIFAR10));
        assertMentions(e, "missing", "data_batch_4.bin", "data_batch_1.bin", "test_batch.bin", dir.toAbsolutePath().toString(),
                "cifar-10-batches-bin");
    }

    @Test
    void emptyBatchFileIsReported() throws IOException {
        CifarFiles.cifar100(dir, 2, 2);
        Files.write(dir.resolve("test.bin"), new byte[0]);
        DataFormatException e = assertThrows(DataFormatException.class, () -> CifarReader.readFolder(dir, CifarReader.Variant.CIFAR100));
        assertMentions(e, "test.bin", "empty");
    }
}
