package org.maqd.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SurrogateTest {
    private static final Surrogate[] ALL = {Surrogate.STE, Surrogate.SIGMOID, Surrogate.TRIANGLE,
            new Surrogate(Surrogate.Kind.SIGMOID, 1.5)};

    @Test
    void parsesNamesAndRejectsOthers() {
        assertEquals(Surrogate.Kind.STE, Surrogate.parse("ste").kind());
        assertEquals(Surrogate.Kind.SIGMOID, Surrogate.parse("Sigmoid").kind());
        assertEquals(4.0, Surrogate.parse("sigmoid").alpha());
        assertEquals(2.5, Surrogate.parse("sigmoid", 2.5).alpha());
        assertEquals(Surrogate.Kind.TRIANGLE, Surrogate.parse(" triangle ").kind());
        assertEquals("triangle", Surrogate.TRIANGLE.id());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Surrogate.parse("relu"));
        assertEquals(true, e.getMessage().contains("relu"));
        assertThrows(IllegalArgumentException.class, () -> Surrogate.parse("sigmoid", 0));
        assertThrows(IllegalArgumentException.class, () -> Surrogate.parse(null));
    }

    /** Each factor is the derivative of its smooth counterpart (central differences away from kinks). */
    @Test
    void factorIsDerivativeOfSmoothCounterpart() {
        int[][] bounds = {{0, 1}, {0, 3}, {-1, 1}, {0, 7}, {-3, 4}};
        double h = 1e-6;
        for (Surrogate s : ALL) {
            for (int[] ab : bounds) {
                for (double t = ab[0] - 3.013; t <= ab[1] + 3; t += 0.0371) {
                    double frac = t - Math.floor(t);
                    if (Math.abs(frac - 0.5) < 1e-4) continue;     // kinks of ste/triangle are at half-integers
                    double fd = (s.smooth(t + h, ab[0], ab[1]) - s.smooth(t - h, ab[0], ab[1])) / (2 * h);
                    assertEquals(fd, s.factor(t, ab[0], ab[1]), 1e-7,
                            s + " at t=" + t + " bounds " + ab[0] + ".." + ab[1]);
                }
            }
        }
    }

    @Test
    void steIsTheClipRangeMask() {
        Surrogate s = Surrogate.STE;
        assertEquals(1.0, s.factor(-0.5, 0, 3));
        assertEquals(1.0, s.factor(3.5, 0, 3));
        assertEquals(0.0, s.factor(-0.5000001, 0, 3));
        assertEquals(0.0, s.factor(3.5000001, 0, 3));
        assertEquals(1.0, s.factor(1.7, 0, 3));
        assertEquals(0.0, s.factor(-1.2, 1.0, 0, 3));                     // z=−1.2, Δ=1: t=−1.2 outside
        assertEquals(1.0, s.factor(1.2, 0.4, 0, 3));                       // t=3 inside
    }

    @Test
    void handComputedValues() {
        // sigmoid, α=4, bounds [0,1]: at t=½ one term with u=0: α·¼ = 1
        assertEquals(1.0, Surrogate.SIGMOID.factor(0.5, 0, 1), 1e-15);
        // α=4 at t=1, bounds [0,1]: u=2, σ(2)(1−σ(2))·4
        double sg = 1 / (1 + Math.exp(-2));
        assertEquals(4 * sg * (1 - sg), Surrogate.SIGMOID.factor(1.0, 0, 1), 1e-15);
        // triangle: peak 1 at t=½; two overlapping terms at t=1 in [0,3]: 0.5 + 0.5
        assertEquals(1.0, Surrogate.TRIANGLE.factor(0.5, 0, 1), 1e-15);
        assertEquals(0.75, Surrogate.TRIANGLE.factor(0.25, 0, 1), 1e-15);
        assertEquals(1.0, Surrogate.TRIANGLE.factor(1.0, 0, 3), 1e-15);
        assertEquals(0.5, Surrogate.TRIANGLE.factor(1.0, 0, 1), 1e-15);
        assertEquals(0.0, Surrogate.TRIANGLE.factor(-0.6, 0, 3), 1e-15);
        assertEquals(0.0, Surrogate.TRIANGLE.factor(3.6, 0, 3), 1e-15);
        // smooth staircases tend to the codes far away
        assertEquals(3.0, Surrogate.SIGMOID.smooth(50, 0, 3), 1e-12);
        assertEquals(0.0, Surrogate.SIGMOID.smooth(-50, 0, 3), 1e-12);
        assertEquals(3.0, Surrogate.TRIANGLE.smooth(5, 0, 3), 0);
        assertEquals(-1.0, Surrogate.TRIANGLE.smooth(-5, -1, 1), 0);
        assertEquals(2.0, Surrogate.TRIANGLE.smooth(2.0, 0, 5), 1e-15);   // symmetric between two steps
    }

    /** The windowed sigmoid sum equals the full sum over all M − 1 terms. */
    @Test
    void sigmoidWindowMatchesFullSum() {
        for (double alpha : new double[] {0.05, 0.5, 4, 20}) {
            Surrogate s = new Surrogate(Surrogate.Kind.SIGMOID, alpha);
            for (double t = -20; t < 280; t += 0.73) {
                double full = 0;
                for (int k = 0; k <= 254; k++) {
                    double sg = 1 / (1 + Math.exp(-alpha * (t - k - 0.5)));
                    full += alpha * sg * (1 - sg);
                }
                assertEquals(full, s.factor(t, 0, 255), 1e-14 + 1e-12 * full, "alpha " + alpha + " t " + t);
            }
        }
    }
}
