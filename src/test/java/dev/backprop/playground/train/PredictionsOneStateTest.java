package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainingConfig;
import org.junit.jupiter.api.Test;

/**
 * A predictions pass that training runs through (70,000 Fashion-MNIST images take many steps) is stamped
 * with the step it began at, so a paused session sees it is not the network shown and makes a pass of its
 * own: stamped with the step it ended at, its rows passed for the paused network's while the test images'
 * were the network of step 250 (9.8% right beside a matrix of 79%).
 */
class PredictionsOneStateTest {
    @Test
    void aPassTrainingRanThroughIsStampedWithItsFirstStepAndThePausedNetworkGetsItsOwn() throws Exception {
        DataChoice.Read digits = DataChoice.DIGITS.read(0.2, 0);
        Trainer t = new Trainer(digits.split(), TrainingConfig.defaults().withBatchSize(32));
        PredictionSlice predictions = new PredictionSlice();
        predictions.restart(true);
        predictions.frame(t, false);
        assertFalse(predictions.advance(t, 0), "one chunk of 1,797 rows: the pass goes on");
        for (int i = 0; i < 100; i++) {
            t.step(); // training goes on while the pass is under way
        }
        while (!predictions.advance(t, Long.MAX_VALUE)) {
            // the rest of the pass
        }
        assertEquals(0, predictions.published().step(), "its first step: most of its rows are step 100's, some step 0's");
        assertTrue(predictions.owed(t, false), "paused at step 100, a pass of step 100 is owed");
        predictions.advance(t, Long.MAX_VALUE);
        while (predictions.published().step() != 100 || predictions.owed(t, false)) {
            predictions.advance(t, Long.MAX_VALUE);
        }
        assertEquals(100, predictions.published().step());
        assertEquals(100, predictions.confusion().step());
        assertFalse(predictions.owed(t, false), "then nothing more while paused");
    }
}
