package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.Initializer;
import dev.backprop.playground.engine.nn.Limits;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.TrainingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command with hostile values: refused with a message, never applied; the engine trains on after. */
class HostileCommandsTest {
    @TempDir
    Path dir;


    private static long serial(Snapshot s) {
        return s.problem() == null ? 0 : s.problem().serial();
    }

    private List<Command> hostileCommands() throws Exception {
        NetworkSpec base = TrainingConfig.defaults().network();
        Path notChaining = dir.resolve("chain.json");
        Files.writeString(notChaining, "{\"layers\":[{\"type\":\"linear\",\"in\":2,\"out\":1,\"W\":[[1],[1]],\"b\":[0]},"
                + "{\"type\":\"relu\"},{\"type\":\"linear\",\"in\":20,\"out\":1,\"W\":[],\"b\":[0]},{\"type\":\"sigmoid\"}],"
                + "\"loss\":\"bce\"}");
        Path huge = dir.resolve("huge.json");
        Files.writeString(huge, "{\"layers\":[{\"type\":\"linear\",\"in\":40000,\"out\":40000}],\"loss\":\"bce\"}");
        Path nested = dir.resolve("nested.json");
        Files.writeString(nested, "[".repeat(10_000));
        List<Command> all = new ArrayList<>();
        for (double lr : new double[] {0, Double.NaN, -1, Double.POSITIVE_INFINITY, 1e9}) {
            all.add(new Command.SetLearningRate(lr));
        }
        for (double speed : new double[] {Double.NaN, -5, 0, Double.NEGATIVE_INFINITY}) {
            all.add(new Command.SetSpeed(speed));
        }
        all.add(new Command.SetBatchSize(0));
        all.add(new Command.SetBatchSize(-3));
        all.add(new Command.SetBatchSize(Integer.MAX_VALUE));
        all.add(new Command.SetData(DatasetKind.MOONS, 1, 0.1, 0));
        all.add(new Command.SetData(DatasetKind.MOONS, 400_000_000, 0.1, 0));
        all.add(new Command.SetData(DatasetKind.MOONS, 200, Double.NaN, 0));
        all.add(new Command.SetData(DatasetKind.MOONS, 200, -1, 0));
        all.add(new Command.SetData(null, 200, 0.1, 0));
        all.add(new Command.SetNetwork(null));
        all.add(new Command.SetNetwork(base.withHidden(2000, 2000)));
        all.add(new Command.SetNetwork(base.withHidden(java.util.stream.IntStream.range(0, Limits.APP_MAX_HIDDEN_LAYERS + 1).map(i -> 2).toArray())));
        all.add(new Command.SetNetwork(base.withHead(dev.backprop.playground.engine.nn.Head.regression())));
        all.add(new Command.SetNetwork(base.withHead(dev.backprop.playground.engine.nn.Head.multiclass(3))));
        all.add(new Command.SetClasses(1));
        all.add(new Command.SetClasses(7));
        all.add(new Command.SetClasses(3)); // moons has its own 2 classes
        all.add(new Command.SetRegularization(null, 0.1));
        all.add(new Command.SetRegularization(dev.backprop.playground.engine.nn.Regularization.L2, -1));
        all.add(new Command.SetRegularization(dev.backprop.playground.engine.nn.Regularization.L1, Double.NaN));
        all.add(new Command.SetRegularization(dev.backprop.playground.engine.nn.Regularization.L2, 11));
        all.add(new Command.SetOptimizer(null));
        all.add(new Command.Step(0));
        all.add(new Command.Step(-5));
        all.add(new Command.SaveModel(null));
        all.add(new Command.SaveModel(dir.resolve("no/such/dir/model.json")));
        all.add(new Command.LoadModel(null));
        all.add(new Command.LoadModel(dir.resolve("missing.json")));
        all.add(new Command.LoadModel(notChaining));
        all.add(new Command.LoadModel(huge));
        all.add(new Command.LoadModel(nested));
        all.add(new Command.LoadModel(dir)); // a folder, not a file
        return all;
    }

