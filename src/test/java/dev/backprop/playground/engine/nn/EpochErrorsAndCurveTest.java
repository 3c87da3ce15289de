package dev.backprop.playground.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.data.OneInputData;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The perceptron's errors per epoch, and a one-input network's curve, against values worked by hand. */
class EpochErrorsAndCurveTest {
    @Test
    void anEpochEndsWhenTheStepsMetTheTrainingSetsCount() {
        EpochErrors e = new EpochErrors();
        long[] updates = {1, 0, 1, 0, 0, 1, 0, 0, 0};
        for (int s = 0; s < updates.length; s++) {
            e.stepped(s + 1, 1, updates[s], 4);
        }
        EpochErrors.View v = e.view();
        assertEquals(2, v.size(), "nine steps of one example over four points: two whole epochs");
        assertEquals(4, v.endStep(0));
        assertEquals(2, v.errors(0));
        assertEquals(8, v.endStep(1));
        assertEquals(1, v.errors(1));
        e.truncate(5);
        assertEquals(1, e.view().size(), "back at step 5: the epoch that ended at 8 is gone");
        assertEquals(2, v.size(), "a view handed out before keeps its rows");
        assertEquals(1, v.errors(1));
        e.stepped(6, 2, 3, 4);
        e.stepped(7, 2, 0, 4);
        assertEquals(7, e.view().endStep(1), "batches of 2: two steps an epoch, counted from the step gone back to");
        assertEquals(3, e.view().errors(1));
    }

    @Test
    void theCurveIsTheNetworksOutputAlongX() {
        NetworkSpec spec = new NetworkSpec(FeatureSet.raw(OneInputData.X), new int[0], Activation.RELU, Head.regression(),
                Initializer.ZEROS);
        Sequential net = spec.build(new Random(0));
        Linear lin = (Linear) net.layers().get(0);
        lin.weight().value().data[0] = 2;
        lin.bias().value().data[0] = 1;
        NetworkCurve c = NetworkCurve.of(net, new double[] {0, 1}, 3, 7);
        assertEquals(3, c.size());
        assertEquals(0.5, c.x(1), 0);
        assertEquals(1, c.y(0), 1e-15);
        assertEquals(2, c.y(1), 1e-15);
        assertEquals(3, c.y(2), 1e-15);
        assertEquals(7, c.step());
        Sequential planar = TrainingConfig.defaults().network().build(new Random(0));
        assertThrows(IllegalArgumentException.class, () -> NetworkCurve.of(planar, new double[] {0, 1}, 3, 0));
    }

    @Test
    void theSpanReachesFivePercentPastThePoints() {
        double[] span = NetworkCurve.span(DatasetKind.QUADRATIC.split(0).all());
        assertEquals(-5.5, span[0], 1e-12);
        assertEquals(5.5, span[1], 1e-12);
    }
}
