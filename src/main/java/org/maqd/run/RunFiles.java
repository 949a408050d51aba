package org.maqd.run;

import java.nio.file.Path;
import java.util.List;

/**
 * The only list of the files of a run folder and a sweep folder, and the format version written into
 * {@code summary.json}. Every other package names a run file through these constants.
 *
 * <pre>
 * run folder:   experiment.json  summary.json  metrics.csv  layers.csv  histograms.csv  model.json
 *               model.safetensors  certificate.json  ptq.csv  checkpoint/{model,optimizer}.safetensors
 *               run.lock (while a process writes)  error.log (trace of an unexpected failure)
 *               report.html  report.pdf  report-settings.csv  report-layers.csv
 * sweep folder: sweep.json  results.csv  summary.csv  trials/&lt;id&gt;/ (a run folder each)  report-curves.csv
 * </pre>
 */
public final class RunFiles {
    private RunFiles() {}

    /** Version of the run-folder format; written as {@code format_version} in summary.json. */
    public static final int FORMAT_VERSION = 1;

    public static final String EXPERIMENT = "experiment.json";
    public static final String SUMMARY = "summary.json";
    public static final String METRICS = "metrics.csv";
    public static final String LAYERS = "layers.csv";
    public static final String HISTOGRAMS = "histograms.csv";
    public static final String MODEL_JSON = "model.json";
    public static final String MODEL_WEIGHTS = "model.safetensors";
    public static final String CERTIFICATE = "certificate.json";
    public static final String PTQ = "ptq.csv";
    /** Folder of {@code maqd ptq} reports, one JSON file per set of options ({@link PtqReportFiles}). */
    public static final String PTQ_REPORTS = "ptq";
    public static final String CHECKPOINT = "checkpoint";
    public static final String CHECKPOINT_NEW = "checkpoint.new";
    public static final String CHECKPOINT_OLD = "checkpoint.old";
    /** Inside {@link #CHECKPOINT}: the network's parameters and buffers. */
    public static final String CHECKPOINT_MODEL = "model.safetensors";
    /** Inside {@link #CHECKPOINT}: the optimizer's moments. */
    public static final String CHECKPOINT_OPTIMIZER = "optimizer.safetensors";
    /** Inside {@link #CHECKPOINT}: each probed layer's weight states at the last probe (for the next flip rate). */
    public static final String CHECKPOINT_PROBES = "probes.safetensors";
    public static final String LOCK = "run.lock";
    public static final String ERROR_LOG = "error.log";
    public static final String REPORT_HTML = "report.html";
    public static final String REPORT_PDF = "report.pdf";
    public static final String REPORT_SETTINGS = "report-settings.csv";
    public static final String REPORT_LAYERS = "report-layers.csv";

    public static final String SWEEP_JSON = "sweep.json";
    public static final String SWEEP_RESULTS = "results.csv";
    public static final String SWEEP_SUMMARY = "summary.csv";
    public static final String SWEEP_TRIALS = "trials";
    public static final String REPORT_CURVES = "report-curves.csv";

    /** The files a run report lists, in order. */
    public static final List<String> REPORTED = List.of(EXPERIMENT, SUMMARY, METRICS, LAYERS, HISTOGRAMS,
            REPORT_SETTINGS, REPORT_LAYERS, PTQ, CERTIFICATE, MODEL_WEIGHTS);

    /** True when {@code dir} holds a run's experiment or summary. */
    public static boolean looksLikeRun(Path dir) {
        return java.nio.file.Files.isRegularFile(dir.resolve(EXPERIMENT)) || java.nio.file.Files.isRegularFile(dir.resolve(SUMMARY));
    }

    /** True when {@code dir} holds a sweep's declaration or results. */
    public static boolean looksLikeSweep(Path dir) {
        return java.nio.file.Files.exists(dir.resolve(SWEEP_RESULTS)) || java.nio.file.Files.exists(dir.resolve(SWEEP_JSON));
    }

    /** True when the run folder holds a complete checkpoint (or one mid-swap). */
    public static boolean hasCheckpoint(Path dir) {
        return java.nio.file.Files.isDirectory(dir.resolve(CHECKPOINT)) || java.nio.file.Files.isDirectory(dir.resolve(CHECKPOINT_OLD));
    }
}
