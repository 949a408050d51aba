package org.maqd.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * A strict reader of the CIFAR binary versions. CIFAR-10: {@code data_batch_1.bin .. data_batch_5.bin} and
 * {@code test_batch.bin}, records of 1 label byte + 3072 pixel bytes. CIFAR-100: {@code train.bin} and
 * {@code test.bin}, records of 1 coarse label byte + 1 fine label byte + 3072 pixel bytes; the fine labels
 * (100 classes) are used. Pixels are stored as 1024 red, 1024 green, 1024 blue values of a 32x32 image, row-major,
 * which is exactly the sample layout [3, 32, 32]; they are scaled to [0, 1].
 *
 * <p>The files may sit in the given folder or in the subfolder the official archives unpack to
 * ({@code cifar-10-batches-bin}, {@code cifar-100-binary}). Each file must be a non-empty whole number of
 * records, and every label must be in range. A data set's {@code sha256} is the SHA-256 of its files' (decoded) bytes,
 * concatenated in the order listed above.
 */
public final class CifarReader {
    public static final int PIXELS = 3 * 32 * 32;
    static final List<String> CIFAR10_TRAIN = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
            "data_batch_4.bin", "data_batch_5.bin");
    static final List<String> CIFAR10_TEST = List.of("test_batch.bin");
    static final List<String> CIFAR100_TRAIN = List.of("train.bin");
    static final List<String> CIFAR100_TEST = List.of("test.bin");

    /** The two binary layouts. */
    public enum Variant {
        CIFAR10("cifar10", "cifar-10-batches-bin", 1, 10, CIFAR10_TRAIN, CIFAR10_TEST),
        CIFAR100("cifar100", "cifar-100-binary", 2, 100, CIFAR100_TRAIN, CIFAR100_TEST);

        final String format;
        final String archiveFolder;
        final int labelBytes;
        final int classes;
        final List<String> trainFiles;
        final List<String> testFiles;

        Variant(String format, String archiveFolder, int labelBytes, int classes, List<String> trainFiles, List<String> testFiles) {
            this.format = format;
            this.archiveFolder = archiveFolder;
            this.labelBytes = labelBytes;
            this.classes = classes;
            this.trainFiles = trainFiles;
            this.testFiles = testFiles;
        }

        public int recordBytes() { return labelBytes + PIXELS; }
        /** Records in the official archive's file: 10000 per CIFAR-10 batch, 50000/10000 for CIFAR-100's train/test. */
        int officialRecords(String file) { return "train.bin".equals(file) ? 50000 : 10000; }
        public int classes() { return classes; }
        public String format() { return format; }
    }

    private CifarReader() {}

    public static DataSplit readFolder(Path folder, Variant variant) {
        return readFolder(folder, variant, 0, 0);
    }

    /** Reads train and test sets; a limit of 0 keeps all samples (all records are still checked). */
    public static DataSplit readFolder(Path folder, Variant variant, int trainLimit, int testLimit) {
        if (!Files.isDirectory(folder)) {
            throw new DataFormatException(folder + ": " + variant.format + " folder not found (expected a folder holding "
                    + String.join(", ", all(variant)) + ")");
        }
        Path dir = locate(folder, variant);
        List<String> missing = new ArrayList<>();
        for (String f : all(variant)) if (!Files.isRegularFile(dir.resolve(f))) missing.add(f);
        if (!missing.isEmpty()) {
            throw new DataFormatException(folder + ": missing " + variant.format + " file(s) " + String.join(", ", missing)
                    + ". Expected " + String.join(", ", all(variant)) + " in folder " + folder.toAbsolutePath()
                    + " (or its subfolder " + variant.archiveFolder + "); found " + IdxReader.listing(folder));
        }
        String label = folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        Dataset train = read(dir, variant.trainFiles, variant, trainLimit, label + ":train", counts);
        Dataset test = read(dir, variant.testFiles, variant, testLimit, label + ":test", counts);
        checkCounts(dir, variant, counts);
        return new DataSplit(train, test);
    }

    /** Reads and concatenates the given record files. */
    static Dataset read(Path dir, List<String> files, Variant v, int limit, String name, java.util.Map<String, Integer> counts) {
        List<SourceFile> sources = new ArrayList<>();
        for (String f : files) sources.add(SourceFile.read(dir.resolve(f)));
        return read(sources, v, limit, name, counts);
    }

    static Dataset read(List<SourceFile> sources, Variant v, int limit, String name) {
        return read(sources, v, limit, name, new java.util.LinkedHashMap<>());
    }

    /** Reads and concatenates record files; puts each file's record count into {@code counts} (by file name). */
    static Dataset read(List<SourceFile> sources, Variant v, int limit, String name, java.util.Map<String, Integer> counts) {
        int rec = v.recordBytes();
        MessageDigest md = Hashing.sha256();
        List<byte[]> contents = new ArrayList<>();
        long total = 0;
        for (SourceFile s : sources) {
            byte[] b = s.decoded((long) v.officialRecords(fileName(s)) * rec);
            if (b.length % rec != 0) {
                throw new DataFormatException(s.name() + ": file size " + b.length + " bytes is not a multiple of the "
                        + v.format + " record size " + rec + " (" + v.labelBytes + " label byte" + (v.labelBytes == 1 ? "" : "s")
                        + " + " + PIXELS + " pixel bytes): " + (b.length / rec) + " whole records and "
                        + (b.length % rec) + " bytes left over");
            }
            checkLabels(s.name(), b, v);
            counts.put(fileName(s), b.length / rec);
            md.update(b);
            contents.add(b);
            total += b.length / rec;
        }
        if (total > Integer.MAX_VALUE / PIXELS) throw new DataFormatException(name + ": too many records (" + total + ")");
        int n = (int) total;
        int keep = limit > 0 ? Math.min(limit, n) : n;
        float[] x = new float[keep * PIXELS];
        int[] y = new int[keep];
        int i = 0;
        for (byte[] b : contents) {
            for (int r = 0; r < b.length / rec && i < keep; r++, i++) {
                int off = r * rec;
                y[i] = b[off + v.labelBytes - 1] & 0xff;
                int px = off + v.labelBytes, dst = i * PIXELS;
                for (int k = 0; k < PIXELS; k++) x[dst + k] = (b[px + k] & 0xff) * (1f / 255f);
            }
        }
        return new Dataset(x, y, v.classes, new int[] {3, 32, 32}, name, Hashing.hex(md), true);
    }

    private static String fileName(SourceFile s) {
        String n = s.name();
        return n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
    }

    /**
     * Record counts across the files of a folder: CIFAR-10's five training batches hold the same number of records
     * (10000 each in the official archive), and when any file holds its official count (a full copy) every file
     * must, so a batch cut at a record boundary is refused rather than read as a smaller data set.
     */
    static void checkCounts(Path dir, Variant v, java.util.Map<String, Integer> counts) {
        String first = v.trainFiles.get(0);
        for (String f : v.trainFiles) {
            if (!counts.get(f).equals(counts.get(first))) {
                throw new DataFormatException(dir.resolve(f) + ": holds " + counts.get(f) + " records, expected "
                        + counts.get(first) + " like " + first + " (every " + v.format + " training batch holds the same "
                        + "number of records; the file looks cut)");
            }
        }
        boolean full = counts.entrySet().stream().anyMatch(e -> e.getValue() == v.officialRecords(e.getKey()));
        for (var e : counts.entrySet()) {
            if (full && e.getValue() != v.officialRecords(e.getKey())) {
                throw new DataFormatException(dir.resolve(e.getKey()) + ": holds " + e.getValue() + " records, expected "
                        + v.officialRecords(e.getKey()) + " (the other files are a full " + v.format + " copy; the file looks cut)");
            }
        }
    }

    private static void checkLabels(String file, byte[] b, Variant v) {
        int rec = v.recordBytes();
        for (int r = 0, off = 0; off < b.length; r++, off += rec) {
            if (v == Variant.CIFAR100) {
                int coarse = b[off] & 0xff;
                if (coarse >= 20) {
                    throw new DataFormatException(file + ": coarse label value out of range in record " + r + " (byte offset "
                            + off + "): expected 0..19, found " + coarse);
                }
            }
            int label = b[off + v.labelBytes - 1] & 0xff;
            if (label >= v.classes) {
                throw new DataFormatException(file + ": " + (v == Variant.CIFAR100 ? "fine " : "") + "label value out of range in record "
                        + r + " (byte offset " + (off + v.labelBytes - 1) + "): expected 0.." + (v.classes - 1) + ", found " + label);
            }
        }
    }

    /** The folder holding the files: {@code folder} itself or the archive's subfolder inside it. */
    static Path locate(Path folder, Variant v) {
        Path sub = folder.resolve(v.archiveFolder);
        if (!Files.isRegularFile(folder.resolve(v.trainFiles.get(0))) && Files.isDirectory(sub)) return sub;
        return folder;
    }

    /** "cifar10" or "cifar100" when the folder holds that variant's first training file, otherwise null. */
    static String detect(Path folder) {
        for (Variant v : Variant.values()) {
            if (Files.isRegularFile(locate(folder, v).resolve(v.trainFiles.get(0)))) return v.format;
        }
        return null;
    }

    private static List<String> all(Variant v) {
        List<String> l = new ArrayList<>(v.trainFiles);
        l.addAll(v.testFiles);
        return l;
    }
}
