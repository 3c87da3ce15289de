package dev.backprop.playground.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.data.DatasetKind;
import java.util.EnumSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A grid computed a band of rows at a time is the grid computed in one go, value for value. */
class GridPassTest {
    private final Dataset data = DatasetKind.MOONS.generate(100, 0.1, new Random(1));

    private static double[] values(DecisionGrid g) {
        int outs = g.head().outputs();
        double[] v = new double[g.width() * g.height() * outs];
        for (int r = 0, k = 0; r < g.height(); r++) {
            for (int c = 0; c < g.width(); c++) {
                for (int o = 0; o < outs; o++, k++) {
                    v[k] = g.value(c, r, o);
                }
            }
        }
        return v;
    }

    private void rowByRowEqualsOneGo(Sequential net) {
        DecisionGridEvaluator evaluator = DecisionGridEvaluator.around(data, 30, 20);
        DecisionGrid whole = evaluator.evaluate(net);
        DecisionGridEvaluator.Pass pass = evaluator.begin(net);
        for (int row = 1; row <= 20; row++) {
            boolean done = pass.advanceUntil(System.nanoTime()); // the deadline passes at once: one row
            assertEquals(row, pass.rowsDone());
            assertEquals(row == 20, done);
        }
        assertArrayEquals(values(whole), values(pass.grid()), "bitwise the same values");
    }

    @Test
    void aSeparableFirstLayerGridRowByRowIsTheGridInOneGo() {
        rowByRowEqualsOneGo(TrainingConfig.defaults().network().withHidden(7, 5).build(new Random(4)));
    }

    @Test
    void aFeatureNetworksGridRowByRowIsTheGridInOneGo() {
        FeatureSet features = FeatureSet.of(EnumSet.of(Feature.X1, Feature.X2, Feature.X1SQ, Feature.SINX2));
        rowByRowEqualsOneGo(new NetworkSpec(features, new int[] {6}, Activation.TANH, Head.multiclass(3),
                Initializer.NORMAL).build(new Random(2)));
    }

    @Test
    void aPassIsFinishedBeforeItsGridAndEndsWhenAnotherBegins() {
        Sequential net = TrainingConfig.defaults().network().withHidden(4).build(new Random(4));
        DecisionGridEvaluator evaluator = DecisionGridEvaluator.around(data, 10, 10);
        DecisionGridEvaluator.Pass first = evaluator.begin(net);
        first.advanceUntil(System.nanoTime());
        assertFalse(first.done());
        assertThrows(IllegalStateException.class, first::grid);
        DecisionGridEvaluator.Pass second = evaluator.begin(net);
        assertThrows(IllegalStateException.class, () -> first.advanceUntil(Long.MAX_VALUE), "the buffers are the new pass's");
        second.finish();
        assertTrue(second.done());
        assertArrayEquals(values(evaluator.evaluate(net)), values(second.grid()));
    }

    @Test
    void aGridsCostIsItsWeightsTimesItsCells() {
        Sequential net = TrainingConfig.defaults().network().withHidden(50).build(new Random(4));
        // 2-50-1: 2*50 + 50 weights and biases into the hidden layer, 50 + 1 into the output
        assertEquals(201L * 30 * 20, DecisionGridEvaluator.around(data, 30, 20).cost(net));
    }
}
