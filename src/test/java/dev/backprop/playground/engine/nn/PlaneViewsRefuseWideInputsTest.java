package dev.backprop.playground.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.data.Inputs;
import java.util.EnumSet;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The views of the plane (decision grid, neuron grid) and the input features refuse data that is not the plane's. */
class PlaneViewsRefuseWideInputsTest {
    private final Sequential wide = new NetworkSpec(FeatureSet.raw(Inputs.image(8, 8)), new int[] {4}, Activation.RELU,
            Head.multiclass(10), Initializer.HE).build(new Random(0));

    @Test
    void theDecisionGridNamesTheNetworksInputs() {
        DecisionGridEvaluator grid = new DecisionGridEvaluator(4, 4, new double[] {-1, 1, -1, 1});
        String m = assertThrows(IllegalArgumentException.class, () -> grid.evaluate(wide)).getMessage();
        assertEquals("the decision grid covers the plane's two inputs x1, x2; the network takes 64 inputs (8x8 image)", m);
        Dataset table = new Dataset(new DMatrixRMaj(3, 4), new DMatrixRMaj(3, 1));
        assertThrows(IllegalArgumentException.class, () -> DecisionGridEvaluator.around(table, 4, 4));
    }

    @Test
    void theNeuronGridToo() {
        assertThrows(IllegalArgumentException.class, () -> new NeuronGrid(8, new double[] {-1, 1, -1, 1}).evaluate(wide));
    }

    @Test
    void featuresFitThePlaneOnly() {
        FeatureSet squares = FeatureSet.of(EnumSet.of(Feature.X1, Feature.X2, Feature.X1SQ));
        assertEquals(squares, squares.fitting(Inputs.PLANE));
        assertEquals(4, FeatureSet.RAW.fitting(Inputs.numbered(4)).size());
        String m = assertThrows(IllegalArgumentException.class, () -> squares.fitting(Inputs.numbered(3))).getMessage();
        assertEquals("--features x1,x2,x1sq are functions of the plane's two inputs x1, x2; the data has 3 inputs "
                + "(x1, x2, x3): leave --features out", m);
    }
}
