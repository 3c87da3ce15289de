package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.backprop.playground.engine.nn.Activation;
import dev.backprop.playground.engine.nn.Epochs;
import dev.backprop.playground.engine.nn.FeatureSet;
import dev.backprop.playground.engine.nn.Head;
import dev.backprop.playground.engine.nn.Initializer;
import dev.backprop.playground.engine.nn.Loss;
import dev.backprop.playground.engine.nn.Metrics;
import dev.backprop.playground.engine.nn.NetworkSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seed 004's own code (its Perceptron, its full-batch AdalineGD, its per-example AdalineGD with shuffle
 * off), run in NumPy on the app's blobs (2,000 points, seed 0: the 1,600 training points in their order),
 * gives the numbers below; the app's engine, set up as the app offers it, gives the same. Zero initial
 * weights (the notebook's commented-out np.zeros) make the two runs the same sequence: with its
 * RandomState(1) N(0, 0.01) draw the perceptron's errors are the same and Adaline's loss after 50 epochs
 * differs in the fifth digit (0.024843 against 0.024799).
 */
class Seed004OnTheEngineTest {
    private static final Epochs IN_ORDER = new Epochs(Epochs.MAX_EPOCHS, false);

    private static SessionEngine blobsWith(Loss loss) throws InterruptedException {
        SessionEngine engine = EngineDriver.onBlobs();
        EngineDriver.apply(engine, new Command.SetNetwork(new NetworkSpec(FeatureSet.RAW, new int[0], Activation.RELU,
                Head.of(loss, 2), Initializer.ZEROS)), new Command.SetEpochs(IN_ORDER));
        assertEquals(1600, engine.snapshot().data().train().size());
        return engine;
    }

    @Test
    void thePerceptronAtLearningRate10MakesTwoUpdatesInTheFirstEpochAndNoneAfter() throws InterruptedException {
        SessionEngine engine = blobsWith(Loss.PERCEPTRON); // threshold 0.5, seed 004's predict
        Snapshot s = EngineDriver.apply(engine, new Command.SetLearningRate(10), new Command.Step(1600L * 12));
        assertEquals(12, s.epochErrors().size());
        assertEquals(2, s.epochErrors().errors(0), "ppn.errors_[0]");
        for (int i = 1; i < 12; i++) {
            assertEquals(0, s.epochErrors().errors(i), "ppn.errors_[" + i + "]");
        }
        // ppn.w_, ppn.b_: two updates of 10 x (y - y_hat) x, the bias stays 10 - 10 = 0
        assertArrayEquals(new double[] {13.704846466278, 21.10869893486, 0.0}, engine.trainerState().weights(), 1e-9);
    }

    @Test
    void adalineFullBatchByEpochsDrawsSeed004sLossPerEpoch() throws InterruptedException {
        SessionEngine engine = blobsWith(Loss.ADALINE);
        EngineDriver.apply(engine, new Command.SetLearningRate(0.01), new Command.SetBatchSize(1600));
        EngineDriver.apply(engine, new Command.Step(15)); // by epochs, a row at each epoch's end: as ada1.losses_
        // AdalineGD(n_iter=15, learning_rate=0.01).losses_: the loss before each epoch's update
        double[] losses = {0.49875, 0.469274315542, 0.441848885646, 0.416318176249, 0.392539071663, 0.370379855825,
            0.349719278259, 0.33044569766, 0.312456296601, 0.295656361415, 0.279958621809, 0.265282645205,
            0.251554281239, 0.238705152242, 0.226672185833};
        List<Metrics> rows = engine.snapshot().history();
        List<Metrics> tail = rows.subList(rows.size() - 16, rows.size()); // steps 0 to 15 of the Adaline
        for (int epoch = 0; epoch < 15; epoch++) {
            assertEquals(epoch, tail.get(epoch).step());
            assertEquals(losses[epoch], tail.get(epoch).trainLoss(), 1e-11, "losses_[" + epoch + "]");
        }
        assertArrayEquals(new double[] {0.111942569085, 0.112737697045, 0.13022164854761945},
                engine.trainerState().weights(), 1e-11);
    }

    @Test
    void adalinePerExampleInOrderEndsOnSeed004sWeights() throws InterruptedException {
        SessionEngine engine = blobsWith(Loss.ADALINE);
        Snapshot s = EngineDriver.apply(engine, new Command.SetLearningRate(0.001), new Command.Step(1600L * 20));
        // the second AdalineGD(n_iter=20, learning_rate=0.001, shuffle=False): w += lr 2 (y - z) x per example
        assertArrayEquals(new double[] {0.22682459929, 0.238320975783, 0.4966573770185364},
                engine.trainerState().weights(), 1e-10);
        assertEquals(1.0, s.history().get(s.history().size() - 1).trainAccuracy());
    }
}
