package org.maqd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gzip members decoded strictly and bounded by the IDX header; CIFAR record counts checked across files. */
class StrictDecodingTest {
    @TempDir Path dir;

    static void assertMentions(Throwable e, String... parts) {
        for (String p : parts) assertTrue(e.getMessage().contains(p), () -> "message lacks '" + p + "': " + e.getMessage());
    }

    DataFormatException idxFails() {
        return assertThrows(DataFormatException.class, () -> IdxReader.readFolder(dir));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void trailingJunkAfterTheGzipStreamIsRefused() throws IOException {
        IdxFiles.folder(dir, 4, 4, 3, 3, true);
        byte[] gz = IdxFiles.gzip(IdxFiles.labels(4, 10));
        IdxFiles.write(dir, IdxReader.TRAIN_LABELS + ".gz", concat(gz, new byte[] {0, 0, 7}));
        assertMentions(idxFails(), IdxReader.TRAIN_LABELS + ".gz", "trailing junk", "3 byte(s) from byte offset " + gz.length);
    }

    @Test
    void membersFollowingOneAnotherAreOneContent() throws IOException {
        IdxFiles.folder(dir, 4, 4, 3, 3, true);
        byte[] raw = IdxFiles.images(4, 3, 3);
        DataSplit one = IdxReader.readFolder(dir);
        IdxFiles.write(dir, IdxReader.TRAIN_IMAGES + ".gz", concat(IdxFiles.gzip(Arrays.copyOf(raw, 20)),
                IdxFiles.gzip(Arrays.copyOfRange(raw, 20, raw.length))));
        assertArrayEquals(one.train().x(), IdxReader.readFolder(dir).train().x());
    }

    @Test
    void inflationStopsOneBytePastTheHeadersCount() throws IOException {
        IdxFiles.folder(dir, 4, 4, 3, 3, true);
        byte[] bomb = Arrays.copyOf(IdxFiles.images(4, 3, 3), 64 << 20);   // 64 MB of zeros after 4 images of 3x3
        IdxFiles.write(dir, IdxReader.TRAIN_IMAGES + ".gz", IdxFiles.gzip(bomb));
        assertMentions(idxFails(), IdxReader.TRAIN_IMAGES + ".gz", "longer than the 52 bytes", "stopped at byte 53");
    }

    @Test
    void aHeaderAnnouncingMoreThanTheHeapIsRefusedBeforeDecoding() throws IOException {
        IdxFiles.folder(dir, 4, 4, 3, 3, true);
        byte[] head = ByteBuffer.allocate(16).putInt(0x00000803).putInt(2_000_000_000).putInt(28).putInt(28).array();
        IdxFiles.write(dir, IdxReader.TRAIN_IMAGES + ".gz", IdxFiles.gzip(head));
        assertMentions(idxFails(), IdxReader.TRAIN_IMAGES + ".gz", "the header announces", "more than one Java array");
        head = ByteBuffer.allocate(16).putInt(0x00000803).putInt(2_000_000).putInt(28).putInt(28).array();
        IdxFiles.write(dir, IdxReader.TRAIN_IMAGES + ".gz", IdxFiles.gzip(head));
        DataFormatException e = idxFails();
        assertTrue(e.getMessage().contains("Java heap has free") || e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void aWrongCrcIsRefused() throws IOException {
        IdxFiles.folder(dir, 4, 4, 3, 3, true);
        byte[] gz = IdxFiles.gzip(IdxFiles.labels(4, 10));
        gz[gz.length - 8] ^= 1;
        IdxFiles.write(dir, IdxReader.TEST_LABELS.replace("t10k", "train") + ".gz", gz);
        assertMentions(idxFails(), "corrupt gzip", "CRC-32");
    }

    @Test
    void aCifarBatchCutAtARecordBoundaryIsRefused() throws IOException {
        CifarFiles.cifar10(dir, 3, 4);
        Files.write(dir.resolve("data_batch_4.bin"), CifarFiles.records(4, 2, 1, 10));
        DataFormatException e = assertThrows(DataFormatException.class, () -> CifarReader.readFolder(dir, CifarReader.Variant.CIFAR10));
        assertMentions(e, "data_batch_4.bin", "holds 2 records, expected 3 like data_batch_1.bin");
    }

    @Test
    void inAFullCopyEveryFileHoldsItsOfficialCount() {
        Map<String, Integer> c = new LinkedHashMap<>();
        c.put("train.bin", 50000);
        c.put("test.bin", 9999);
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> CifarReader.checkCounts(dir, CifarReader.Variant.CIFAR100, c));
        assertMentions(e, "test.bin", "holds 9999 records, expected 10000", "full cifar100 copy");
        c.put("test.bin", 10000);
        CifarReader.checkCounts(dir, CifarReader.Variant.CIFAR100, c);
        c.put("train.bin", 40);
        c.put("test.bin", 5);
        CifarReader.checkCounts(dir, CifarReader.Variant.CIFAR100, c);   // a small copy (tests, subsets) is fine
    }
}
