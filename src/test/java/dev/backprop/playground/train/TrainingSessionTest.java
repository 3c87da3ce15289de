package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainingConfig;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class TrainingSessionTest {


    @Test
    void settingsCoalesceButNeverCrossTransportCommands() {
        NetworkSpec a = TrainingConfig.defaults().network().withHidden(3);
        NetworkSpec b = TrainingConfig.defaults().network().withHidden(4);
        List<Command> in = List.of(new Command.SetLearningRate(0.1), new Command.SetNetwork(a),
                new Command.SetLearningRate(0.2), new Command.Step(1), new Command.SetNetwork(b),
                new Command.SetNetwork(a));
        assertEquals(List.of(new Command.SetNetwork(a), new Command.SetLearningRate(0.2), new Command.Step(1),
                new Command.SetNetwork(a)), Commands.coalesce(in));
    }

    @Test
    void aRefusedSettingDoesNotWipeOutTheValidOneBeforeIt() throws Exception {
        Command valid = new Command.SetLearningRate(0.05);
        Command refused = new Command.SetLearningRate(-1);
        assertEquals(List.of(valid, refused), Commands.coalesce(List.of(valid, refused)));
        try (TrainingSession s = new TrainingSession(TrainingConfig.defaults())) {
            long seq = s.send(valid);
            seq = Math.max(seq, s.send(refused));
            long last = seq;
            Snapshot after = Sessions.await(s, x -> x.appliedSeq() >= last);
            assertEquals(0.05, after.config().learningRate(), 0.0, "the valid rate is in force, the refused one is not");
        }
    }

    @Test
    void stepsMatchAPlainTrainerExactly() throws Exception {
        TrainingConfig c = TrainingConfig.defaults();
        try (TrainingSession s = new TrainingSession(c)) {
            s.send(new Command.Step(500));
            Snapshot snap = Sessions.await(s, x -> x.step() == 500 && !x.running());
            Trainer t = Trainer.fromConfig(c);
            for (int i = 0; i < 500; i++) {
                t.step();
            }
            assertArrayEquals(t.network().parameters().get(0).value().data, snap.graph().node("W1").data().values());
            assertEquals(3, snap.history().size(), "step 0, 250, 500");
            assertEquals(t.evaluate().trainLoss(), snap.latest().trainLoss(), 1e-12);
        }
    }

    @Test
    void resetReplaysTheSameRun() throws Exception {
        try (TrainingSession s = new TrainingSession(TrainingConfig.defaults())) {
            s.send(new Command.Step(250));
            double first = Sessions.await(s, x -> x.step() == 250).latest().trainLoss();
            s.send(new Command.Reset());
            Sessions.await(s, x -> x.step() == 0);
            s.send(new Command.Step(250));
            assertEquals(first, Sessions.await(s, x -> x.step() == 250).latest().trainLoss());
        }
    }

    @Test
    void aFloodOfRebuildsEndsOnTheLastOneQuickly() throws Exception {
        try (TrainingSession s = new TrainingSession(TrainingConfig.defaults())) {
            s.send(new Command.SetGraphView(dev.backprop.playground.graph.GraphView.TENSORS)); // W1 as a tensor
            for (int i = 1; i <= 2000; i++) {
                s.send(new Command.SetNetwork(TrainingConfig.defaults().network().withHidden(1 + i % 128)));
            }
            s.send(new Command.SetNetwork(TrainingConfig.defaults().network().withHidden(7)));
            s.send(new Command.Step(1));
            Snapshot snap = Sessions.await(s, x -> x.step() == 1);
            assertEquals(7, snap.graph().node("W1").data().cols());
            assertTrue(s.isAlive());
        }
    }

    @Test
    void saveThenLoadRestoresTheWeights(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("model.json");
        try (TrainingSession s = new TrainingSession(TrainingConfig.defaults())) {
            s.send(new Command.SetGraphView(dev.backprop.playground.graph.GraphView.TENSORS)); // W1 as a tensor
            s.send(new Command.Step(250));
            Snapshot trained = Sessions.await(s, x -> x.step() == 250);
            s.send(new Command.SaveModel(file));
            Sessions.await(s, x -> x.message().startsWith("saved"));
            s.send(new Command.SetNetwork(TrainingConfig.defaults().network().withHidden(5)));
            Sessions.await(s, x -> x.graph().node("W1").data().cols() == 5);
            s.send(new Command.LoadModel(file));
            Snapshot loaded = Sessions.await(s, x -> x.message().startsWith("loaded"));
            assertEquals(50, loaded.config().network().hidden()[0]);
            assertEquals(trained.graph().node("W1").data(), loaded.graph().node("W1").data());
            assertEquals(trained.latest().trainLoss(), loaded.latest().trainLoss(), 1e-12);

            java.nio.file.Files.writeString(dir.resolve("bad.json"), "{\"layers\": 3}");
            s.send(new Command.LoadModel(dir.resolve("bad.json")));
            Snapshot after = Sessions.await(s, x -> x.message().startsWith("could not load"));
            assertTrue(after.message().contains("bad.json"), after.message());
            assertEquals(50, after.config().network().hidden()[0], "a bad file changes nothing");
        }
    }

    @Test
    void steppingBackOverTheUpdateAndForwardAgainRecordsTheStepOnce() throws Exception {
        TrainingConfig c = TrainingConfig.defaults();
        TrainingConfig everyStep = new TrainingConfig(c.dataset(), c.samples(), c.noise(), c.testRatio(), c.seed(),
                c.network(), c.optimizer(), c.learningRate(), c.batchSize(), c.steps(), 1);
        try (TrainingSession s = new TrainingSession(everyStep)) {
            s.send(new Command.FinishPass());
            s.send(new Command.FinishPass());
            s.send(new Command.FinishPass()); // the update: step 1
            Sessions.await(s, x -> x.step() == 1 && x.stepping() != null && x.stepping().complete());
            s.send(new Command.NodeBack());
            s.send(new Command.NodeForward()); // shows the same update again
            s.send(new Command.SetLearningRate(0.02)); // applied after both: waiting for it waits for them
            Snapshot snap = Sessions.await(s, x -> x.config().learningRate() == 0.02);
            assertEquals(snap.stepping().total(), snap.stepping().position());
            assertEquals(1, snap.step());
            assertEquals(List.of(0L, 1L), snap.history().stream().map(dev.backprop.playground.engine.nn.Metrics::step).toList(),
                    "one metrics row per step");
        }
    }
}
