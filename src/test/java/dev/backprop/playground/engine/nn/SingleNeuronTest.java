package dev.backprop.playground.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.data.DatasetKind;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Seed 004's perceptron and Adaline on four hand-made points, against steps worked by hand. */
class SingleNeuronTest {
    /** A (1, 1) -> 1, B (2, 0) -> 0, C (0, 2) -> 1, D (-1, -1) -> 0, in this order. */
    private static DataSplit fourPoints() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 1}, {2, 0}, {0, 2}, {-1, -1}});
        DMatrixRMaj y = new DMatrixRMaj(new double[][] {{1}, {0}, {1}, {0}});
        return DataSplit.of(new Dataset(x, y), new boolean[4]);
    }

    private static Trainer trainer(Loss loss, double lr, int batch, Epochs epochs) {
        return trainer(Head.of(loss, 2), lr, batch, epochs);
    }

    private static Trainer trainer(Head head, double lr, int batch, Epochs epochs) {
        NetworkSpec spec = new NetworkSpec(FeatureSet.RAW, new int[0], Activation.RELU, head, Initializer.ZEROS);
        TrainingConfig c = new TrainingConfig(DatasetKind.MOONS, 4, 0, 0, 0, spec, OptimizerKind.SGD, lr, batch,
                0, 1, 2, Regularization.NONE, 0, OptimizerSettings.DEFAULTS, epochs);
        return new Trainer(fourPoints(), c);
    }

    private static double[] wb(Trainer t) {
        Linear l = (Linear) t.network().layers().get(0);
        return new double[] {l.weight().value().data[0], l.weight().value().data[1], l.bias().value().data[0]};
    }

    private static void assertWeights(double w1, double w2, double b, Trainer t, String when) {
        double[] p = wb(t);
        assertEquals(w1, p[0], 1e-12, when + ": w1");
        assertEquals(w2, p[1], 1e-12, when + ": w2");
        assertEquals(b, p[2], 1e-12, when + ": b");
    }

    @Test
    void perceptronRuleExampleByExample() {
        Trainer t = trainer(Loss.PERCEPTRON, 0.1, 1, new Epochs(2, false));
        // A: z = 0 < 0.5, predicts 0, y = 1: w += 0.1 (1, 1), b += 0.1
        assertEquals(1.0, t.step(), 0);
        assertWeights(0.1, 0.1, 0.1, t, "after A");
        // B: z = 0.3, predicts 0 = y: no update
        assertEquals(0.0, t.step(), 0);
        assertWeights(0.1, 0.1, 0.1, t, "after B");
        // C: z = 0.3, predicts 0, y = 1: w += 0.1 (0, 2), b += 0.1
        assertEquals(1.0, t.step(), 0);
        assertWeights(0.1, 0.3, 0.2, t, "after C");
        // D: z = -0.2: predicts 0 = y
        t.step();
        assertWeights(0.1, 0.3, 0.2, t, "after D");
        assertEquals(2, t.mistakes(), "two updates in the first epoch");
        for (int i = 0; i < 4; i++) {
            t.step();
        }
        assertEquals(2, t.mistakes(), "none in the second: separated");
        assertWeights(0.1, 0.3, 0.2, t, "after epoch 2");
        assertEquals(1.0, t.evaluate().trainAccuracy(), 0);
        assertEquals(0.0, t.evaluate().trainLoss(), 0, "the share misclassified");
    }

    @Test
    void theTextbookPerceptronStepsAtZero() {
        Trainer t = trainer(Head.of(Loss.PERCEPTRON, 2).withThreshold(0), 0.1, 1, new Epochs(2, false));
        // A: z = 0 >= 0 predicts 1 = y: no update (at th 0.5 this was an update)
        assertEquals(0.0, t.step(), 0);
        assertWeights(0, 0, 0, t, "after A");
        // B: z = 0 predicts 1, y = 0: w -= 0.1 (2, 0), b -= 0.1
        assertEquals(1.0, t.step(), 0);
        assertWeights(-0.2, 0, -0.1, t, "after B");
        // C: z = -0.1 predicts 0, y = 1: w += 0.1 (0, 2), b += 0.1
        t.step();
        assertWeights(-0.2, 0.2, 0, t, "after C");
        // D: z = 0.2 - 0.2 + 0 = 0 predicts 1, y = 0: w -= 0.1 (-1, -1), b -= 0.1
        t.step();
        assertWeights(-0.1, 0.3, -0.1, t, "after D");
        assertEquals(3, t.mistakes(), "three updates in the first epoch");
        // epoch 2: z = 0.1, -0.3, 0.5, -0.3: all four right, no update
        for (int i = 0; i < 4; i++) {
            t.step();
        }
        assertEquals(3, t.mistakes(), "none in the second");
        assertEquals(1.0, t.evaluate().trainAccuracy(), 0);
        assertEquals(0.0, ((StepLayer) t.network().layers().get(1)).threshold(), 0);
    }

    @Test
    void theStepThroughSaysWhereTheStepRises() {
        Trainer t = trainer(Head.of(Loss.PERCEPTRON, 2).withThreshold(0), 0.1, 1, new Epochs(2, false));
        NetworkStepper stepper = new NetworkStepper(t);
        StringBuilder lines = new StringBuilder();
        while (stepper.hasNext()) {
            lines.append(stepper.next().text()).append('\n');
        }
        // example A (1, 1) at zero weights: z1 = 0, and 0 >= 0 makes the textbook step answer 1
        assertTrue(lines.toString().contains("= step(z1) = 1.0000   (1 when z1 \u2265 0, else 0)"), lines.toString());
    }

    @Test
    void aThresholdIsThePerceptronsOnlyAndHasLimits() {
        Head perceptron = Head.of(Loss.PERCEPTRON, 2);
        assertThrows(IllegalArgumentException.class, () -> perceptron.withThreshold(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> perceptron.withThreshold(1001));
        assertThrows(IllegalArgumentException.class, () -> Head.of(Loss.ADALINE, 2).withThreshold(0));
        assertEquals("step at z >= -2 + perceptron", perceptron.withThreshold(-2).describe());
        assertEquals("step + perceptron", perceptron.describe());
    }

    @Test
    void adalineFullBatchLossPerEpochAsSeed004Computes() {
        Trainer t = trainer(Loss.ADALINE, 0.1, 4, new Epochs(3, false));
        // z = 0: loss mean((y - z)^2) = (1 + 0 + 1 + 0) / 4; dL/dw = -(2/4) sum (y - z) x = (-0.5, -1.5), dL/db = -1
        assertEquals(0.5, t.step(), 1e-15);
        assertWeights(0.05, 0.15, 0.1, t, "epoch 1");
        // z = 0.3, 0.2, 0.4, -0.1: errors 0.7, -0.2, 0.6, 0.1
        assertEquals(0.225, t.step(), 1e-15);
        assertWeights(0.06, 0.24, 0.16, t, "epoch 2");
        // z = 0.46, 0.28, 0.64, -0.14
        assertEquals(0.1298, t.step(), 1e-15);
        assertWeights(0.052, 0.296, 0.198, t, "epoch 3");
        // z = 0.546, 0.302, 0.79, -0.15: class 1 at z >= 0.5 gets all four right
        assertEquals(1.0, t.evaluate().trainAccuracy(), 0);
    }

    @Test
    void singleNeuronsRefuseHiddenLayersAndThePerceptronOtherOptimizers() {
        NetworkSpec hidden = new NetworkSpec(FeatureSet.RAW, new int[] {4}, Activation.RELU, Head.of(Loss.PERCEPTRON, 2),
                Initializer.ZEROS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingConfig.defaults()
                .withNetwork(hidden));
        assertTrue(e.getMessage().contains("--hidden 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.defaults().withNetwork(hidden.withHead(
                Head.of(Loss.ADALINE, 2))));
        NetworkSpec spec = new NetworkSpec(FeatureSet.RAW, new int[0], Activation.RELU, Head.of(Loss.PERCEPTRON, 2),
                Initializer.ZEROS);
        e = assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(DatasetKind.MOONS, 4, 0, 0, 0, spec,
                OptimizerKind.ADAM, 0.1, 1, 10, 1));
        assertTrue(e.getMessage().contains("--optimizer sgd"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Head.of(Loss.PERCEPTRON, 3));
    }

    @Test
    void stepLayerIsSeed004sUnitStep() {
        StepLayer step = new StepLayer();
        DMatrixRMaj out = new DMatrixRMaj(1, 1);
        step.apply(new DMatrixRMaj(new double[][] {{0.4999}, {0.5}, {3}, {-2}}), out);
        assertEquals(0, out.data[0], 0);
        assertEquals(1, out.data[1], 0, "z >= th, as np.where(z >= 0.5, 1, 0)");
        assertEquals(1, out.data[2], 0);
        assertEquals(0, out.data[3], 0);
    }
}
