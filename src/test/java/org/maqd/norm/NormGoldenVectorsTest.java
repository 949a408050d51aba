package org.maqd.norm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.maqd.norm.NormTestSupport.assertClose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.maqd.nn.Mode;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Tensor;

/** The {@code normalization} golden vectors of method-vectors.json (float64), matched to 1e-5. */
class NormGoldenVectorsTest {
    private static final double TOL = 1e-5;
    private static JsonNode cases;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = NormGoldenVectorsTest.class.getResourceAsStream("/method-vectors.json")) {
            assertNotNull(in, "method-vectors.json is not on the test classpath (src/test/resources)");
            cases = new ObjectMapper().readTree(in).get("normalization");
        }
        assertNotNull(cases, "method-vectors.json has no 'normalization' key");
        assertTrue(cases.isArray() && cases.size() >= 3, "expected at least 3 normalization cases");
    }

    /** Flattens a nested JSON array of numbers in row-major order. */
    static double[] flat(JsonNode n) {
        List<Double> out = new ArrayList<>();
        flatten(n, out);
        double[] r = new double[out.size()];
        for (int i = 0; i < r.length; i++) r[i] = out.get(i);
        return r;
    }

    private static void flatten(JsonNode n, List<Double> out) {
        if (n.isArray()) n.forEach(c -> flatten(c, out));
        else out.add(n.asDouble());
    }

    static int[] ints(JsonNode n) {
        int[] r = new int[n.size()];
        for (int i = 0; i < r.length; i++) r[i] = n.get(i).asInt();
        return r;
    }

    static float[] floats(double[] a) {
        float[] r = new float[a.length];
        for (int i = 0; i < a.length; i++) r[i] = (float) a[i];
        return r;
    }

    @Test
    void layersMatchGoldenOutputsGradientsAndRunningStatistics() {
        Set<String> seen = new HashSet<>();
        for (JsonNode c : cases) {
            String kind = c.get("norm").asText();
            seen.add(kind);
            assertEquals("training", c.get("mode").asText());
            int[] shape = ints(c.get("x_shape"));
            Norm n = Norms.create(kind, shape[1], 1, Parallel.serial());
            System.arraycopy(floats(flat(c.get("gamma"))), 0, n.weight().value.data, 0, shape[1]);
            System.arraycopy(floats(flat(c.get("beta"))), 0, n.bias().value.data, 0, shape[1]);

            Tensor y = n.forward(Tensor.of(floats(flat(c.get("x"))), shape), Mode.TRAIN);
            assertClose(flat(c.get("y")), y.data, TOL, kind + " y");
            Tensor gx = n.backward(Tensor.of(floats(flat(c.get("upstream_grad"))), shape));
            assertClose(flat(c.get("grad_x")), gx.data, TOL, kind + " grad_x");

            JsonNode run = c.get("running_after_one_step_from_mean0_var1");
            if (run != null) {
                FoldableNorm f = (FoldableNorm) n;
                assertEquals(run.get("momentum").asDouble(), f.momentum(), 0.0);
                assertClose(flat(run.get("mean")), f.runningMean(), TOL, kind + " running mean");
                assertClose(flat(run.get("var_unbiased")), f.runningVar(), TOL, kind + " running var");
            } else {
                assertEquals(0, n.runningMean().length, kind + " keeps no running statistics");
            }
        }
        assertTrue(seen.containsAll(Set.of("lbn", "bn", "ln")), "golden cases present: " + seen);
    }

    @Test
    void referenceMatchesGoldenVectorsInDouble() {
        for (JsonNode c : cases) {
            String kind = c.get("norm").asText();
            int[] shape = ints(c.get("x_shape"));
            double[] x = flat(c.get("x"));
            NormReference.Step s = NormReference.train(kind, 1, shape, x, flat(c.get("gamma")),
                    flat(c.get("beta")), flat(c.get("upstream_grad")));
            assertClose(flat(c.get("y")), s.y(), 1e-9, kind + " reference y");
            assertClose(flat(c.get("grad_x")), s.gradX(), 1e-9, kind + " reference grad_x");
            JsonNode run = c.get("running_after_one_step_from_mean0_var1");
            if (run != null) {
                int k = s.mean().length;
                double n = (double) x.length / k;
                double[][] r = NormReference.runningUpdate(s.mean(), s.var(), n, 0.1, new double[k], ones(k));
                assertClose(flat(run.get("mean")), r[0], 1e-9, kind + " reference running mean");
                assertClose(flat(run.get("var_unbiased")), r[1], 1e-9, kind + " reference running var");
            }
        }
    }

    private static double[] ones(int n) {
        double[] r = new double[n];
        java.util.Arrays.fill(r, 1.0);
        return r;
    }
}
