package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.io.ModelJson;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command gets a sequence number; the snapshot says up to which number the engine has dealt with them. */
class AcknowledgedCommandsTest {
    @TempDir
    Path dir;

    @Test
    void numbersCountUpAndTheSnapshotReachesTheLastOneAppliedOrRefused() throws Exception {
        try (TrainingSession s = new TrainingSession(TrainingConfig.defaults())) {
            assertEquals(0, s.latest().appliedSeq(), "nothing sent yet");
            assertEquals(1, s.send(new Command.SetLearningRate(0.05)));
            assertEquals(2, s.send(new Command.SetBatchSize(4)));
            Sessions.await(s, "both", y -> y.appliedSeq() == 2); // else the refused rate would override 0.05 unseen
            long refused = s.send(new Command.SetLearningRate(-1)); // refused: the rate stays 0.05
            assertEquals(3, refused);
            assertEquals(3, s.send(null), "nothing queued for null");
            Snapshot x = Sessions.await(s, "the refusal acknowledged", y -> y.appliedSeq() == refused);
            assertEquals(0.05, x.config().learningRate(), 0.0, "refused: the engine's value stands");
            assertEquals(4, x.config().batchSize());
            assertNotNull(x.problem(), "and the user is told why");
        }
    }

    @Test
    void aCommandNotYetAppliedIsNotAcknowledgedAndThenItIs() throws Exception {
        CountDownLatch engineMayApply = new CountDownLatch(1);
        CountDownLatch engineReached = new CountDownLatch(1);
        // a slow engine: it holds the learning rate before applying it until the test lets it go on
        java.util.function.Consumer<Command> late = c -> {
            if (c instanceof Command.SetLearningRate) {
                engineReached.countDown();
                try {
                    engineMayApply.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try (TrainingSession s = new TrainingSession(TrainingConfig.defaults(), late)) {
            long batch = s.send(new Command.SetBatchSize(16));
            Sessions.await(s, "the batch size", y -> y.appliedSeq() == batch);
            long rate = s.send(new Command.SetLearningRate(0.5));
            engineReached.await();
            Snapshot waiting = s.latest();
            assertEquals(batch, waiting.appliedSeq(), "published before the rate was applied");
            assertEquals(0.01, waiting.config().learningRate(), 0.0);
            engineMayApply.countDown();
            Snapshot applied = Sessions.await(s, "the rate", y -> y.appliedSeq() >= rate);
            assertEquals(0.5, applied.config().learningRate(), 0.0);
        }
    }

    @Test
    void coalescedSettingsKeepAscendingNumbersAndADroppedOneIsBelowItsOverrider() {
        List<Sent> in = List.of(new Sent(1, new Command.SetLearningRate(0.1)), new Sent(2, new Command.SetBatchSize(4)),
                new Sent(3, new Command.SetLearningRate(0.2)), new Sent(4, new Command.Step(1)),
                new Sent(5, new Command.SetBatchSize(8)), new Sent(6, new Command.SetBatchSize(16)));
        List<Sent> out = Commands.coalesce(in, Sent::command);
        assertEquals(List.of(2L, 3L, 4L, 6L), out.stream().map(Sent::seq).toList());
        assertEquals(new Command.SetLearningRate(0.2), out.get(1).command());
    }

    @Test
    void aPauseThatGoesAheadOfAModelBeingReadDoesNotAcknowledgeWhatWaitsBehindTheRead() throws Exception {
        Path file = dir.resolve("model.json");
        ModelJson.write(file, TrainingConfig.defaults().network().withHidden(7).build(new Random(3)));
        CountDownLatch fileArrives = new CountDownLatch(1);
        try (TrainingSession s = new TrainingSession(TrainingConfig.defaults(), c -> { }, Sessions.diskUntil(fileArrives))) {
            long play = s.send(new Command.Play());
            Sessions.await(s, "playing", y -> y.running() && y.appliedSeq() == play);
            s.send(new Command.LoadModel(file));
            long rate = s.send(new Command.SetLearningRate(0.05)); // waits behind the load
            long pause = s.send(new Command.Pause()); // goes ahead of it
            Snapshot paused = Sessions.await(s, "paused", y -> !y.running());
            assertEquals(play, paused.appliedSeq(), "the load and the rate are not applied yet");
            assertEquals(0.01, paused.config().learningRate(), 0.0);
            fileArrives.countDown();
            Snapshot all = Sessions.await(s, "everything", y -> y.appliedSeq() == pause);
            assertEquals(0.05, all.config().learningRate(), 0.0);
            assertEquals("2-7-1", all.config().network().describe());
            assertFalse(all.running());
            assertTrue(rate < pause);
        }
    }
}
