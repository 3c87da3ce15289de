package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.backprop.playground.engine.nn.TrainingConfig;
import org.junit.jupiter.api.Test;

/** The engine counts the examples its steps took, each step at its own batch size: the true epoch. */
class SamplesSeenTest {
    @Test
    void aBatchSizeChangedOnTheWayCountsEachStepAtItsOwnSize() throws InterruptedException {
        SessionEngine engine = EngineDriver.onBlobs();
        int train = engine.snapshot().data().train().size();
        assertEquals(1600, train, "2,000 points, 80% to train");
        Snapshot single = EngineDriver.apply(engine, new Command.Step(1000));
        assertEquals(1000, single.samplesSeen());
        Snapshot full = EngineDriver.apply(engine, new Command.SetBatchSize(train), new Command.Step(200));
        assertEquals(1000 + 200L * 1600, full.samplesSeen(), "step 1,200 but 201 epochs and a bit, not 1,200");
        Snapshot thirty = EngineDriver.apply(engine, new Command.SetBatchSize(30), new Command.Step(100));
        // 1,600 = 53 x 30 + 10: an epoch's last mini-batch has 10, so 100 steps take 53 x 30 + 10 + 46 x 30
        assertEquals(1000 + 200L * 1600 + 2980, thirty.samplesSeen());
    }

    @Test
    void anExperimentFileKeepsTheCount(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("epochs.bpg.json");
        long seen;
        try (TrainingSession s = new TrainingSession(TrainingConfig.defaults())) {
            s.send(new Command.Step(100));
            Sessions.await(s, "100 steps", x -> x.step() == 100 && !x.running());
            s.send(new Command.SetBatchSize(32));
            s.send(new Command.Step(10));
            Snapshot done = Sessions.await(s, "110 steps", x -> x.step() == 110 && !x.running());
            seen = done.samplesSeen();
            assertEquals(100 + 10 * 32, seen);
            s.send(new Command.SaveExperiment(file, java.util.Map.of()));
            Sessions.await(s, "saved", x -> java.nio.file.Files.exists(file));
        }
        try (TrainingSession s = new TrainingSession(TrainingConfig.defaults())) {
            s.send(new Command.OpenExperiment(file));
            Snapshot opened = Sessions.await(s, "opened", x -> x.step() == 110 || x.problem() != null);
            assertEquals(null, opened.problem());
            assertEquals(seen, opened.samplesSeen(), "not 110 x 32");
        }
    }

    @Test
    void aScrubbedStepShowsItsOwnCountAndResumingGoesOnFromIt() throws InterruptedException {
        SessionEngine engine = new SessionEngine(TrainingConfig.defaults().withBatchSize(10), new ManualClock());
        EngineDriver.apply(engine, new Command.Step(500));
        EngineDriver.apply(engine, new Command.SetBatchSize(1), new Command.Step(500));
        assertEquals(500 * 10 + 500, engine.snapshot().samplesSeen());
        Snapshot scrubbed = EngineDriver.apply(engine, new Command.ScrubTo(250));
        assertEquals(250, scrubbed.step());
        assertEquals(2500, scrubbed.samplesSeen());
        EngineDriver.apply(engine, new Command.ResumeFromScrub(), new Command.Pause());
        Snapshot resumed = EngineDriver.apply(engine, new Command.Step(50));
        assertEquals(2500 + 50 * 10, resumed.samplesSeen(), "the state kept at 250 had batch 10");
    }
}
