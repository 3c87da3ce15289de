package dev.backprop.playground.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.backprop.playground.engine.data.Shuffle;
import dev.backprop.playground.engine.nn.Linear;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainingConfig;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The yardstick does the engine's work: same start, same samples, same loss, same weights after training. */
class FusedLoopTest {
    @Test
    void theFusedLoopTrainsExactlyAsTheEngineDoes() {
        TrainingConfig c = TrainingConfig.defaults();
        Trainer engine = Trainer.fromConfig(c);
        Random sampling = new Random(c.seed() ^ 0x5DEECE66DL);
        Shuffle.permutation(engine.data().train().size(), sampling);
        FusedLoop loop = new FusedLoop(engine.network(), engine.data().train(), sampling, c.learningRate());
        for (int i = 0; i < 2000; i++) {
            assertEquals(engine.step(), loop.step(), 1e-12, "loss of step " + i);
        }
        double[] w1 = ((Linear) engine.network().layers().get(0)).weight().value().data;
        double[] w2 = ((Linear) engine.network().layers().get(2)).weight().value().data;
        for (int i = 0; i < w1.length; i++) {
            assertEquals(w1[i], loop.firstWeights()[i], 1e-12, "W1[" + i + "]");
        }
        for (int i = 0; i < w2.length; i++) {
            assertEquals(w2[i], loop.secondWeights()[i], 1e-12, "W2[" + i + "]");
        }
    }
}
