package org.maqd.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.maqd.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code maqd report DIR [--pdf]}: a self-contained report.html (and report.pdf) for a run or sweep folder. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write report.html (self-contained, charts as inline SVG) and CSV files into a run folder or a sweep folder; --pdf adds report.pdf.")
public final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR|SWEEP_DIR", description = "a run folder or a sweep folder") Path dir;
    @Option(names = "--pdf", description = "also write report.pdf") boolean pdf;

    @Override
    public Integer call() {
        Path html = ReportWriter.write(dir, pdf);
        System.out.println("report: " + html + (pdf ? " and " + html.resolveSibling(org.maqd.run.RunFiles.REPORT_PDF) : ""));
        return MaqdCommand.OK;
    }
}
