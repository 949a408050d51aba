package org.maqd.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maqd.experiment.ExperimentIO;

/** The templates build valid networks; the shipped resnet.json is the ResNet-8 template. */
class NetworkTemplatesTest {
    @Test
    void everyTemplateAnalyzesWithoutErrors() {
        for (String name : NetworkTemplates.NAMES) {
            NetworkAnalysis.Report r = NetworkAnalysis.analyze(NetworkTemplates.byName(name));
            assertTrue(r.ok(), name + ": " + r.firstError());
        }
        NetworkSpec r20 = NetworkTemplates.resnet(List.of(3, 32, 32), 10, 20, 16, true);
        assertEquals(1 + 9 * 3 + 2 + 2, r20.nodes().size(), "stem, 9 blocks of conv1/conv2/add, 2 projections, gap, out");
        NetworkAnalysis.Report a = NetworkAnalysis.analyze(r20);
        assertTrue(a.ok(), a.firstError());
        assertEquals(List.of(64, 8, 8), java.util.Arrays.stream(a.rows().get(a.rows().size() - 3).outShape()).boxed().toList());
        assertThrows(IllegalArgumentException.class, () -> NetworkTemplates.resnet(List.of(1, 28, 28), 10, 10, 16, true));
    }

    @Test
    void shippedResnetExperimentIsTheResnet8TemplateWithAFlattenHead() throws Exception {
        NetworkSpec file = ExperimentIO.parse(Files.readString(Path.of("experiments/resnet.json")), "resnet.json").network();
        NetworkSpec template = NetworkTemplates.resnet(List.of(1, 28, 28), 10, 8, 16, false);
        assertEquals(NetworkResolver.resolve(template).nodes(), NetworkResolver.resolve(file).nodes());
    }
}
