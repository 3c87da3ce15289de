package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.io.ModelJson;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model file is read off the engine thread: training goes on meanwhile, and commands keep their order. */
class ModelReadAheadTest {
    @TempDir
    Path dir;

    /** model.json of a 2-7-1 network, not the session's 2-50-1: a load shows in the config. */
    private Path sevenUnitModel() throws java.io.IOException {
        Path file = dir.resolve("model.json");
        ModelJson.write(file, TrainingConfig.defaults().network().withHidden(7).build(new Random(3)));
        return file;
    }

    @Test
    void theEngineTrainsOnWhileAModelIsReadAndWhatCameAfterTheLoadWaitsForIt() throws Exception {
        TrainingConfig config = TrainingConfig.defaults();
        Path file = sevenUnitModel();
        CountDownLatch fileArrives = new CountDownLatch(1);
        Executor slowDisk = Sessions.diskUntil(fileArrives);
        try (TrainingSession s = new TrainingSession(config, c -> { }, slowDisk)) {
            s.send(new Command.Play());
            Sessions.await(s, "playing", Snapshot::running);
            s.send(new Command.LoadModel(file));
            s.send(new Command.SetLearningRate(0.05)); // sent after the load: applied after it
            Snapshot loading = Sessions.await(s, "the progress line", x -> x.message().startsWith("loading model.json"));
            Snapshot later = Sessions.await(s, "500 more steps", x -> x.step() >= loading.step() + 500);
            assertEquals("2-50-1", later.config().network().describe(), "not loaded yet");
            assertEquals(0.01, later.config().learningRate(), "the rate waits behind the load");
            assertTrue(later.running());

            fileArrives.countDown();
            Snapshot loaded = Sessions.await(s, "the load and the rate", x -> x.config().learningRate() == 0.05);
            assertEquals("2-7-1", loaded.config().network().describe());
            assertTrue(loaded.rebuilds().size() >= 1, "the chart marks the load");
        }
    }

    @Test
    void aFileThatCannotBeReadIsRefusedAsBeforeAndTheCommandsAfterItStillApply() throws Exception {
        try (TrainingSession s = new TrainingSession(TrainingConfig.defaults())) {
            s.send(new Command.LoadModel(dir.resolve("missing.json")));
            s.send(new Command.SetLearningRate(0.05));
            Snapshot x = Sessions.await(s, "the rate", y -> y.config().learningRate() == 0.05);
            assertTrue(x.problem() != null && x.problem().text().contains("missing.json"), String.valueOf(x.problem()));
            assertEquals("2-50-1", x.config().network().describe());
        }
    }

    @Test
    void aLoadReadsTheFileAsTheCommandsBeforeItLeftIt() throws Exception {
        TrainingConfig config = TrainingConfig.defaults();
        Path file = sevenUnitModel();
        try (TrainingSession s = new TrainingSession(config)) {
            s.send(new Command.SaveModel(file)); // the session's 2-50-1 over the 2-7-1 on disk
            s.send(new Command.LoadModel(file));
            s.send(new Command.SetLearningRate(0.05));
            Snapshot x = Sessions.await(s, "the load, then the rate", y -> y.config().learningRate() == 0.05);
            assertEquals("2-50-1", x.config().network().describe(), "the file as Save left it");
            assertTrue(x.message().startsWith("learning rate") && x.problem() == null, x.message());
        }
    }

    @Test
    void pauseAndShutdownDoNotWaitForARead() throws Exception {
        TrainingConfig config = TrainingConfig.defaults();
        Path file = sevenUnitModel();
        CountDownLatch never = new CountDownLatch(1);
        Executor stuckDisk = Sessions.diskUntil(never);
        TrainingSession s = new TrainingSession(config, c -> { }, stuckDisk);
        s.send(new Command.Play());
        Sessions.await(s, "playing", Snapshot::running);
        s.send(new Command.LoadModel(file));
        Sessions.await(s, "the read under way", x -> x.message().startsWith("loading"));
        s.send(new Command.Pause());
        Snapshot paused = Sessions.await(s, "paused", x -> !x.running());
        assertEquals("2-50-1", paused.config().network().describe(), "the load still waits");
        s.close();
        assertTrue(!s.isAlive(), "closed although the file never came");
        never.countDown();
    }
}
