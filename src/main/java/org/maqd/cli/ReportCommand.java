package org.maqd.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.maqd.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code maqd report DIR [--pdf]}: report.html (and report.pdf) for a run or sweep folder;
 * {@code maqd report RUN_DIR RUN_DIR… [--out DIR] [--pdf]}: one report comparing the runs.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write report.html (self-contained, charts as inline SVG) and CSV files into a run folder or a sweep folder; --pdf adds report.pdf (the same page as PDF).",
                "With two or more run folders: one report comparing them (settings that differ, curves overlaid, final metrics, per-layer quantization side by side, histograms of the same layer), written into --out (default: a comparison-… folder beside the first run)."})
public final class ReportCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "DIR", description = "a run folder or a sweep folder; or two or more run folders to compare") List<Path> dirs;
    @Option(names = "--pdf", description = "also write report.pdf") boolean pdf;
    @Option(names = "--out", paramLabel = "DIR", description = "folder for a comparison report") Path out;

    @Override
    public Integer call() {
        Path html;
        if (dirs.size() == 1) {
            if (out != null) throw new org.maqd.experiment.ExperimentException("--out: only for a comparison of two or more run folders");
            html = ReportWriter.write(dirs.get(0), pdf);
        } else {
            Path first = dirs.get(0).toAbsolutePath().normalize();
            Path target = out != null ? out : first.resolveSibling("comparison-" + java.time.LocalDateTime.now()
                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            html = ReportWriter.compare(dirs, target, pdf);
        }
        System.out.println("report: " + html + (pdf ? " and " + html.resolveSibling(org.maqd.run.RunFiles.REPORT_PDF) : ""));
        return MaqdCommand.OK;
    }
}
