package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.DecisionGrid;
import dev.backprop.playground.engine.nn.DecisionGridEvaluator;
import dev.backprop.playground.engine.nn.Metrics;
import dev.backprop.playground.engine.nn.OptimizerKind;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainerState;
import dev.backprop.playground.engine.nn.TrainingConfig;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Scrubbing back and resuming replays the run exactly: weights, optimizer state and sampling. */
class ResumeTest {

    /** The weights of an unbroken run at {@code steps}, by the trainer alone. */
    private static double[] unbroken(TrainingConfig config, int steps) {
        Trainer t = Trainer.fromConfig(config);
        for (int i = 0; i < steps; i++) {
            t.step();
        }
        return t.capture(null).weights();
    }

    private static double[] weightsOf(SessionEngine engine) {
        return engine.trainerState().weights();
    }

    @ParameterizedTest(name = "{0}, batch {1}")
    @CsvSource({"SGD, 1", "MOMENTUM, 1", "ADAM, 1", "ADAM, 32", "MOMENTUM, 300"})
    void resumingFromAScrubbedStepReproducesTheRunThatWentThroughIt(OptimizerKind optimizer, int batch)
            throws InterruptedException {
        TrainingConfig config = TrainingConfig.defaults().withOptimizer(optimizer).withBatchSize(batch)
                .withLearningRate(optimizer == OptimizerKind.ADAM ? 0.003 : 0.01);
        SessionEngine engine = new SessionEngine(config);
        EngineDriver.apply(engine, new Command.Step(1600));
        Snapshot scrubbed = EngineDriver.apply(engine, new Command.ScrubTo(480)); // snaps to the kept step 500
        assertEquals(500, scrubbed.timeline().scrubbed());
        assertEquals(500, scrubbed.step());
        assertFalse(scrubbed.running(), "scrubbing pauses");
        assertEquals(1600, scrubbed.history().get(scrubbed.history().size() - 1).step(), "scrubbing drops nothing");

        Snapshot resumed = EngineDriver.apply(engine, new Command.ResumeFromScrub(), new Command.Pause());
        assertEquals(500, resumed.step());
        assertEquals(500, resumed.latest().step(), "the later history is dropped");
        assertEquals(1600, resumed.timeline().abandoned().get(resumed.timeline().abandoned().size() - 1).step(),
                "and kept as a ghost");
        EngineDriver.apply(engine, new Command.Step(500));

        assertEquals(1000, engine.snapshot().step());
        assertArrayEquals(unbroken(config, 1000), weightsOf(engine), "bit for bit");
    }

    @Test
    void leavingTheScrubGoesBackToWhereTheRunWasAndOnExactly() throws InterruptedException {
        TrainingConfig config = TrainingConfig.defaults().withOptimizer(OptimizerKind.ADAM).withLearningRate(0.003);
        SessionEngine engine = new SessionEngine(config);
        EngineDriver.apply(engine, new Command.Step(620));
        EngineDriver.apply(engine, new Command.ScrubTo(250), new Command.ScrubTo(0));
        Snapshot back = EngineDriver.apply(engine, new Command.Step(380)); // a step command leaves the scrub first
        assertEquals(1000, back.step());
        assertFalse(back.timeline().scrubbing());
        assertArrayEquals(unbroken(config, 1000), weightsOf(engine));
    }

    @Test
    void theScrubbedStepShowsItsOwnBoundaryAndMetrics() throws InterruptedException {
        TrainingConfig config = TrainingConfig.defaults();
        SessionEngine engine = new SessionEngine(config);
        EngineDriver.apply(engine, new Command.Step(1000));
        Snapshot s = EngineDriver.apply(engine, new Command.ScrubTo(250));
        Trainer t = Trainer.fromConfig(config);
        for (int i = 0; i < 250; i++) {
            t.step();
        }
        DecisionGrid expected = DecisionGridEvaluator.around(t.data().all(), Publisher.GRID_SIZE, Publisher.GRID_SIZE)
                .evaluate(t.network());
        assertSameGrid(expected, s.grid());
        Metrics row = s.history().stream().filter(m -> m.step() == 250).findFirst().orElseThrow();
        assertEquals(t.evaluate().trainLoss(), row.trainLoss());
    }

    static void assertSameGrid(DecisionGrid expected, DecisionGrid actual) {
        assertEquals(expected.width(), actual.width());
        for (int row = 0; row < expected.height(); row++) {
            for (int col = 0; col < expected.width(); col++) {
                assertEquals(expected.probability(col, row), actual.probability(col, row), "cell " + col + "," + row);
            }
        }
    }

    @Test
    void settingChangesAreMarkedAndAResumeTakesTheSettingsOfItsStep() throws InterruptedException {
        SessionEngine engine = new SessionEngine(TrainingConfig.defaults());
        EngineDriver.apply(engine, new Command.Step(500));
        EngineDriver.apply(engine, new Command.SetLearningRate(0.1), new Command.Step(500));
        Snapshot s = EngineDriver.apply(engine, new Command.SetOptimizer(OptimizerKind.ADAM));
        List<Snapshot.Mark> marks = s.timeline().marks();
        assertEquals(List.of(new Snapshot.Mark(500, "lr", "lr 0.100"), new Snapshot.Mark(1000, "optimizer", "adam")),
                marks);
        EngineDriver.apply(engine, new Command.Step(250), new Command.ScrubTo(250));
        Snapshot resumed = EngineDriver.apply(engine, new Command.ResumeFromScrub(), new Command.Pause());
        assertEquals(0.01, resumed.config().learningRate());
        assertEquals(OptimizerKind.SGD, resumed.config().optimizer());
        assertTrue(resumed.timeline().marks().stream().allMatch(m -> m.step() <= 250));
    }

    @Test
    void timelineCommandsOutOfPlaceAreRefusedWithTheirReason() throws InterruptedException {
        SessionEngine engine = new SessionEngine(TrainingConfig.defaults());
        assertEquals("a timeline step must be 0 or more, got -1", new Command.ScrubTo(-1).problem());
        assertEquals("no run directory given", new Command.OpenRun(null).problem());
        Snapshot s = EngineDriver.apply(engine, new Command.ResumeFromScrub());
        assertEquals("ResumeFromScrub refused: pick a step on the timeline first", s.problem().text());
        s = EngineDriver.apply(engine, new Command.LeaveScrub(), new Command.Step(10));
        assertEquals(10, s.step(), "leaving a scrub that never began changes nothing");
    }

    @Test
    void aTrainerStateRestoresIntoAFreshTrainer() {
        TrainingConfig config = TrainingConfig.defaults().withOptimizer(OptimizerKind.MOMENTUM).withBatchSize(16);
        Trainer a = Trainer.fromConfig(config);
        for (int i = 0; i < 333; i++) {
            a.step();
        }
        TrainerState s = a.capture(null);
        Trainer b = Trainer.fromConfig(config);
        b.restore(s);
        for (int i = 0; i < 200; i++) {
            a.step();
            b.step();
        }
        assertEquals(a.capture(null), b.capture(null));
    }
}
