package dev.backprop.playground.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void nanOrInfiniteLossIsDivergence() {
        assertTrue(new Metrics(5, Double.NaN, 0, 0.5, 0.5, 0).diverged());
        assertTrue(new Metrics(5, Double.POSITIVE_INFINITY, 0, 0.5, 0.5, 0).diverged());
        assertEquals("the loss became NaN", new Metrics(5, Double.NaN, 0, 0.5, 0.5, 0).divergenceReason());
    }

    @Test
    void aQuarterOfPointsSaturatedWrongIsDivergence() {
        assertTrue(new Metrics(5, 11.7, 11.7, 0.49, 0.5, 0.51).diverged());
        assertFalse(new Metrics(5, 0.4, 0.4, 0.8, 0.8, 0.01).diverged());
        assertEquals("", new Metrics(5, 0.4, 0.4, 0.8, 0.8, 0.01).divergenceReason());
    }

    @Test
    void aTrainerAtLearningRateTenSaturates() {
        Trainer t = Trainer.fromConfig(TrainingConfig.defaults().withLearningRate(10));
        assertFalse(t.evaluate().diverged(), "a fresh network is fine");
        for (int i = 0; i < 250; i++) {
            t.step();
        }
        Metrics m = t.evaluate();
        assertTrue(m.diverged(), "saturated share " + m.saturatedWrong());
    }
}
