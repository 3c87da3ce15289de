package dev.backprop.playground.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.Activation;
import dev.backprop.playground.engine.nn.DecisionGrid;
import dev.backprop.playground.engine.nn.DecisionGridEvaluator;
import dev.backprop.playground.engine.nn.FeatureSet;
import dev.backprop.playground.engine.nn.Head;
import dev.backprop.playground.engine.nn.Initializer;
import dev.backprop.playground.engine.nn.Linear;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.Sequential;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The colour scale of a regression surface: the 90th percentile of |prediction|; a classifier needs none. */
class HeatmapScaleTest {
    private final DecisionGridEvaluator evaluator =
            DecisionGridEvaluator.around(DatasetKind.MOONS.generate(60, 0.1, new Random(2)), 40, 30);

    @Test
    void aRegressionScaleIsThe90thPercentileOfTheAbsolutePredictions() {
        // y = 3 x1 - 4 x2 + 0.5: a plane, so |y| over the grid is known cell by cell
        Sequential net = new NetworkSpec(FeatureSet.RAW, new int[0], Activation.RELU, Head.regression(),
                Initializer.NORMAL).build(new Random(1));
        Linear lin = (Linear) net.layers().get(0);
        lin.weight().value().data[0] = 3;
        lin.weight().value().data[1] = -4;
        lin.bias().value().data[0] = 0.5;
        DecisionGrid grid = evaluator.evaluate(net);
        double scale = Heatmap.regressionScale(grid);
        int atOrBelow = 0;
        int cells = grid.width() * grid.height();
        for (int row = 0; row < grid.height(); row++) {
            for (int col = 0; col < grid.width(); col++) {
                double y = 3 * grid.x1At(col) - 4 * grid.x2At(row) + 0.5;
                assertEquals(y, grid.probability(col, row), 1e-12);
                atOrBelow += Math.abs(y) <= scale ? 1 : 0;
            }
        }
        // the value at rank 0.9 * (cells - 1) of the sorted |y|: 90% of the cells (one more for the rank's floor)
        assertEquals((int) (0.9 * (cells - 1)) + 1, atOrBelow, "scale " + scale);
    }

    @Test
    void aClassifiersGridNeedsNoScale() {
        Sequential net = new NetworkSpec(FeatureSet.RAW, new int[] {4}, Activation.TANH, Head.binary(),
                Initializer.NORMAL).build(new Random(1));
        DecisionGrid grid = evaluator.evaluate(net);
        assertEquals(1, Heatmap.regressionScale(grid));
        assertTrue(grid.probability(0, 0) > 0 && grid.probability(0, 0) < 1);
    }
}
