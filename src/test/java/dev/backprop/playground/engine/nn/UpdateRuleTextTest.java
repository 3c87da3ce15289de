package dev.backprop.playground.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.data.DatasetKind;
import org.junit.jupiter.api.Test;

/** The step-through's update step shows the optimizer's real rule with its numbers, and they are the step's. */
class UpdateRuleTextTest {

    private static String updateText(TrainingConfig c) {
        Trainer t = Trainer.fromConfig(c);
        NetworkStepper stepper = new NetworkStepper(t);
        NetworkStepper.Step last = null;
        while (stepper.hasNext()) {
            last = stepper.next();
        }
        return last.text();
    }

    @Test
    void momentumShowsItsVelocity() {
        TrainingConfig d = TrainingConfig.defaults();
        String text = updateText(d.withOptimizer(OptimizerKind.MOMENTUM)
                .withOptimizerSettings(OptimizerSettings.DEFAULTS.withMomentum(0.5)));
        assertTrue(text.startsWith("update (momentum, lr 0.0100): v \u2190 0.5000 v + g = 0.5000\u00b7(0.000) + ("),
                text);
        assertTrue(text.contains("; p \u2190 p \u2212 lr v: W1[0] = "), text);
    }

    @Test
    void adamShowsItsMomentsAndBiasCorrections() {
        String text = updateText(TrainingConfig.defaults().withOptimizer(OptimizerKind.ADAM));
        assertTrue(text.contains("m \u2190 0.9000 m + 0.1000 g") && text.contains("t = 1")
                && text.contains("m\u0302 = m / (1 \u2212 0.9000^t)"), text);
    }

    @Test
    void sgdNumbersAreTheStepsOwn() {
        TrainingConfig c = TrainingConfig.defaults();
        Trainer t = Trainer.fromConfig(c);
        double before = t.network().parameters().get(0).value().data[0];
        NetworkStepper stepper = new NetworkStepper(t);
        NetworkStepper.Step last = null;
        while (stepper.hasNext()) {
            last = stepper.next();
        }
        Parameter w = t.network().parameters().get(0);
        assertEquals(before - 0.01 * w.grad().data[0], w.value().data[0], 1e-15);
        assertTrue(last.text().contains(String.format(java.util.Locale.ROOT, "= %.4g", w.value().data[0])), last.text());
    }

    @Test
    void perceptronWalksPredictCompareUpdate() {
        NetworkSpec spec = new NetworkSpec(FeatureSet.RAW, new int[0], Activation.RELU, Head.of(Loss.PERCEPTRON, 2),
                Initializer.ZEROS);
        TrainingConfig c = TrainingConfig.defaults().withNetwork(spec).withData(DatasetKind.BLOBS, 100, 0.1, 0);
        String text = updateText(c);
        assertTrue(text.startsWith("update (sgd, lr 0.0100): w \u2190 w + lr (y \u2212 \u0177) x: W1[0] = 0.000 + "),
                text);
    }
}
