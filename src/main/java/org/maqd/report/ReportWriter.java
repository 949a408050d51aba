package org.maqd.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.maqd.run.AtomicFiles;
import org.maqd.run.RunFiles;
import org.maqd.experiment.ExperimentException;
import org.maqd.experiment.RunFolder;

/**
 * Writes {@code report.html} (self-contained: inline CSS, charts as inline SVG, no network references) into a
 * run folder or a sweep folder, with CSV files of the tables beside it, and {@code report.pdf} when asked: the
 * same page rendered to PDF ({@link HtmlPdf}). Built from the folders' files only. A sweep folder is recognised
 * by its {@code results.csv} or {@code sweep.json}; a run folder by its {@code experiment.json}.
 * {@link #compare} writes one report comparing several run folders.
 */
public final class ReportWriter {
    private ReportWriter() {}

    /** Writes the report; returns the path of report.html. */
    public static Path write(Path dir, boolean pdf) {
        if (!Files.isDirectory(dir)) throw new ExperimentException(dir + ": no such folder; expected a run folder or a sweep folder");
        String html;
        if (Files.exists(dir.resolve(RunFiles.SWEEP_RESULTS)) || Files.exists(dir.resolve(RunFiles.SWEEP_JSON))) {
            SweepReport r = new SweepReport(dir);
            r.writeCsvs();
            html = r.html();
        } else if (Files.exists(dir.resolve(RunFiles.EXPERIMENT))) {
            RunFolder.checkDataIfPresent(dir);
            RunReport r = new RunReport(dir);
            r.writeCsvs();
            html = r.html();
        } else {
            throw new ExperimentException(dir + ": not a run folder (no experiment.json) nor a sweep folder (no results.csv or sweep.json)");
        }
        return save(html, dir, pdf);
    }

    /**
     * One report comparing the run folders {@code runs} (in that order) written into {@code out} (created):
     * report.html, and report.pdf when asked. Returns the path of report.html.
     */
    public static Path compare(List<Path> runs, Path out, boolean pdf) {
        if (runs.size() < 2) throw new ExperimentException("a comparison needs at least two run folders (got " + runs.size() + ")");
        for (Path d : runs) {
            if (!Files.isRegularFile(d.resolve(RunFiles.EXPERIMENT)))
                throw new ExperimentException(d + ": not a run folder (no experiment.json)");
            RunFolder.checkDataIfPresent(d);
        }
        try {
            Files.createDirectories(out);
        } catch (java.io.IOException e) {
            throw new ExperimentException(out + ": cannot create the report folder (" + e.getMessage() + ")", e);
        }
        return save(new ComparisonReport(runs).html(), out, pdf);
    }

    private static Path save(String html, Path dir, boolean pdf) {
        Path file = dir.resolve(RunFiles.REPORT_HTML);
        AtomicFiles.writeString(file, html);
        if (pdf) HtmlPdf.write(html, dir.resolve(RunFiles.REPORT_PDF));
        return file;
    }
}
