package dev.backprop.playground.engine.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seed 001's MLP(3, [4, 4, 1]) trained on its four examples, with and without zero_grad. */
class MlpTrainingTest {

    @Test
    void seedMlpIsTanhTanhLinearWithZeroBiases() {
        Mlp m = Mlp.micrograd(3, new int[] {4, 4, 1}, new Random(1));
        assertEquals(3 * 4 + 4 + 4 * 4 + 4 + 4 + 1, m.parameters().size());
        for (Value p : m.parameters()) {
            if (p.label().endsWith(".b")) {
                assertEquals(0, p.data());
            } else {
                assertTrue(p.data() >= -1 && p.data() < 1, p.toString());
            }
        }
        Value out = m.call(2.0, 3.0, -1.0);
        assertEquals(Op.ADD, out.op(), "the last layer is linear: its output is the sum, no tanh");
    }

    @Test
    void lossIsTheSummedSquaredErrorOfTheFourExamples() {
        MlpTraining t = new MlpTraining(MlpSetup.seed001());
        double[][] xs = MlpSetup.seed001().xs();
        double[] ys = MlpSetup.seed001().ys();
        double expected = 0;
        for (int i = 0; i < 4; i++) {
            double e = t.mlp().call(xs[i]).data() - ys[i];
            expected += e * e;
        }
        assertEquals(expected, t.loss().data(), 1e-12);
        assertEquals(expected, t.epoch(true).loss(), 1e-12, "an epoch reports the loss before its update");
    }

    @Test
    void reachesLossBelowOneHundredthWithinOneHundredEpochs() {
        MlpTraining t = new MlpTraining(MlpSetup.seed001());
        double best = Double.MAX_VALUE;
        for (int e = 0; e < 100 && best >= 0.01; e++) {
            best = Math.min(best, t.epoch(true).loss());
        }
        assertTrue(best < 0.01, "loss " + best + " after " + t.history().size() + " epochs");
    }

    @Test
    void forgettingZeroGradHurtsAndTheGradientsGrow() {
        MlpTraining on = new MlpTraining(MlpSetup.seed001());
        MlpTraining off = new MlpTraining(MlpSetup.seed001());
        for (int e = 0; e < 20; e++) {
            on.epoch(true);
            off.epoch(false);
        }
        List<MlpTraining.Epoch> bug = off.history();
        assertTrue(bug.get(19).loss() > on.history().get(19).loss(),
                "epoch 20: " + bug.get(19).loss() + " without zero_grad vs " + on.history().get(19).loss());
        assertTrue(bug.get(19).gradNorm() > 10 * on.history().get(19).gradNorm());
        // the first epoch is the same either way: there is nothing to accumulate yet
        assertEquals(on.history().get(0).loss(), bug.get(0).loss());
    }

    @Test
    void epochWithoutZeroGradUsesTheSumOfBothEpochsGradients() {
        MlpTraining t = new MlpTraining(MlpSetup.seed001());
        t.epoch(true);
        Value p = t.mlp().parameters().get(0);
        double g1 = p.grad();
        double before = p.data();
        // the second epoch's own gradient, measured on a copy of the state
        Value loss = t.loss();
        t.mlp().zeroGrad();
        loss.backward();
        double g2 = p.grad();
        p.setGrad(g1);
        t.epoch(false);
        assertEquals(g1 + g2, p.grad(), 1e-12);
        assertEquals(before - 0.05 * (g1 + g2), p.data(), 1e-12);
    }

    @Test
    void setupChecksItsLimits() {
        double[][] xs = {{1, 2}};
        double[] ys = {1};
        assertThrows(IllegalArgumentException.class, () -> new MlpSetup(new int[] {4, 2}, xs, ys, 0.05, 1));
        assertThrows(IllegalArgumentException.class, () -> new MlpSetup(new int[] {9, 1}, xs, ys, 0.05, 1));
        assertThrows(IllegalArgumentException.class, () -> new MlpSetup(new int[] {1}, xs, ys, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new MlpSetup(new int[] {1}, new double[][] {{1}, {1, 2}},
                new double[] {1, 2}, 0.05, 1));
        assertEquals("2-1", new MlpSetup(new int[] {1}, xs, ys, 0.05, 1).shape());
        assertEquals(MlpSetup.seed001(), MlpSetup.seed001(), "equal setups compare equal, arrays and all");
    }
}
