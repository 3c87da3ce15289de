package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.TrainingConfig;
import org.junit.jupiter.api.Test;

/** While playing, prediction passes keep coming: the gallery follows training. */
class PredictionsWhilePlayingTest {
    @Test
    void passesFollowTheStepsWhilePlaying() throws Exception {
        try (TrainingSession session = new TrainingSession(TrainingConfig.defaults())) {
            session.send(new Command.ChooseData(DataChoice.DIGITS));
            session.send(new Command.SetBatchSize(32));
            session.send(new Command.Play());
            long until = System.nanoTime() + 20_000_000_000L;
            while (System.nanoTime() < until && session.latest().step() < 3000) {
                Thread.sleep(20);
            }
            Thread.sleep(500);
            Snapshot s = session.latest();
            assertTrue(s.step() >= 3000, "steps: " + s.step());
            assertTrue(s.predictions() != null && s.predictions().step() > 2000,
                    "predictions at step " + (s.predictions() == null ? -1 : s.predictions().step()) + " of " + s.step());
        }
    }
}