    @Test
    void everyHostileCommandIsRefusedAndTrainingGoesOn() throws Exception {
        TrainingConfig config = TrainingConfig.defaults().withData(DatasetKind.MOONS, 200, 0.1, 0);
        try (TrainingSession s = new TrainingSession(config)) {
            for (Command c : hostileCommands()) {
                long before = serial(s.latest());
                s.send(c);
                Snapshot after = Sessions.await(s, c.toString(), x -> serial(x) > before);
                assertEquals(Snapshot.Problem.Kind.REFUSED, after.problem().kind(), c + ": " + after.problem());
                assertEquals(config, after.config(), c + " was not applied");
                assertEquals(0, after.step());
                assertTrue(after.problem().text().length() > 20, after.problem().text());
            }
            s.send(new Command.Step(500));
            Snapshot trained = Sessions.await(s, "500 steps", x -> x.step() == 500 && !x.running());
            assertTrue(s.isAlive());
            assertTrue(trained.latest().trainLoss() < trained.history().get(0).trainLoss(), "it learned");
        }
    }

    @Test
    void refusedMessagesNameTheProblem() throws Exception {
        try (TrainingSession s = new TrainingSession(TrainingConfig.defaults())) {
            s.send(new Command.LoadModel(hostileFile()));
            Snapshot x = Sessions.await(s, "refusal", y -> y.problem() != null);
            assertTrue(x.problem().text().contains("model.json: layer 3: in=20 but the previous layer outputs 2"),
                    x.problem().text());
            assertTrue(x.message().startsWith("could not load"), x.message());
        }
    }

