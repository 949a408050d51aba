package org.maqd.ui.engine;

import java.nio.file.Path;
import org.maqd.report.ReportWriter;

/** {@link Reports} through {@link ReportWriter} (HTML only, as {@code maqd report DIR} without --pdf). */
public final class EngineReports implements Reports {
    @Override
    public Path write(Path dir) { return ReportWriter.write(dir, false); }
}
