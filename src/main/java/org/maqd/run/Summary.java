package org.maqd.run;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code summary.json}: how a run ended and where it ran. {@code status} is completed, stopped, diverged or
 * failed; a diverged run names the step ({@code divergedStep}) and the reason. The dataset is recorded by absolute
 * path and content hash. Numbers of the last finished epoch are null when no epoch finished. {@code warmupSeconds} is
 * the time the JIT warm-up took before the run's clock started (0 with the warm-up off; null in summaries written
 * before it was recorded, and in a failed run's).
 */
public record Summary(int formatVersion, String name, String status, String message, Long divergedStep,
                      String divergedReason, Double testAccuracy, Double testLoss, Double trainAccuracy,
                      Double trainLoss, int epochs, long seed, int threads, int batchSize, double seconds,
                      Double samplesPerSecond, Double warmupSeconds, long parameters, String dataset, String datasetPath,
                      String datasetHash, int trainSamples, int testSamples, String jdk, String os, String cpu,
                      Integer cores, Long maxHeapMb, String gitRevision) {
    /** Fields that depend on the machine's speed, not on the numbers computed. */
    public static final List<String> TIMING_FIELDS = List.of("seconds", "samples_per_second", "warmup_seconds");

    public static final String COMPLETED = "completed", STOPPED = "stopped", DIVERGED = "diverged", FAILED = "failed";

    /**
     * Reads {@code dir/summary.json}; null when the run has none. A summary without {@code format_version} (written
     * before the format had a version; its fields are the same) is read as format 0.
     */
    public static Summary read(Path dir) {
        Path f = dir.resolve(RunFiles.SUMMARY);
        Summary s;
        try {
            s = Json.read(f, Summary.class);
        } catch (RunFormatException e) {
            s = Json.readUnversioned(f, Summary.class, "format_version");
            if (s == null) throw e;
        }
        if (s != null && s.formatVersion() > RunFiles.FORMAT_VERSION) {
            throw new RunFormatException(f + ": field 'format_version': expected at most " + RunFiles.FORMAT_VERSION
                    + " (this version of the workbench), found " + s.formatVersion());
        }
        return s;
    }

    /** The summary as the JSON object it is written as (snake-case keys, nulls left out), for views that list its fields. */
    @SuppressWarnings("unchecked")
    public java.util.Map<String, Object> toMap() { return Json.MAPPER.convertValue(this, java.util.LinkedHashMap.class); }

    /** Writes {@code dir/summary.json} atomically. */
    public void write(Path dir) { Json.write(dir.resolve(RunFiles.SUMMARY), this); }

    /** Completed and diverged runs are finished results (a rerun would diverge again). */
    public boolean finished() { return finished(status); }

    /** A run with this status trained to its end (completed, or diverged and ended): its accuracy is a result. */
    public static boolean finished(String status) { return COMPLETED.equals(status) || DIVERGED.equals(status); }
}
