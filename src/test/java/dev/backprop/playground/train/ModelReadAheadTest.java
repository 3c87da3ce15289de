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

    @Test
    void theEngineTrainsOnWhileAModelIsReadAndWhatCameAfterTheLoadWaitsForIt() throws Exception {
        TrainingConfig config = TrainingConfig.defaults();
        Path file = dir.resolve("model.json");
        ModelJson.write(file, config.network().withHidden(7).build(new Random(3)));
        CountDownLatch fileArrives = new CountDownLatch(1);
        // the reader starts only when the test lets it: a slow disk, made deterministic
        Executor slowDisk = work -> new Thread(() -> {
            try {
                fileArrives.await();
            } catch (InterruptedException e) {
                return;
            }
            work.run();
        }).start();
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
}
