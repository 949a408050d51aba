package org.maqd.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A strict reader of IDX files (the MNIST format): unsigned-byte images of 3 dimensions [N, H, W] and
 * unsigned-byte labels of 1 dimension [N], each gzip-compressed (recognised by the magic 1f 8b) or raw.
 * Every header field and size is checked; a problem fails with a {@link DataFormatException} naming the file,
 * the field or byte offset, what was expected and what was found.
 *
 * <p>Images become samples of shape [1, H, W] with pixels scaled to [0, 1]. Labels must lie in 0..classes-1
 * ({@link #DEFAULT_CLASSES} for the MNIST family: MNIST, Fashion-MNIST, KMNIST). A data set's {@code sha256}
 * is the SHA-256 of the decoded (decompressed) image file followed by the decoded label file, so it does not
 * change when the files are re-compressed.
 */
public final class IdxReader {
    public static final int DEFAULT_CLASSES = 10;
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    private static final int IMAGE_MAGIC = 0x00000803;
    private static final int LABEL_MAGIC = 0x00000801;

    private IdxReader() {}

    /** Reads the four standard files from {@code folder}, all samples, {@link #DEFAULT_CLASSES} classes. */
    public static DataSplit readFolder(Path folder) {
        return readFolder(folder, DEFAULT_CLASSES, 0, 0);
    }

    /**
     * Reads the four standard files from {@code folder}; each may be named with or without ".gz" (and with
     * the ".idx3-ubyte" spelling some copies use). A limit of 0 keeps all samples; all labels are checked anyway.
     */
    public static DataSplit readFolder(Path folder, int classes, int trainLimit, int testLimit) {
        if (!Files.isDirectory(folder)) {
            throw new DataFormatException(folder + ": IDX folder not found (expected a folder holding "
                    + expectedList() + ")");
        }
        Path trainImages = find(folder, TRAIN_IMAGES), trainLabels = find(folder, TRAIN_LABELS);
        Path testImages = find(folder, TEST_IMAGES), testLabels = find(folder, TEST_LABELS);
        List<String> missing = new ArrayList<>();
        if (trainImages == null) missing.add(TRAIN_IMAGES + "[.gz]");
        if (trainLabels == null) missing.add(TRAIN_LABELS + "[.gz]");
        if (testImages == null) missing.add(TEST_IMAGES + "[.gz]");
        if (testLabels == null) missing.add(TEST_LABELS + "[.gz]");
        if (!missing.isEmpty()) {
            throw new DataFormatException(folder + ": missing IDX file(s) " + String.join(", ", missing)
                    + ". Expected the four files " + expectedList() + " in folder " + folder.toAbsolutePath()
                    + "; found " + listing(folder) + hintForOtherFormat(folder));
        }
        String label = folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
        Dataset train = read(SourceFile.read(trainImages), SourceFile.read(trainLabels), classes, trainLimit, label + ":train");
        Dataset test = read(SourceFile.read(testImages), SourceFile.read(testLabels), classes, testLimit, label + ":test");
        checkSameShape(train, test, trainImages.toString(), testImages.toString());
        return new DataSplit(train, test);
    }

    /** Reads the four standard gzip files from a classpath folder such as {@code /assets/datasets/mnist-10k}. */
    public static DataSplit readResources(String dir, String label, int classes, int trainLimit, int testLimit) {
        Dataset train = read(SourceFile.resource(dir + "/" + TRAIN_IMAGES + ".gz"),
                SourceFile.resource(dir + "/" + TRAIN_LABELS + ".gz"), classes, trainLimit, label + ":train");
        Dataset test = read(SourceFile.resource(dir + "/" + TEST_IMAGES + ".gz"),
                SourceFile.resource(dir + "/" + TEST_LABELS + ".gz"), classes, testLimit, label + ":test");
        checkSameShape(train, test, dir + "/" + TRAIN_IMAGES + ".gz", dir + "/" + TEST_IMAGES + ".gz");
        return new DataSplit(train, test);
    }

    /** Reads one image file and its label file. {@code limit} 0 keeps all samples. */
    public static Dataset read(Path images, Path labels, int classes, int limit, String name) {
        return read(SourceFile.read(images), SourceFile.read(labels), classes, limit, name);
    }

    static Dataset read(SourceFile imageFile, SourceFile labelFile, int classes, int limit, String name) {
        byte[] img = imageFile.decoded(16, head -> 16 + fits(imageFile.name(), product(header(imageFile.name(), head, IMAGE_MAGIC, "images"))));
        byte[] lab = labelFile.decoded(8, head -> 8 + product(header(labelFile.name(), head, LABEL_MAGIC, "labels")));
        int[] imgDims = header(imageFile.name(), img, IMAGE_MAGIC, "images");
        int[] labDims = header(labelFile.name(), lab, LABEL_MAGIC, "labels");
        int n = imgDims[0], h = imgDims[1], w = imgDims[2];
        checkPayload(imageFile.name(), img, 16, (long) n * h * w, "pixel data (" + n + " x " + h + " x " + w + ")");
        checkPayload(labelFile.name(), lab, 8, labDims[0], "label data (" + labDims[0] + " labels)");
        if (labDims[0] != n) {
            throw new DataFormatException("label count does not match image count: " + labelFile.name() + " holds "
                    + labDims[0] + " labels (dimension 0 at byte offset 4) but " + imageFile.name() + " holds " + n
                    + " images; both files of a pair must have the same count");
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int v = lab[8 + i] & 0xff;
            if (v >= classes) {
                throw new DataFormatException(labelFile.name() + ": label value out of range at byte offset " + (8 + i)
                        + " (sample " + i + "): expected 0.." + (classes - 1) + ", found " + v
                        + " (IDX folders are read as " + classes + "-class data sets)");
            }
            y[i] = v;
        }
        int keep = limit > 0 ? Math.min(limit, n) : n;
        int per = h * w;
        Dataset.checkFits(imageFile.name(), (long) keep * per);
        float[] x = new float[keep * per];
        for (int i = 0; i < x.length; i++) x[i] = (img[16 + i] & 0xff) * (1f / 255f);
        MessageDigest md = Hashing.sha256();
        md.update(img);
        md.update(lab);
        int[] yKeep = keep == n ? y : java.util.Arrays.copyOf(y, keep);
        return new Dataset(x, yKeep, classes, new int[] {1, h, w}, name, Hashing.hex(md), true);
    }

    private static long fits(String file, long values) {
        Dataset.checkFits(file, values);
        return values;
    }

    private static long product(int[] dims) {
        long p = 1;
        for (int d : dims) p *= d;   // at most 3 positive ints: no overflow of a long
        return p;
    }

    /** Checks the magic number and reads the dimension sizes; returns them. */
    private static int[] header(String file, byte[] b, int magic, String kind) {
        int dims = magic & 0xff;
        String expected = String.format("0x%08X (unsigned bytes, %d dimension%s: %s)", magic, dims, dims == 1 ? "" : "s", kind);
        if (b.length < 4) {
            throw new DataFormatException(file + ": magic number at byte offset 0: expected " + expected
                    + ", but the file holds only " + b.length + " byte(s)");
        }
        int found = readInt(b, 0);
        if (found != magic) {
            String hint = "";
            if ((found >>> 16) != 0) hint = " — this is not an IDX file";
            else if ((b[2] & 0xff) != 0x08) hint = " — data type byte (offset 2) is " + String.format("0x%02X", b[2] & 0xff)
                    + " (" + dtypeName(b[2] & 0xff) + "), expected 0x08 (unsigned byte)";
            else if ((b[3] & 0xff) != dims) hint = " — number of dimensions (byte offset 3) is " + (b[3] & 0xff)
                    + ", expected " + dims + (dims == 3 && (b[3] & 0xff) == 1 ? "; is this a label file?" : "")
                    + (dims == 1 && (b[3] & 0xff) == 3 ? "; is this an image file?" : "");
            throw new DataFormatException(file + ": wrong magic number at byte offset 0: expected " + expected
                    + ", found " + String.format("0x%08X", found) + hint);
        }
        int headerBytes = 4 + 4 * dims;
        if (b.length < headerBytes) {
            throw new DataFormatException(file + ": truncated header: expected " + headerBytes + " bytes (magic number and "
                    + dims + " dimension sizes), found " + b.length);
        }
        int[] sizes = new int[dims];
        for (int d = 0; d < dims; d++) {
            sizes[d] = readInt(b, 4 + 4 * d);
            if (sizes[d] < 1) {
                throw new DataFormatException(file + ": dimension " + d + " (" + dimName(kind, d) + ") at byte offset "
                        + (4 + 4 * d) + ": expected a positive size, found " + Integer.toUnsignedString(sizes[d]));
            }
        }
        return sizes;
    }

    private static void checkPayload(String file, byte[] b, int headerBytes, long expected, String what) {
        long found = b.length - headerBytes;
        if (found < expected) {
            throw new DataFormatException(file + ": truncated file: expected " + expected + " bytes of " + what
                    + " after the " + headerBytes + "-byte header, found " + found);
        }
        if (found > expected) {
            throw new DataFormatException(file + ": trailing garbage: expected " + expected + " bytes of " + what
                    + " after the " + headerBytes + "-byte header, found " + found + " (" + (found - expected)
                    + " extra bytes from byte offset " + (headerBytes + expected) + ")");
        }
    }

    private static void checkSameShape(Dataset train, Dataset test, String trainFile, String testFile) {
        if (!java.util.Arrays.equals(train.sampleShape(), test.sampleShape())) {
            throw new DataFormatException("image size differs: " + trainFile + " has images of "
                    + java.util.Arrays.toString(train.sampleShape()) + " but " + testFile + " has "
                    + java.util.Arrays.toString(test.sampleShape()));
        }
    }

    private static int readInt(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }

    private static String dimName(String kind, int d) {
        if (d == 0) return "number of " + kind;
        return d == 1 ? "rows" : "columns";
    }

    private static String dtypeName(int code) {
        return switch (code) {
            case 0x08 -> "unsigned byte";
            case 0x09 -> "signed byte";
            case 0x0B -> "short";
            case 0x0C -> "int";
            case 0x0D -> "float";
            case 0x0E -> "double";
            default -> "unknown type";
        };
    }

    /** The file for a base name: raw, ".gz", or the dotted spelling ("train-images.idx3-ubyte"). */
    static Path find(Path folder, String base) {
        String dotted = base.replace("-idx", ".idx");
        for (String name : new String[] {base, base + ".gz", dotted, dotted + ".gz"}) {
            Path p = folder.resolve(name);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    /** True when {@code folder} holds at least the training images in IDX naming. */
    static boolean looksLikeIdx(Path folder) {
        return find(folder, TRAIN_IMAGES) != null;
    }

    static String expectedList() {
        return TRAIN_IMAGES + "[.gz], " + TRAIN_LABELS + "[.gz], " + TEST_IMAGES + "[.gz], " + TEST_LABELS + "[.gz]";
    }

    static String listing(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
            if (names.isEmpty()) return "an empty folder";
            int shown = Math.min(12, names.size());
            return String.join(", ", names.subList(0, shown)) + (names.size() > shown ? ", ... (" + names.size() + " entries)" : "");
        } catch (IOException e) {
            return "(cannot list the folder: " + e.getMessage() + ")";
        }
    }

    private static String hintForOtherFormat(Path folder) {
        String other = CifarReader.detect(folder);
        return other == null ? "" : ". The folder looks like " + other + " binary data: set the data format to \"" + other + "\"";
    }
}
