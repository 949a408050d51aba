package org.maqd.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.maqd.run.MetricRow;
import org.maqd.run.PtqRow;
import org.maqd.run.RunFiles;
import org.maqd.run.Summary;

/**
 * The bytes of every file under a run or sweep folder, with the timing fields (seconds, samples per second) set to
 * zero through the run package's readers and writers; everything else must match byte for byte.
 */
final class RunFolderBytes {
    private RunFolderBytes() {}

    static Map<String, String> of(Path root) throws Exception {
        Map<String, String> m = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path p : files) {
            String rel = root.relativize(p).toString().replace('\\', '/');
            String name = p.getFileName().toString();
            Path dir = p.getParent();
            if (name.equals(RunFiles.LOCK) || name.startsWith("report")) continue;
            if (name.equals(RunFiles.METRICS)) {
                List<MetricRow> rows = new ArrayList<>();
                for (MetricRow r : MetricRow.FILE.read(dir)) rows.add(new MetricRow(r.epoch(), r.step(), r.trainLoss(), r.trainAccuracy(),
                        r.testLoss(), r.testAccuracy(), r.learningRate(), 0, 0));
                m.put(rel, MetricRow.FILE.text(rows));
            } else if (name.equals(RunFiles.PTQ)) {
                List<PtqRow> rows = new ArrayList<>();
                for (PtqRow r : PtqRow.FILE.read(dir)) rows.add(new PtqRow(r.method(), r.states(), r.weightCalibration(), r.perChannel(),
                        r.testAccuracy(), r.testLoss(), r.floatTestAccuracy(), 0, 0));
                m.put(rel, PtqRow.FILE.text(rows));
            } else if (name.equals(RunFiles.SUMMARY)) {
                Summary s = Summary.read(dir);
                m.put(rel, new Summary(s.formatVersion(), s.name(), s.status(), s.message(), s.divergedStep(), s.divergedReason(),
                        s.testAccuracy(), s.testLoss(), s.trainAccuracy(), s.trainLoss(), s.epochs(), s.seed(), s.threads(), s.batchSize(),
                        0, null, null, s.parameters(), s.dataset(), s.datasetPath(), s.datasetHash(), s.trainSamples(), s.testSamples(),
                        s.jdk(), s.os(), s.cpu(), s.cores(), s.maxHeapMb(), s.gitRevision()).toString());
            } else if (name.equals(RunFiles.SWEEP_RESULTS) || name.equals(RunFiles.SWEEP_SUMMARY)) {
                m.put(rel, withoutColumns(Files.readString(p), List.of("seconds", "samples_per_second", "warmup_seconds", "seconds_mean")));
            } else {
                m.put(rel, java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return m;
    }

    /** A sweep table without its timing columns (read through the run package's table reader). */
    static String withoutColumns(String csv, List<String> drop) {
        org.maqd.run.CsvTable t = org.maqd.run.CsvTable.parse(csv, "table");
        return t.without(drop).text();
    }

}
