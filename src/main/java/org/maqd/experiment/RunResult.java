package org.maqd.experiment;

import java.nio.file.Path;
import org.maqd.train.RunOutcome;

/** A finished (or stopped, or diverged) run: its folder and how it ended. */
public record RunResult(Path runDir, RunOutcome outcome) {}
