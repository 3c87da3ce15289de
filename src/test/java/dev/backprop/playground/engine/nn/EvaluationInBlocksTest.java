package dev.backprop.playground.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.data.DatasetKind;
import org.junit.jupiter.api.Test;

/** A measurement made a block of points at a time is the measurement made at once, bit for bit. */
class EvaluationInBlocksTest {
    @Test
    void blockByBlockGivesEvaluatesMetricsExactly() {
        // 3 classes, features and a penalty: every part of a metrics row
        TrainingConfig c = TrainingConfig.defaults().withData(DatasetKind.SPIRAL, 1000, 0.02, 0, 3).withBatchSize(8);
        Trainer t = Trainer.fromConfig(c);
        for (int i = 0; i < 300; i++) {
            t.step();
        }
        Metrics atOnce = t.evaluate();
        Trainer.Evaluation e = t.beginEvaluation();
        int blocks = 0;
        while (!e.advanceUntil(System.nanoTime())) { // the deadline passes at once: a block a call
            blocks++;
        }
        blocks++;
        int train = t.data().train().size();
        int test = t.data().test().size();
        int expected = (train + Sequential.PREDICT_BLOCK - 1) / Sequential.PREDICT_BLOCK
                + (test + Sequential.PREDICT_BLOCK - 1) / Sequential.PREDICT_BLOCK;
        assertEquals(expected, blocks, train + " training and " + test + " test points in blocks of 256");
        assertEquals(atOnce, e.result(), "the same bits");
        assertTrue(Double.isFinite(atOnce.testLoss()));
    }

    @Test
    void anEmptyTestSetMeasuresAsNothing() {
        TrainingConfig c = TrainingConfig.defaults().withData(DatasetKind.MOONS, 300, 0.1, 0);
        Trainer t = Trainer.fromConfig(new TrainingConfig(c.dataset(), c.samples(), c.noise(), 0, c.seed(), c.network(),
                c.optimizer(), c.learningRate(), c.batchSize(), c.steps(), c.snapshotEvery()));
        Trainer.Evaluation e = t.beginEvaluation();
        assertFalse(e.advanceUntil(System.nanoTime()), "300 training points: two blocks");
        assertEquals(t.evaluate(), e.result());
        assertTrue(Double.isNaN(e.result().testLoss()));
    }
}
