package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.Activation;
import dev.backprop.playground.engine.nn.FeatureSet;
import dev.backprop.playground.engine.nn.Head;
import dev.backprop.playground.engine.nn.Initializer;
import dev.backprop.playground.engine.nn.Loss;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.OptimizerKind;
import dev.backprop.playground.engine.nn.OptimizerSettings;
import dev.backprop.playground.engine.nn.TrainingConfig;
import org.junit.jupiter.api.Test;

/** The app's engine with seed 004's single neurons, the momentum setting and what it refuses. */
class SingleNeuronSessionTest {
    private static NetworkSpec single(Loss loss, int... hidden) {
        return new NetworkSpec(FeatureSet.RAW, hidden, Activation.RELU, Head.of(loss, 2), Initializer.fromId("normal:0.01"));
    }

    @Test
    void perceptronTrainsAndStepsThroughPredictCompareUpdate() throws Exception {
        try (TrainingSession s = new TrainingSession(TrainingConfig.defaults())) {
            s.send(new Command.SetNetwork(single(Loss.PERCEPTRON)));
            Sessions.await(s, "perceptron", x -> x.config().network().head().kind() == Head.Kind.PERCEPTRON);
            s.send(new Command.Step(2000));
            Snapshot trained = Sessions.await(s, "2000 steps", x -> x.step() == 2000 && !x.running());
            assertTrue(!trained.diverged(), trained.divergence());
            for (int i = 0; i < 40; i++) { // 11 steps a pass: x, z, step, loss, back to W1 and x, update
                s.send(new Command.NodeForward());
            }
            Snapshot stepped = Sessions.await(s, "the updates", x -> x.step() == 2003 && x.problem() == null);
            assertNotNull(stepped);
            assertTrue(!stepped.diverged(), stepped.divergence());
        }
    }

    @Test
    void hiddenLayersUnderASingleNeuronAreRefusedWithTheReasonAndNothingChanges() throws Exception {
        TrainingConfig d = TrainingConfig.defaults();
        try (TrainingSession s = new TrainingSession(d)) {
            s.send(new Command.SetNetwork(single(Loss.ADALINE, 8)));
            Snapshot refused = Sessions.await(s, "refusal", x -> x.problem() != null);
            assertTrue(refused.problem().text().contains("--hidden 0"), refused.problem().text());
            assertEquals(d.network(), refused.config().network());
        }
    }

    @Test
    void momentumIsSetAndAMomentumOfOneRefused() throws Exception {
        try (TrainingSession s = new TrainingSession(TrainingConfig.defaults().withOptimizer(OptimizerKind.MOMENTUM))) {
            s.send(new Command.SetOptimizerSettings(OptimizerSettings.DEFAULTS.withMomentum(0.5)));
            Snapshot set = Sessions.await(s, "momentum 0.5", x -> x.config().optimizerSettings().momentum() == 0.5);
            assertEquals(0.5, set.config().optimizerSettings().momentum(), 0);
        }
    }
}
