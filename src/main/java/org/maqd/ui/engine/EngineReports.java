package org.maqd.ui.engine;

import java.nio.file.Path;
import java.util.List;
import org.maqd.report.ReportWriter;

/** {@link Reports} through {@link ReportWriter}, HTML and PDF (as {@code maqd report DIR… --pdf}). */
public final class EngineReports implements Reports {
    @Override
    public Path write(Path dir) { return ReportWriter.write(dir, true); }

    @Override
    public Path compare(List<Path> runs, Path out) { return ReportWriter.compare(runs, out, true); }
}