    private Path hostileFile() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"layers\":[{\"type\":\"linear\",\"in\":2,\"out\":2,\"W\":[[1,1],[1,1]],\"b\":[0,0]},"
                + "{\"type\":\"relu\"},{\"type\":\"linear\",\"in\":20,\"out\":1,\"W\":[],\"b\":[0]},{\"type\":\"sigmoid\"}],"
                + "\"loss\":\"bce\"}");
        return f;
    }

    @Test
    void playAfterDivergenceIsRefusedWithTheReasonAndResetRecovers() throws Exception {
        TrainingConfig config = TrainingConfig.defaults().withData(DatasetKind.MOONS, 200, 0.1, 0).withLearningRate(10);
        try (TrainingSession s = new TrainingSession(config)) {
            s.send(new Command.Play());
            Snapshot diverged = Sessions.await(s, "divergence", Snapshot::diverged);
            assertTrue(diverged.playRefused());
            assertTrue(diverged.playRefusal().contains("Training diverged at step"), diverged.playRefusal());
            long before = serial(diverged);
            s.send(new Command.Play());
            Snapshot refused = Sessions.await(s, "refusal", x -> serial(x) > before);
            assertTrue(refused.problem().text().startsWith("Play refused: training diverged"), refused.problem().text());
            assertTrue(!refused.running());
            s.send(new Command.Reset());
            s.send(new Command.SetLearningRate(0.01));
            Snapshot recovered = Sessions.await(s, "reset", x -> !x.diverged() && x.config().learningRate() == 0.01);
            assertTrue(recovered.configVersion() > diverged.configVersion());
            s.send(new Command.Step(250));
            assertNotNull(Sessions.await(s, "training again", x -> x.step() == 250 && !x.diverged()));
        }
    }

    @Test
    void aNetworkSaturatedBeforeItsFirstStepIsBlamedOnItsInitNotTheLearningRate() throws Exception {
        // 2-50-50-1 relu drawn with std 1 (init normal): the output is pinned to 0 or 1 before any step
        TrainingConfig config = TrainingConfig.seed000();
        try (TrainingSession s = new TrainingSession(config)) {
            s.send(new Command.SetNetwork(config.network().withHidden(50, 50)));
            Snapshot saturated = Sessions.await(s, "saturation", Snapshot::diverged);
            assertEquals(0, saturated.step());
            assertTrue(saturated.divergence().startsWith("Before any training, the output saturated"), saturated.divergence());
            assertTrue(saturated.saturatedAtInit());
            assertTrue(saturated.divergence().contains("init normal") && saturated.divergence().contains("xavier or he"),
                    saturated.divergence());
            s.send(new Command.SetNetwork(config.network().withHidden(50, 50).withInit(Initializer.XAVIER)));
            Snapshot fixed = Sessions.await(s, "xavier", x -> x.config().network().init().equals(Initializer.XAVIER));
            assertEquals("", fixed.divergence());
            s.send(new Command.Step(250));
            assertNotNull(Sessions.await(s, "training", x -> x.step() == 250 && !x.diverged()));
        }
    }

    @Test
    void playSentWithAVeryWideSaturatedRebuildIsRefused() throws Exception {
        // 4x128 with init normal: saturated at once, and its chart row (the divergence rule) owed at first
        SessionEngine engine = new SessionEngine(TrainingConfig.seed000());
        engine.apply(new Command.SetNetwork(TrainingConfig.seed000().network().withHidden(128, 128, 128, 128)));
        engine.apply(new Command.Play());
        Snapshot s = engine.snapshot();
        assertTrue(s.diverged(), "the owed row was measured first");
        assertTrue(!s.running(), "Play refused, not a spinning engine");
        assertTrue(s.problem() != null && s.problem().text().startsWith("Play refused"), String.valueOf(s.problem()));
    }

    @Test
    void aSaturatedModelFromAFileIsNotBlamedOnTheInit() throws Exception {
        TrainingConfig config = TrainingConfig.seed000(); // its randn init saturates 2-50-50-1
        Path file = dir.resolve("saturated.json");
        dev.backprop.playground.io.ModelJson.write(file, config.network().withHidden(50, 50).build(new java.util.Random(0)));
        try (TrainingSession s = new TrainingSession(config)) {
            s.send(new Command.LoadModel(file));
            Snapshot loaded = Sessions.await(s, "saturation", Snapshot::diverged);
            assertTrue(loaded.divergence().startsWith("Training diverged at step 0"), loaded.divergence());
            assertTrue(!loaded.divergence().contains("init"), loaded.divergence());
            assertTrue(!loaded.saturatedAtInit());
        }
    }

    @Test
    void anErrorInsideTheEngineIsCaughtReportedAndResetRecovers() throws Exception {
        // a command whose handler throws what the engine cannot foresee stands for OutOfMemoryError and friends
        java.util.concurrent.atomic.AtomicReference<Error> fault = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.function.Consumer<Command> thrower = c -> {
            Error e = fault.getAndSet(null);
            if (e != null) {
                throw e;
            }
        };
        try (TrainingSession s = new TrainingSession(TrainingConfig.defaults(), thrower)) {
            s.send(new Command.Step(100));
            Sessions.await(s, "100 steps", x -> x.step() == 100 && !x.running());
            fault.set(new OutOfMemoryError("Java heap space"));
            s.send(new Command.Play());
            Snapshot failed = Sessions.await(s, "failure", x -> x.problem() != null);
            assertEquals(Snapshot.Problem.Kind.FAILED, failed.problem().kind());
            assertTrue(failed.problem().text().contains("out of memory"), failed.problem().text());
            fault.set(new StackOverflowError());
            s.send(new Command.Play());
            Sessions.await(s, "second failure", x -> x.problem().serial() > failed.problem().serial());
            assertTrue(s.isAlive());
            s.send(new Command.Reset());
            s.send(new Command.Step(250));
            Sessions.await(s, "training after reset", x -> x.step() == 250 && !x.running());
        }
    }
}
