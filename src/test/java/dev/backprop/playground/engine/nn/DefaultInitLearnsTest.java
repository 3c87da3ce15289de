package dev.backprop.playground.engine.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 27's promise: with the default init (auto) a deep network learns moons at the default settings. */
class DefaultInitLearnsTest {

    @ParameterizedTest
    @CsvSource({"relu, 0.95", "tanh, 0.95", "sigmoid, 0.80"})
    void threeHiddenLayersOf32LearnMoonsIn10000Steps(String activation, double atLeast) {
        TrainingConfig d = TrainingConfig.defaults();
        NetworkSpec n = d.network();
        TrainingConfig c = d.withNetwork(new NetworkSpec(n.features(), new int[] {32, 32, 32},
                Activation.fromId(activation), n.head(), n.init()));
        TrainingLoop loop = new TrainingLoop(Trainer.fromConfig(c), c.snapshotEvery(), System::nanoTime);
        while (loop.trainer().steps() < 10_000 && !loop.diverged()) {
            loop.advance(10_000 - loop.trainer().steps(), Long.MAX_VALUE);
        }
        Metrics m = loop.trainer().evaluate();
        assertTrue(!loop.diverged(), loop.divergence());
        assertTrue(m.trainAccuracy() >= atLeast, activation + ": train accuracy " + m.trainAccuracy());
    }
}
