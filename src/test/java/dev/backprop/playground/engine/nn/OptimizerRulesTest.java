package dev.backprop.playground.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each optimizer on one weight starting at 1 with the gradients 0.5, -1, 2, against the values of
 * torch.optim's update rules worked by hand (the first step in the comments; all three steps
 * checked in float64 outside the project).
 */
class OptimizerRulesTest {
    private static final double[] GRADS = {0.5, -1.0, 2.0};

    private static double[] run(OptimizerKind kind, double lr, OptimizerSettings settings) {
        Parameter w = new Parameter("w", 1, 1);
        w.value().data[0] = 1.0;
        Optimizer opt = kind.create(List.of(w), lr, settings);
        double[] after = new double[GRADS.length];
        for (int t = 0; t < GRADS.length; t++) {
            w.grad().data[0] = GRADS[t];
            opt.step();
            after[t] = w.value().data[0];
        }
        return after;
    }

    @Test
    void momentumHalfAsSeed003() {
        // v = 0.5 v + g; p -= 0.1 v: v = 0.5, -0.75, 1.625; p = 0.95, 1.025, 0.8625
        double[] p = run(OptimizerKind.MOMENTUM, 0.1, OptimizerSettings.DEFAULTS.withMomentum(0.5));
        assertEquals(0.95, p[0], 1e-15);
        assertEquals(1.025, p[1], 1e-15);
        assertEquals(0.8625, p[2], 1e-15);
    }

    @Test
    void momentumDefaultIsPointNine() {
        // v = 0.5, -0.55, 1.505
        double[] p = run(OptimizerKind.MOMENTUM, 0.1, OptimizerSettings.DEFAULTS);
        assertEquals(0.95, p[0], 1e-15);
        assertEquals(1.005, p[1], 1e-15);
        assertEquals(0.8545, p[2], 1e-15);
    }

    @Test
    void rmspropWithTorchDefaults() {
        // s = 0.01 * 0.25 = 0.0025, sqrt(s) = 0.05: p = 1 - 0.01 * 0.5 / (0.05 + 1e-8) = 0.90000002
        double[] p = run(OptimizerKind.RMSPROP, 0.01, OptimizerSettings.DEFAULTS);
        assertEquals(0.900000019999996, p[0], 1e-14);
        assertEquals(0.9895323081911337, p[1], 1e-14);
        assertEquals(0.9021204008561932, p[2], 1e-14);
    }

    @Test
    void adagradWithTorchDefaults() {
        // s = 0.25, 1.25, 5.25: p = 1 - 0.1 * 0.5 / (0.5 + 1e-10), then + 0.1 / sqrt(1.25), - 0.2 / sqrt(5.25)
        double[] p = run(OptimizerKind.ADAGRAD, 0.1, OptimizerSettings.DEFAULTS);
        assertEquals(0.90000000002, p[0], 1e-14);
        assertEquals(0.9894427191119917, p[1], 1e-14);
        assertEquals(0.9021555630214042, p[2], 1e-14);
    }

    @Test
    void adamWithOtherBetasAndEps() {
        // betas 0.8, 0.9, eps 1e-6: m = 0.1, v = 0.025; m_hat = 0.5, v_hat = 0.25: p = 1 - 0.1 * 0.5 / (0.5 + 1e-6)
        double[] p = run(OptimizerKind.ADAM, 0.1, new OptimizerSettings(0.9, 0.8, 0.9, 1e-6));
        assertEquals(0.9000001999996, p[0], 1e-14);
        assertEquals(0.9415134715708001, p[1], 1e-14);
        assertEquals(0.8961144405183794, p[2], 1e-14);
    }

    @Test
    void stateSurvivesSaveAndRestore() {
        for (OptimizerKind kind : OptimizerKind.values()) {
            Parameter a = new Parameter("w", 1, 1);
            Parameter b = new Parameter("w", 1, 1);
            a.value().data[0] = 1;
            b.value().data[0] = 1;
            Optimizer first = kind.create(List.of(a), 0.1, OptimizerSettings.DEFAULTS);
            a.grad().data[0] = 0.5;
            first.step();
            Optimizer second = kind.create(List.of(b), 0.1, OptimizerSettings.DEFAULTS);
            second.restoreState(first.saveState());
            b.value().data[0] = a.value().data[0];
            a.grad().data[0] = -1;
            b.grad().data[0] = -1;
            first.step();
            second.step();
            assertEquals(a.value().data[0], b.value().data[0], 0, kind.id());
        }
    }

    @Test
    void refusesMomentumOfOneAndBadBetas() {
        assertThrows(IllegalArgumentException.class, () -> OptimizerSettings.DEFAULTS.withMomentum(1));
        assertThrows(IllegalArgumentException.class, () -> new OptimizerSettings(0.9, 1, 0.999, 0));
        assertThrows(IllegalArgumentException.class, () -> new OptimizerSettings(0.9, 0.9, -0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> new OptimizerSettings(0.9, 0.9, 0.999, Double.NaN));
    }
}
