package org.maqd.cli;

import org.maqd.run.RunFiles;
import org.maqd.run.Summary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.maqd.data.DatasetInfo;
import org.maqd.data.Datasets;
import org.maqd.model.Safetensors;
import org.maqd.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code maqd inspect DATA_DIR|MODEL|RUN_DIR}: describe a data folder, a safetensors model or a run folder. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Describe a data folder (IDX or CIFAR; \"mnist-10k\" for the embedded set), a .safetensors model, or a run folder.")
public final class InspectCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH") String target;

    @Override
    public Integer call() {
        if (Datasets.EMBEDDED.equals(target)) {
            System.out.println(DatasetInfo.of(Datasets.embedded(0, 0)).describe());
            return 0;
        }
        Path p = Path.of(target);
        if (!Files.exists(p)) {
            System.err.println("maqd: " + target + ": no such file or folder; expected a data folder, a .safetensors file or a run folder");
            return MaqdCommand.BAD_INPUT;
        }
        if (Files.isDirectory(p) && Files.exists(p.resolve(RunFiles.SWEEP_JSON)) && Files.isDirectory(p.resolve(RunFiles.SWEEP_TRIALS))) {
            System.err.println("maqd: " + target + ": a sweep folder; inspect one of its trials (" + p.resolve(RunFiles.SWEEP_TRIALS)
                    + "/…), or write its report with maqd report " + target);
            return MaqdCommand.BAD_INPUT;
        }
        boolean runFolder = Files.isDirectory(p) && Files.exists(p.resolve(RunFiles.EXPERIMENT));
        if (runFolder && !Files.exists(p.resolve(RunFiles.MODEL_WEIGHTS))) {
            Summary sum = Summary.read(p);
            System.err.println("maqd: " + target + ": a run folder without a trained model ("
                    + (sum == null ? "no summary.json: the run did not finish" : "status " + sum.status())
                    + "); continue it with maqd run EXPERIMENT --out " + target + " --resume");
            return MaqdCommand.BAD_INPUT;
        }
        if (runFolder) {
            Summary sum = Summary.read(p);
            if (sum != null) {
                System.out.printf(Locale.ROOT, "run %s: %s after %d epoch(s)%s%n", sum.name(), sum.status(), sum.epochs(),
                        sum.testAccuracy() == null ? "" : String.format(Locale.ROOT, ", test accuracy %.4f", sum.testAccuracy()));
            }
        }
        if (Files.isDirectory(p) && Files.exists(p.resolve(RunFiles.MODEL_WEIGHTS))) p = p.resolve(RunFiles.MODEL_WEIGHTS);
        if (Files.isRegularFile(p) && p.toString().endsWith(".safetensors")) {
            Safetensors.Contents c = Safetensors.read(p);
            long total = 0;
            for (var e : c.tensors().entrySet()) {
                Tensor t = e.getValue();
                total += t.size();
                System.out.printf(Locale.ROOT, "%-40s %-18s %s%n", e.getKey(), Arrays.toString(t.shape()), summary(t));
            }
            System.out.printf(Locale.ROOT, "%d tensors, %,d values%n", c.tensors().size(), total);
            c.metadata().forEach((k, v) -> System.out.println(k + ": " + v));
            return 0;
        }
        if (Files.isDirectory(p)) {
            System.out.println(DatasetInfo.ofFolder(p).describe());
            return 0;
        }
        System.err.println("maqd: " + target + ": not a data folder, a .safetensors file or a run folder");
        return MaqdCommand.BAD_INPUT;
    }

    private static String summary(Tensor t) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY, sum = 0;
        for (float f : t.data) { lo = Math.min(lo, f); hi = Math.max(hi, f); sum += f; }
        return t.size() == 0 ? "" : String.format(Locale.ROOT, "min %.4g  max %.4g  mean %.4g", lo, hi, sum / t.size());
    }
}
