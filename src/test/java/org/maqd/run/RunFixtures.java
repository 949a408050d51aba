package org.maqd.run;

import java.util.List;

/** Small run-file records for tests of the readers of run folders. */
public final class RunFixtures {
    private RunFixtures() {}

    public static Summary summary(String name, String status, Double testAccuracy) {
        return new Summary(RunFiles.FORMAT_VERSION, name, status, null, null, null, testAccuracy, 0.5, 0.9, 0.4, 2, 1L, 1,
                32, 1.5, 1000.0, 2.5, 100, "mnist-10k", "mnist-10k", null, 640, 200, "jdk", "os", "cpu", 2, 512L, null);
    }

    public static MetricRow metric(int epoch, long step, double testAccuracy) {
        return new MetricRow(epoch, step, 0.5, 0.8, 0.6, testAccuracy, 0.01, 1.0, 100.0);
    }

    public static LayerProbeRow probe(int epoch, long step, int layer, String name, int weightStates) {
        return new LayerProbeRow(epoch, step, layer, name, "lbn", weightStates, 2, 0.5, 0.5, 0.01, 20.0, 0.02, 17.0,
                null, 0.5, new long[] {1, 2, 3}, new long[] {4, 5}, new float[] {0.1f}, new float[] {1f});
    }

    public static CertificateRecord certificate(double percent, long modelBytes) {
        return new CertificateRecord(true, 1000, (int) Math.round(percent * 10), percent, 99.9, percent >= 99.9, 0.9, 0.9,
                List.of(), null, 1e-6, 0, 32, new CertificateRecord.Cost(List.of(), modelBytes * 8, modelBytes, 100, 1000));
    }
}
