package dev.backprop.playground.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.backprop.playground.engine.data.DatasetKind;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecisionGridTest {
    /** The grid's separable first layer gives what a plain forward pass over every point gives. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void gridEqualsPointByPointPrediction(int hiddenLayers) {
        TrainingConfig d = TrainingConfig.defaults();
        int[] hidden = hiddenLayers == 1 ? new int[] {7} : new int[] {5, 3};
        Sequential net = d.network().withHidden(hidden).build(new Random(4));
        var data = DatasetKind.MOONS.generate(100, 0.1, new Random(1));
        DecisionGridEvaluator evaluator = DecisionGridEvaluator.around(data, 30, 20);
        DecisionGrid grid = evaluator.evaluate(net);
        DMatrixRMaj point = new DMatrixRMaj(1, 2);
        DMatrixRMaj out = new DMatrixRMaj(1, 1);
        for (int r = 0; r < grid.height(); r++) {
            for (int c = 0; c < grid.width(); c++) {
                point.set(0, 0, grid.x1At(c));
                point.set(0, 1, grid.x2At(r));
                net.predict(point, out);
                assertEquals(out.get(0), grid.probability(c, r), 1e-12, "cell " + c + "," + r);
            }
        }
        // equal-aspect bounds: a unit of x1 and of x2 span the same number of cells
        assertEquals((grid.maxX1() - grid.minX1()) / 30, (grid.maxX2() - grid.minX2()) / 20, 1e-12);
    }

    /** A cell read out in words is the head's reading of the network's own output at that point. */
    @org.junit.jupiter.api.Test
    void aCellInWordsIsTheHeadsReadingOfThatPoint() {
        Sequential net = new NetworkSpec(FeatureSet.RAW, new int[] {6}, Activation.TANH, Head.multiclass(3),
                Initializer.NORMAL).build(new Random(7));
        DecisionGrid grid = DecisionGridEvaluator.around(DatasetKind.MOONS.generate(50, 0.1, new Random(1)), 12, 9)
                .evaluate(net);
        DMatrixRMaj out = new DMatrixRMaj(1, 3);
        for (int[] cell : new int[][] {{0, 0}, {5, 4}, {11, 8}}) {
            net.predict(new DMatrixRMaj(1, 2, true, grid.x1At(cell[0]), grid.x2At(cell[1])), out);
            assertEquals(Head.multiclass(3).describe(out.data, 0), grid.describe(cell[0], cell[1]));
        }
    }
}
