package dev.backprop.playground.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each optimizer's update against numbers worked by hand. */
class OptimizerTest {

    private static Parameter param(double value, double grad) {
        Parameter p = new Parameter("p", 1, 1);
        p.value().set(0, value);
        p.grad().set(0, grad);
        return p;
    }

    @Test
    void sgdSubtractsLearningRateTimesGradient() {
        Parameter p = param(1.0, 0.5);
        new Sgd(List.of(p), 0.1).step();
        assertEquals(1.0 - 0.1 * 0.5, p.value().get(0), 1e-15);
    }

    @Test
    void momentumAccumulatesVelocity() {
        Parameter p = param(1.0, 0.5);
        Momentum m = new Momentum(List.of(p), 0.1, 0.9);
        m.step(); // v = 0.5, p = 1 - 0.05 = 0.95
        assertEquals(0.95, p.value().get(0), 1e-15);
        p.grad().set(0, 0.2);
        m.step(); // v = 0.9 * 0.5 + 0.2 = 0.65, p = 0.95 - 0.065 = 0.885
        assertEquals(0.885, p.value().get(0), 1e-15);
    }

    @Test
    void adamFirstStepsWithBiasCorrection() {
        Parameter p = param(1.0, 0.5);
        Adam adam = new Adam(List.of(p), 0.1);
        adam.step();
        // m = 0.05, v = 0.00025; m_hat = 0.5, v_hat = 0.25; p = 1 - 0.1 * 0.5 / (0.5 + 1e-8)
        assertEquals(1 - 0.1 * 0.5 / (0.5 + 1e-8), p.value().get(0), 1e-12);
        double afterFirst = p.value().get(0);
        p.grad().set(0, -1.0);
        adam.step();
        // m = 0.9 * 0.05 - 0.1 = -0.055; v = 0.999 * 0.00025 + 0.001 = 0.00124975
        double mHat = -0.055 / (1 - 0.81);
        double vHat = 0.00124975 / (1 - 0.999 * 0.999);
        assertEquals(afterFirst - 0.1 * mHat / (Math.sqrt(vHat) + 1e-8), p.value().get(0), 1e-12);
    }

    @Test
    void changingTheLearningRateKeepsTheState() {
        Parameter p = param(0.0, 1.0);
        Momentum m = new Momentum(List.of(p), 0.1, 0.9);
        m.step(); // v = 1, p = -0.1
        m.setLearningRate(0.01);
        m.step(); // v = 1.9, p = -0.1 - 0.019
        assertEquals(-0.119, p.value().get(0), 1e-15);
    }

    @Test
    void rejectsNonPositiveLearningRates() {
        Parameter p = param(0, 0);
        assertThrows(IllegalArgumentException.class, () -> new Sgd(List.of(p), -0.1));
        assertThrows(IllegalArgumentException.class, () -> new Adam(List.of(p), Double.NaN));
    }

    @Test
    void layerStepIsTheSeedsPlainGradientDescent() {
        Linear lin = new Linear(1, 1, 1);
        lin.weight().value().set(0, 2.0);
        lin.weight().grad().set(0, 4.0);
        lin.bias().value().set(0, 1.0);
        lin.bias().grad().set(0, -2.0);
        lin.step(0.5);
        assertEquals(0.0, lin.weight().value().get(0), 1e-15);
        assertEquals(2.0, lin.bias().value().get(0), 1e-15);
    }
}
