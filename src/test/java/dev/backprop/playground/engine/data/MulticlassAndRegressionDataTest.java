package dev.backprop.playground.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MulticlassAndRegressionDataTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 6})
    void spiralAndBlobsHaveKBalancedClasses(int k) {
        for (DatasetKind kind : new DatasetKind[] {DatasetKind.SPIRAL, DatasetKind.BLOBS}) {
            Dataset d = kind.generate(600, 0, k, new Random(1));
            int[] counts = new int[k];
            for (int i = 0; i < d.size(); i++) {
                counts[d.label(i)]++;
            }
            for (int c : counts) {
                assertTrue(Math.abs(c - 600 / k) <= 1, kind + " " + k + ": " + java.util.Arrays.toString(counts));
            }
        }
    }

    @Test
    void twoClassSpiralIsTheOldSpiral() {
        Dataset d = DatasetKind.SPIRAL.generate(10, 0, 2, new Random(3));
        Dataset old = DatasetKind.SPIRAL.generate(10, 0, new Random(3));
        assertArrayEquals(old.features().data, d.features().data);
        // the first point of arm 1 sits at radius 0; its arm runs the opposite way of arm 0
        for (int i = 0; i < d.size(); i++) {
            double r = Math.hypot(d.x1(i), d.x2(i));
            assertTrue(r <= 1 + 1e-12);
        }
    }

    @Test
    void aClassCountOutsideTheRangeOrOnAFixedDatasetIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DatasetKind.SPIRAL.generate(100, 0, 7, new Random(1)));
        assertThrows(IllegalArgumentException.class, () -> DatasetKind.BLOBS.generate(100, 0, 1, new Random(1)));
        assertThrows(IllegalArgumentException.class, () -> DatasetKind.MOONS.generate(100, 0, 3, new Random(1)));
        assertThrows(IllegalArgumentException.class, () -> DatasetKind.PLANE.generate(100, 0, 2, new Random(1)));
    }

    @Test
    void irisIsFishers150FlowersStandardized() {
        Dataset d = DatasetKind.IRIS.generate(2000, 0, new Random(1));
        assertEquals(150, d.size());
        int[] counts = new int[3];
        double[] mean = new double[2];
        double[] sq = new double[2];
        for (int i = 0; i < d.size(); i++) {
            counts[d.label(i)]++;
            mean[0] += d.x1(i) / 150;
            mean[1] += d.x2(i) / 150;
            sq[0] += d.x1(i) * d.x1(i) / 150;
            sq[1] += d.x2(i) * d.x2(i) / 150;
        }
        assertArrayEquals(new int[] {50, 50, 50}, counts);
        assertEquals(0, mean[0], 1e-12);
        assertEquals(0, mean[1], 1e-12);
        assertEquals(1, sq[0], 1e-12);
        assertEquals(1, sq[1], 1e-12);
        // setosa's petals are the smallest: every setosa lies left of every other flower
        double maxSetosa = Double.NEGATIVE_INFINITY;
        double minOther = Double.POSITIVE_INFINITY;
        for (int i = 0; i < d.size(); i++) {
            if (d.label(i) == 0) {
                maxSetosa = Math.max(maxSetosa, d.x1(i));
            } else {
                minOther = Math.min(minOther, d.x1(i));
            }
        }
        assertTrue(maxSetosa < minOther);
        assertEquals(40, DatasetKind.IRIS.generate(40, 0, new Random(1)).size());
    }

    @Test
    void planeIsItsLinearFunctionAndNoiseGoesToTheTarget() {
        Dataset clean = DatasetKind.PLANE.generate(200, 0, 0, new Random(5));
        for (int i = 0; i < clean.size(); i++) {
            assertEquals((clean.x1(i) + 2 * clean.x2(i)) / 3, clean.labels().get(i), 1e-12);
        }
        Dataset noisy = DatasetKind.PLANE.generate(20_000, 0.1, 0, new Random(5));
        double sq = 0;
        for (int i = 0; i < noisy.size(); i++) {
            assertTrue(Math.abs(noisy.x1(i)) <= 1 && Math.abs(noisy.x2(i)) <= 1, "points stay in the square");
            double d = noisy.labels().get(i) - (noisy.x1(i) + 2 * noisy.x2(i)) / 3;
            sq += d * d / noisy.size();
        }
        assertEquals(0.01, sq, 0.001, "the residual variance is noise squared");
    }

    @Test
    void gaussHasBumpsOfBothSigns() {
        Dataset d = DatasetKind.GAUSS.generate(2000, 0, 0, new Random(2));
        double lo = 0;
        double hi = 0;
        for (int i = 0; i < d.size(); i++) {
            lo = Math.min(lo, d.labels().get(i));
            hi = Math.max(hi, d.labels().get(i));
        }
        assertTrue(lo < -0.8 && hi > 0.8, lo + " " + hi);
        assertTrue(DatasetKind.GAUSS.isRegression() && !DatasetKind.IRIS.isRegression());
    }

    @Test
    void eachDatasetHasADefaultNoise() {
        assertEquals(0.02, DatasetKind.SPIRAL.defaultNoise());
        assertEquals(0.1, DatasetKind.MOONS.defaultNoise());
        assertEquals(0, DatasetKind.IRIS.defaultNoise());
    }
}
