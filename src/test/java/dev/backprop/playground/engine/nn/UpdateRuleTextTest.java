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
        assertTrue(last.text().contains(String.format(java.util.Locale.ROOT, "= %.8g", w.value().data[0])),
                "the weight at the digits that show its change of 7e-5: " + last.text());
    }

    /** The update's arithmetic as shown: W1[0] = before − lr·(x) [/ (d + eps)] = after. */
    private static final java.util.regex.Pattern ARITHMETIC = java.util.regex.Pattern.compile(
            "W1\\[0] = (\\S+) \u2212 (\\S+)\u00b7\\((\\S+)\\)(?: / \\((\\S+) \\+ (\\S+)\\))? = ([-0-9.e+]+)");

    /** Runs {@code updates} whole step-throughs and checks the last update's shown numbers against each other. */
    private static void shownArithmeticHolds(TrainingConfig c, int updates) {
        Trainer t = Trainer.fromConfig(c);
        String text = null;
        for (int k = 0; k < updates; k++) {
            NetworkStepper stepper = new NetworkStepper(t);
            while (stepper.hasNext()) {
                text = stepper.next().text();
            }
        }
        java.util.regex.Matcher m = ARITHMETIC.matcher(text);
        assertTrue(m.find(), text);
        double before = Double.parseDouble(m.group(1));
        double lr = Double.parseDouble(m.group(2));
        double x = Double.parseDouble(m.group(3));
        double step = m.group(4) == null ? lr * x : lr * x / (Double.parseDouble(m.group(4)) + Double.parseDouble(m.group(5)));
        double after = Double.parseDouble(m.group(6));
        assertTrue(after != before, "the shown weight changes: " + text);
        // the factors are shown at 4 digits, each weight to 0.5% of the change
        assertEquals(before - step, after, 0.012 * Math.abs(step), text);
        assertEquals(t.network().parameters().get(0).value().data[0], after, 0.006 * Math.abs(step), text);
    }

    @Test
    void theShownNumbersOfEachOptimizersUpdateHoldTogether() {
        TrainingConfig d = TrainingConfig.defaults();
        shownArithmeticHolds(d.withOptimizer(OptimizerKind.MOMENTUM)
                .withOptimizerSettings(OptimizerSettings.DEFAULTS.withMomentum(0.5)), 3); // seed 003's momentum
        shownArithmeticHolds(d.withOptimizer(OptimizerKind.ADAM), 3);
        shownArithmeticHolds(d.withOptimizer(OptimizerKind.ADAGRAD), 3);
        shownArithmeticHolds(d.withOptimizer(OptimizerKind.RMSPROP), 3);
        shownArithmeticHolds(d, 1);
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
