package org.maqd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {
    @TempDir Path dir;

    static DataSpec spec(String dataset, String format) {
        return new DataSpec(dataset, format, null, null, null, null, null, null, null);
    }

    private static void assertMentions(Exception e, String... parts) {
        for (String p : parts) assertTrue(e.getMessage().contains(p), () -> "message lacks '" + p + "': " + e.getMessage());
    }

    @Test
    void relativeFolderResolvesAgainstBaseDir() throws IOException {
        IdxFiles.folder(Files.createDirectories(dir.resolve("data/digits")), 9, 4, 2, 2, true);
        DataSplit s = Datasets.load(spec("data/digits", null), dir);
        assertEquals(9, s.train().size());
        assertEquals("digits:train", s.train().name());
    }

    @Test
    void absoluteFolderWithLimitsAndExplicitIdxFormat() throws IOException {
        IdxFiles.folder(dir, 9, 4, 2, 2, false);
        DataSplit s = Datasets.load(new DataSpec(dir.toString(), "idx", 5, 2, null, null, null, null, null), null);
        assertEquals(5, s.train().size());
        assertEquals(2, s.test().size());
    }

    @Test
    void formatIsDetectedWhenAbsent() throws IOException {
        CifarFiles.cifar10(dir, 2, 3);
        assertEquals("cifar10", Datasets.detectFormat(dir));
        DataSplit s = Datasets.load(spec(dir.toString(), null), null);
        assertEquals(10, s.train().size());
        assertEquals(3, s.test().size());
        assertArrayEquals(new int[] {3, 32, 32}, s.sampleShape());
        DataSplit explicit = Datasets.load(spec(dir.toString(), "cifar10"), null);
        assertEquals(s.sha256(), explicit.sha256());
    }

    @Test
    void explicitIdxFormatOnCifarFolderFailsWithHint() throws IOException {
        CifarFiles.cifar10(dir, 2, 3);
        DataFormatException e = assertThrows(DataFormatException.class, () -> Datasets.load(spec(dir.toString(), "idx"), null));
        assertMentions(e, "missing", IdxReader.TRAIN_IMAGES, "cifar10");
    }

    @Test
    void unknownDatasetListsOptionsAndPathsTried() {
        DataFormatException e = assertThrows(DataFormatException.class, () -> Datasets.load(spec("imagenet-1k", null), dir));
        assertMentions(e, "unknown dataset \"imagenet-1k\"", "mnist-10k", "spirals", "blobs", "xor", "circles",
                "cifar10", "cifar100", "idx", dir.resolve("imagenet-1k").toString());
    }

    @Test
    void fashionMnistIsNotEmbedded() {
        DataFormatException e = assertThrows(DataFormatException.class, () -> Datasets.load(spec("fashion-mnist", null), dir));
        assertMentions(e, "fashion-mnist is not embedded", IdxReader.TRAIN_IMAGES, "folder");
    }

    @Test
    void fashionMnistFolderIsReadAsIdx() throws IOException {
        IdxFiles.folder(Files.createDirectories(dir.resolve("fashion-mnist")), 7, 3, 28, 28, true);
        assertEquals(7, Datasets.load(spec("fashion-mnist", null), dir).train().size());
    }

    @Test
    void fileInsteadOfFolderIsReported() throws IOException {
        Path f = IdxFiles.write(dir, IdxReader.TRAIN_IMAGES, IdxFiles.images(2, 2, 2));
        DataFormatException e = assertThrows(DataFormatException.class, () -> Datasets.load(spec(f.toString(), null), null));
        assertMentions(e, f.toString(), "is a file", dir.toString());
    }

    @Test
    void unknownFormatListsFormats() throws IOException {
        IdxFiles.folder(dir, 3, 3, 2, 2, false);
        DataFormatException e = assertThrows(DataFormatException.class, () -> Datasets.load(spec(dir.toString(), "png"), null));
        assertMentions(e, "data.format", "\"idx\"", "\"cifar10\"", "\"cifar100\"", "\"png\"");
    }

    @Test
    void embeddedSetRejectsCifarFormat() {
        DataFormatException e = assertThrows(DataFormatException.class, () -> Datasets.load(spec("mnist-10k", "cifar10"), null));
        assertMentions(e, "mnist-10k", "cifar10");
    }

    @Test
    void negativeLimitIsRejected() {
        DataSpec s = new DataSpec("xor", null, -1, null, null, null, null, null, null);
        assertMentions(assertThrows(DataFormatException.class, () -> Datasets.load(s, null)), "data.trainLimit", "-1");
    }

    @Test
    void toySetsByNameWithSamplesNoiseAndLimits() {
        DataSpec s = new DataSpec("spirals-4", null, 50, 10, null, null, null, 200, 0.0);
        DataSplit a = Datasets.load(s, null);
        assertEquals(50, a.train().size());
        assertEquals(10, a.test().size());
        assertEquals(4, a.classes());
        assertArrayEquals(new int[] {2, 1, 1}, a.sampleShape());
        assertEquals(a.sha256(), Datasets.load(s, null).sha256());
        assertNotEquals(a.sha256(), Datasets.load(s, null, 99).sha256());
        DataSplit full = Datasets.load(s.withTrainLimit(null).withTestLimit(null), null);
        assertEquals(160, full.train().size());
        assertEquals(40, full.test().size());
    }

    @Test
    void badToyParametersAreRejected() {
        assertMentions(assertThrows(DataFormatException.class,
                () -> Datasets.load(new DataSpec("blobs", null, null, null, null, null, null, null, -0.5), null)), "data.toyNoise");
        assertMentions(assertThrows(DataFormatException.class, () -> Datasets.load(spec("spirals-x", null), null)),
                "unknown dataset \"spirals-x\"", "spirals-K");
        assertMentions(assertThrows(DataFormatException.class, () -> Datasets.load(spec("spirals-1", null), null)),
                "spirals", "class count must be 2..64", "found 1");
        assertMentions(assertThrows(DataFormatException.class, () -> Datasets.load(spec("xor-3", null), null)),
                "xor", "2 classes");
    }

    @Test
    void folderInfoDetectsFormat() throws IOException {
        CifarFiles.cifar100(dir, 6, 2);
        DatasetInfo info = DatasetInfo.ofFolder(dir);
        assertEquals(100, info.classes());
        assertEquals(6, info.trainSamples());
        assertEquals(2, info.testSamples());
    }
}
