package dev.backprop.playground.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainingConfig;
import org.junit.jupiter.api.Test;

/** Seed 003's line and seed 001's quadratic, against the values numpy gives for the notebooks' code. */
class OneInputDataTest {
    @Test
    void lineIsSeed003sDataAndSplit() {
        DataSplit s = DatasetKind.LINE.split(0.1);
        assertEquals(100, s.all().size());
        assertEquals(80, s.train().size());
        assertEquals(20, s.test().size());
        assertEquals(1, s.all().width());
        assertEquals("x", s.all().inputs().name(0));
        // numpy: x[idx[0]] with idx = seed 003's shuffle: idx[0] = 76; x_train[79] and x_val[0]
        assertEquals(0.3663618432936917, s.train().x1(79), 0);
        assertEquals(1.7092649732498688, s.train().labels().get(79, 0), 1e-14);
        assertEquals(0.3046137691733707, s.test().x1(0), 0);
        assertEquals(1.615250559340844, s.test().labels().get(0, 0), 1e-14);
    }

    @Test
    void lineWithoutNoiseIsTheLineItself() {
        Dataset all = DatasetKind.LINE.split(0).all();
        for (int i = 0; i < all.size(); i++) {
            assertEquals(1 + 2 * all.x1(i), all.labels().get(i, 0), 1e-15);
        }
    }

    @Test
    void quadraticIsSeed001sLinspaceAndTrainTestSplit() {
        DataSplit s = DatasetKind.QUADRATIC.split(0);
        assertEquals(26, s.train().size());
        assertEquals(14, s.test().size());
        // RandomState(42).permutation(40) = [19, 16, ...]: test first (14), then train from its 15th entry, 34
        double x19 = -5 + 10.0 * 19 / 39;
        assertEquals(x19, s.test().x1(0), 1e-15);
        assertEquals(x19 * x19 + 3 * x19, s.test().labels().get(0, 0), 1e-12);
        assertEquals(-5 + 10.0 * 34 / 39, s.train().x1(0), 1e-15);
        assertEquals(-5 + 10.0 * 38 / 39, s.train().x1(25), 1e-15);
        assertTrue(s.isTest(39));
        assertFalse(s.isTest(0));
    }

    @Test
    void theTrainerTakesTheNotebooksSplit() {
        TrainingConfig c = TrainingConfig.defaults().withData(DatasetKind.LINE, 2000, 0.1, 0);
        DataSplit s = Trainer.split(c);
        assertEquals(80, s.train().size());
        assertEquals(DatasetKind.LINE.split(0.1).train().x1(0), s.train().x1(0), 0);
    }

    @Test
    void negativeNoiseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DatasetKind.LINE.split(-0.1));
    }
}
