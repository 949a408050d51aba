package org.maqd.data;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a {@link DataSpec} into a {@link DataSplit}. The {@code dataset} field is one of:
 * <ul>
 *   <li>{@code "mnist-10k"} (or null): the embedded MNIST subset (7,996 train / 2,004 test), read from the
 *       classpath folder {@value #EMBEDDED_DIR};</li>
 *   <li>a toy set name ({@link ToyDatasets#NAMES}), generated from {@code toySamples}/{@code toyNoise};</li>
 *   <li>a folder path, read per {@code format}: "idx" (the four MNIST-style files), "cifar10" or "cifar100"
 *       (binary batches). When {@code format} is null the folder's files decide (IDX if present, else CIFAR
 *       if recognised). A relative path resolves against {@code baseDir} (the experiment file's folder)
 *       first, then the working directory; "~/" means the home folder.</li>
 * </ul>
 * Other data sets such as Fashion-MNIST are not embedded: download their files into a folder and give its path.
 * {@code trainLimit}/{@code testLimit} keep the first N samples (0 or null: all).
 */
public final class Datasets {
    public static final String EMBEDDED = "mnist-10k";
    public static final String EMBEDDED_DIR = "/assets/datasets/mnist-10k";
    /** Seed of the toy sets when none is given, so a toy data set is the same in every run and sweep trial. */
    public static final long DEFAULT_TOY_SEED = 20240322L;
    public static final String OPTIONS = "\"" + EMBEDDED + "\" (embedded MNIST subset), a toy set (" + ToyDatasets.NAMES
            + "), or the path of a folder holding IDX files (format \"idx\", e.g. MNIST or Fashion-MNIST) or CIFAR"
            + " binary batches (format \"cifar10\" or \"cifar100\")";

    private Datasets() {}

    public static DataSplit load(DataSpec spec, Path baseDir) {
        return load(spec, baseDir, DEFAULT_TOY_SEED);
    }

    /** As {@link #load(DataSpec, Path)}, generating toy sets from {@code toySeed}; refused when {@code sha256} differs. */
    public static DataSplit load(DataSpec spec, Path baseDir, long toySeed) {
        DataSplit data = loadUnchecked(spec, baseDir, toySeed);
        if (spec != null && spec.sha256() != null && !spec.sha256().equals(data.sha256())) {
            throw new DataFormatException("field 'data.sha256': the data " + (spec.dataset() == null ? EMBEDDED : spec.dataset())
                    + " has content hash " + data.sha256() + ", expected " + spec.sha256()
                    + " (the data changed since the run recorded it); refusing other data than the run's");
        }
        return data;
    }

    private static DataSplit loadUnchecked(DataSpec spec, Path baseDir, long toySeed) {
        String name = spec == null || spec.dataset() == null || spec.dataset().isBlank() ? EMBEDDED : spec.dataset().trim();
        String format = spec == null || spec.format() == null ? null : spec.format().trim().toLowerCase(Locale.ROOT);
        int trainLimit = limit(spec == null ? null : spec.trainLimit(), "trainLimit");
        int testLimit = limit(spec == null ? null : spec.testLimit(), "testLimit");
        if (name.equalsIgnoreCase(EMBEDDED)) {
            if (format != null && !format.equals("idx")) {
                throw new DataFormatException("dataset \"" + EMBEDDED + "\" is IDX data; format \"" + spec.format()
                        + "\" does not apply (leave it out or use \"idx\")");
            }
            return embedded(trainLimit, testLimit);
        }
        if (ToyDatasets.isToyName(name)) {
            int samples = spec.toySamples() == null ? 0 : spec.toySamples();
            if (samples < 0) throw new DataFormatException("data.toySamples: expected a positive number, found " + samples);
            double noise = spec.toyNoise() == null ? -1 : spec.toyNoise();
            if (spec.toyNoise() != null && !(noise >= 0)) {
                throw new DataFormatException("data.toyNoise: expected a non-negative number, found " + spec.toyNoise());
            }
            return ToyDatasets.generate(name, samples, noise, toySeed).limit(trainLimit, testLimit);
        }
        Path folder = resolve(name, baseDir);
        return readFolder(folder, format, trainLimit, testLimit);
    }

    /**
     * The spec with a folder dataset named by its absolute, normalized path (so a run folder read from anywhere
     * finds the same data); embedded and toy sets are returned unchanged.
     */
    public static DataSpec absolute(DataSpec spec, Path baseDir) {
        if (spec == null || spec.dataset() == null || spec.dataset().isBlank()) return spec;
        String name = spec.dataset().trim();
        if (name.equalsIgnoreCase(EMBEDDED) || ToyDatasets.isToyName(name)) return spec;
        return spec.withDataset(resolve(name, baseDir).toAbsolutePath().normalize().toString());
    }

    /** The embedded MNIST-10k split. */
    public static DataSplit embedded(int trainLimit, int testLimit) {
        return IdxReader.readResources(EMBEDDED_DIR, EMBEDDED, IdxReader.DEFAULT_CLASSES, trainLimit, testLimit);
    }

    /**
     * Reads a data folder. {@code format}: "idx", "cifar10", "cifar100", or null to decide from the files present.
     */
    public static DataSplit readFolder(Path folder, String format, int trainLimit, int testLimit) {
        String f = format == null ? detectFormat(folder) : format.toLowerCase(Locale.ROOT).replace("-", "");
        return switch (f) {
            case "idx" -> IdxReader.readFolder(folder, IdxReader.DEFAULT_CLASSES, trainLimit, testLimit);
            case "cifar10" -> CifarReader.readFolder(folder, CifarReader.Variant.CIFAR10, trainLimit, testLimit);
            case "cifar100" -> CifarReader.readFolder(folder, CifarReader.Variant.CIFAR100, trainLimit, testLimit);
            default -> throw new DataFormatException("data.format: expected \"idx\", \"cifar10\" or \"cifar100\", found \""
                    + format + "\"");
        };
    }

    /** "idx" when the folder holds IDX training images, "cifar10"/"cifar100" when it holds CIFAR batches, else "idx". */
    public static String detectFormat(Path folder) {
        if (IdxReader.looksLikeIdx(folder)) return "idx";
        String cifar = Files.isDirectory(folder) ? CifarReader.detect(folder) : null;
        return cifar != null ? cifar : "idx";
    }

    /** Finds the folder for a dataset path: absolute as is; relative against {@code baseDir}, then the working directory. */
    public static Path resolve(String name, Path baseDir) {
        String expanded = name.startsWith("~/") || name.startsWith("~\\")
                ? System.getProperty("user.home") + name.substring(1) : name;
        Path p;
        try {
            p = Path.of(expanded);
        } catch (InvalidPathException e) {
            throw unknown(name, List.of(), "it is not a valid path (" + e.getMessage() + ")");
        }
        List<Path> tried = new ArrayList<>();
        if (p.isAbsolute()) {
            tried.add(p);
        } else {
            if (baseDir != null) tried.add(baseDir.resolve(p).normalize());
            tried.add(Path.of("").toAbsolutePath().resolve(p).normalize());
        }
        for (Path t : tried) {
            if (Files.isDirectory(t)) return t;
        }
        for (Path t : tried) {
            if (Files.isRegularFile(t)) {
                throw new DataFormatException("dataset \"" + name + "\": " + t + " is a file; give the folder that holds"
                        + " the data files instead (" + t.getParent() + ")");
            }
        }
        String hint = switch (name.toLowerCase(Locale.ROOT)) {
            case "fashion-mnist", "fashion_mnist", "fashionmnist", "mnist", "kmnist" -> name
                    + " is not embedded: put its four IDX files (" + IdxReader.expectedList()
                    + ") in a folder and give that folder's path";
            case "cifar10", "cifar-10", "cifar100", "cifar-100" -> name
                    + " is not embedded: download the CIFAR binary version, unpack it, give the folder's path and set"
                    + " format to \"" + name.toLowerCase(Locale.ROOT).replace("-", "") + "\"";
            default -> "no such data set name and no such folder";
        };
        throw unknown(name, tried, hint);
    }

    private static DataFormatException unknown(String name, List<Path> tried, String why) {
        StringBuilder sb = new StringBuilder("unknown dataset \"").append(name).append("\": ").append(why);
        if (!tried.isEmpty()) {
            sb.append(" (looked for a folder at ");
            for (int i = 0; i < tried.size(); i++) sb.append(i == 0 ? "" : ", then ").append(tried.get(i));
            sb.append(")");
        }
        return new DataFormatException(sb.append(". Options: ").append(OPTIONS).toString());
    }

    private static int limit(Integer v, String field) {
        if (v == null) return 0;
        if (v < 0) throw new DataFormatException("data." + field + ": expected 0 (all) or a positive count, found " + v);
        return v;
    }
}
