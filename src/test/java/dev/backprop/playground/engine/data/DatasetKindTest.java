package dev.backprop.playground.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class DatasetKindTest {

    @ParameterizedTest
    @EnumSource(value = DatasetKind.class, names = {"MOONS", "CIRCLES", "XOR", "SPIRAL", "BLOBS"})
    void shapeLabelsAndDeterminism(DatasetKind kind) {
        Dataset d = kind.generate(301, 0.1, new Random(4));
        assertEquals(301, d.size());
        assertEquals(2, d.features().numCols);
        int ones = 0;
        for (int i = 0; i < d.size(); i++) {
            assertTrue(d.label(i) == 0 || d.label(i) == 1);
            ones += d.label(i);
        }
        assertTrue(ones >= 140 && ones <= 161, kind + " is roughly balanced: " + ones + " ones");
        Dataset again = kind.generate(301, 0.1, new Random(4));
        assertArrayEquals(d.features().data, again.features().data);
        assertArrayEquals(d.labels().data, again.labels().data);
    }

    @Test
    void moonsMatchScikitLearnsConstruction() {
        // make_moons(5, noise=0): outer: n//2 = 2 points at angles linspace(0, pi, 2), label 0;
        // inner: 3 points (1 - cos t, 1 - sin t - 0.5) at linspace(0, pi, 3), label 1
        Dataset d = DatasetKind.MOONS.generate(5, 0, new Random(0));
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(new double[] {d.x1(i), d.x2(i), d.label(i)});
        }
        rows.sort(Comparator.<double[]>comparingDouble(r -> r[2]).thenComparingDouble(r -> r[0]));
        double[][] expected = {
            {-1, Math.sin(Math.PI), 0}, {1, 0, 0},
            {0, 0.5, 1}, {1, -0.5, 1}, {2, 0.5 - Math.sin(Math.PI), 1},
        };
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(expected[i], rows.get(i), 1e-12, "row " + i);
        }
    }

    @Test
    void noiseIsGaussianWithTheGivenScale() {
        Dataset clean = DatasetKind.CIRCLES.generate(20_000, 0, new Random(9));
        Dataset noisy = DatasetKind.CIRCLES.generate(20_000, 0.2, new Random(9));
        // the same shuffled order: the noise is generated after the shuffle, from the same stream
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < noisy.features().data.length; i++) {
            double e = noisy.features().data[i] - clean.features().data[i];
            sum += e;
            sumSq += e * e;
        }
        int n = noisy.features().data.length;
        assertEquals(0, sum / n, 0.01);
        assertEquals(0.2, Math.sqrt(sumSq / n), 0.005);
    }

    @Test
    void circlesInnerRingIsLabelOne() {
        Dataset d = DatasetKind.CIRCLES.generate(100, 0, new Random(1));
        for (int i = 0; i < d.size(); i++) {
            double r = Math.hypot(d.x1(i), d.x2(i));
            assertEquals(d.label(i) == 1 ? 0.5 : 1.0, r, 1e-12);
        }
    }

    @Test
    void xorLabelsBySignAgreement() {
        Dataset d = DatasetKind.XOR.generate(200, 0, new Random(1));
        for (int i = 0; i < d.size(); i++) {
            assertEquals(d.x1(i) * d.x2(i) > 0 ? 1 : 0, d.label(i));
        }
    }

    @Test
    void splitByRatio() {
        Dataset d = DatasetKind.MOONS.generate(1000, 0.1, new Random(1));
        DataSplit s = DataSplit.of(d, 0.2, new Random(2));
        assertEquals(200, s.test().size());
        assertEquals(800, s.train().size());
        int tests = 0;
        for (boolean t : s.isTest()) {
            tests += t ? 1 : 0;
        }
        assertEquals(200, tests);
        assertEquals(0, DataSplit.of(d, 0, new Random(2)).test().size());
    }

    @Test
    void rejectsTooFewSamples() {
        assertThrows(IllegalArgumentException.class, () -> DatasetKind.MOONS.generate(1, 0.1, new Random(1)));
    }
}
