package dev.backprop.playground.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Four mini-batches of 8 summed into one update step as one batch of 32 on the same rows. */
class GradientAccumulationTest {

    private static Trainer trainer(int batch, int accumulate) {
        Trainer t = Trainer.fromConfig(TrainingConfig.defaults());
        t.setBatchSize(batch);
        t.setAccumulation(accumulate);
        return t;
    }

    @Test
    void fourBatchesOfEightEqualOneBatchOfThirtyTwo() {
        Trainer accumulated = trainer(8, 4);
        Trainer large = trainer(32, 1);
        for (int step = 0; step < 3; step++) {
            double a = accumulated.step();
            double b = large.step();
            assertEquals(b, a, 1e-12, "the mean of the four batch losses is the large batch's loss");
        }
        assertEquals(3, accumulated.steps(), "one step per update, not per mini-batch");
        List<Parameter> p = accumulated.network().parameters();
        List<Parameter> q = large.network().parameters();
        for (int i = 0; i < p.size(); i++) {
            assertArrayEquals(q.get(i).value().data, p.get(i).value().data, 1e-12, p.get(i).name());
        }
    }

    @Test
    void theUpdateUsesTheMeanOfTheSummedGradients() {
        // by hand on the same state: two batches' gradients, then one update, against the accumulator's
        Trainer manual = trainer(8, 1);
        Trainer accumulated = trainer(8, 2);
        Sequential net = manual.network();
        double[] sum = null;
        for (int k = 0; k < 2; k++) {
            manual.beginStep();
            net.computeLoss(net.forward(manual.lastBatchFeatures()), manual.lastBatchLabels());
            net.backward();
            double[] g = net.parameters().get(0).grad().data;
            if (sum == null) {
                sum = g.clone();
            } else {
                for (int j = 0; j < g.length; j++) {
                    sum[j] += g[j];
                }
            }
        }
        double[] w = net.parameters().get(0).value().data.clone();
        double lr = TrainingConfig.defaults().learningRate();
        accumulated.step();
        double[] after = accumulated.network().parameters().get(0).value().data;
        assertTrue(TrainingConfig.defaults().optimizer() == OptimizerKind.SGD, "plain SGD: w -= lr * grad");
        for (int j = 0; j < w.length; j++) {
            assertEquals(w[j] - lr * sum[j] / 2, after[j], 1e-12);
        }
    }

    @Test
    void batchesAreChecked() {
        Trainer t = trainer(8, 1);
        assertThrows(IllegalArgumentException.class, () -> t.setAccumulation(0));
        assertThrows(IllegalArgumentException.class, () -> t.setAccumulation(GradientAccumulation.MAX_BATCHES + 1));
    }
}
