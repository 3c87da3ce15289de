package dev.backprop.playground.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TrainerTest {

    private static TrainingConfig config(int batch, long seed) {
        return TrainingConfig.defaults().withBatchSize(batch).withData(
                TrainingConfig.defaults().dataset(), 400, 0.1, seed);
    }

    private static double[] trajectory(TrainingConfig c, int steps) {
        Trainer t = Trainer.fromConfig(c);
        double[] losses = new double[steps];
        for (int i = 0; i < steps; i++) {
            losses[i] = t.step();
        }
        return losses;
    }

    @Test
    void sameSeedSameTrajectoryOtherSeedAnother() {
        assertArrayEquals(trajectory(config(1, 7), 500), trajectory(config(1, 7), 500));
        assertArrayEquals(trajectory(config(32, 7), 200), trajectory(config(32, 7), 200));
        assertNotEquals(trajectory(config(1, 7), 50)[49], trajectory(config(1, 8), 50)[49]);
    }

    @Test
    void miniBatchesCoverEveryTrainingExampleOncePerEpoch() {
        TrainingConfig c = config(32, 3).withLearningRate(1e-9);
        Trainer t = Trainer.fromConfig(c);
        int n = t.data().train().size(); // 320 = 10 batches of 32
        double sum = 0;
        for (int i = 0; i < n / 32; i++) {
            t.step();
            assertEquals(32, t.lastBatchFeatures().numRows);
            for (int r = 0; r < 32; r++) {
                sum += t.lastBatchFeatures().get(r, 0);
            }
        }
        double expected = 0;
        for (int i = 0; i < n; i++) {
            expected += t.data().train().x1(i);
        }
        assertEquals(expected, sum, 1e-9);
    }

    @Test
    void fullBatchMatchesOneHandWrittenGradientDescentStep() {
        TrainingConfig c = config(100_000, 4);
        Trainer t = Trainer.fromConfig(c);
        Sequential copy = c.network().build(new Random(c.seed() + 1));
        var train = t.data().train();
        double loss = copy.computeLoss(copy.forward(train.features()), train.labels());
        copy.backward();
        copy.step(c.learningRate());
        assertEquals(loss, t.step(), 1e-12);
        for (int i = 0; i < copy.parameters().size(); i++) {
            assertArrayEquals(copy.parameters().get(i).value().data, t.network().parameters().get(i).value().data, 1e-12);
        }
    }

    @Test
    void seedRunLearnsTheMoons() {
        // seed 000's run, its randn init included
        TrainingConfig c = TrainingConfig.seed000().withData(TrainingConfig.seed000().dataset(), 2000, 0.1, 1);
        Trainer t = Trainer.fromConfig(c);
        for (int i = 0; i < 10_000; i++) {
            t.step();
        }
        Metrics m = t.evaluate();
        assertTrue(m.trainAccuracy() >= 0.97, "train accuracy " + m.trainAccuracy());
        assertTrue(m.testAccuracy() >= 0.95, "test accuracy " + m.testAccuracy());
    }

    @Test
    void changingLearningRateKeepsWeightsAndRebuildChangesShape() {
        Trainer t = Trainer.fromConfig(config(1, 2));
        t.step();
        double[] w = t.network().parameters().get(0).value().data.clone();
        t.setLearningRate(0.5);
        assertArrayEquals(w, t.network().parameters().get(0).value().data);
        assertEquals(0.5, t.optimizer().learningRate());
        t.rebuild(t.spec().withHidden(8), OptimizerKind.ADAM, new Random(1));
        assertEquals(8, t.network().parameters().get(0).value().numCols);
        assertEquals(0.5, t.optimizer().learningRate(), "the learning rate survives a rebuild");
        assertEquals(1, t.steps(), "the step count goes on");
    }

    @Test
    void accuracyAndLossOnAHandMadeSet() {
        Trainer t = Trainer.fromConfig(config(1, 2));
        var data = dev.backprop.playground.engine.data.DataSplit.of(t.data().all(), 0.5, new Random(1)).test();
        double[] m = t.measure(data);
        org.ejml.data.DMatrixRMaj out = new org.ejml.data.DMatrixRMaj(1, 1);
        t.network().predict(data.features(), out);
        double sum = 0;
        int correct = 0;
        for (int i = 0; i < data.size(); i++) {
            sum += Loss.BCE.value(out.get(i), data.labels().get(i));
            correct += (out.get(i) > 0.5) == (data.labels().get(i) == 1) ? 1 : 0;
        }
        assertEquals(sum / data.size(), m[0], 1e-12);
        assertEquals((double) correct / data.size(), m[1], 1e-12);
    }
}
