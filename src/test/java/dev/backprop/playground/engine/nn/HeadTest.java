package dev.backprop.playground.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.data.DatasetKind;
import java.lang.management.ManagementFactory;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The heads: softmax + cross-entropy by hand, every head's gradients by finite differences, no allocation. */
class HeadTest {
    private static final double H = 1e-6;
    private static final FeatureSet SOME_FEATURES =
            FeatureSet.of(EnumSet.of(Feature.X1, Feature.X2, Feature.X1SQ, Feature.X1X2, Feature.SINX2));

    /**
     * Two examples, logits (1, 2, 3) with label 2 and (0, 0, 0) with label 0. By hand:
     * softmax(1, 2, 3) = (e^-2, e^-1, 1) / (e^-2 + e^-1 + 1) = (0.0900306, 0.2447285, 0.6652410),
     * loss -log 0.6652410 = 0.4076060; softmax(0, 0, 0) = 1/3 each, loss log 3 = 1.0986123;
     * the mean 0.7531091; dL/dz = (softmax - onehot) / 2.
     */
    @Test
    void softmaxCrossEntropyMatchesAHandWorkedThreeClassExample() {
        Sequential net = new Sequential(List.of(new SoftmaxLayer()), Head.multiclass(3), FeatureSet.RAW);
        DMatrixRMaj z = new DMatrixRMaj(new double[][] {{1, 2, 3}, {0, 0, 0}});
        DMatrixRMaj y = new DMatrixRMaj(new double[][] {{2}, {0}});
        DMatrixRMaj p = net.forward(z);
        assertArrayEquals(new double[] {0.09003057317038046, 0.24472847105479764, 0.6652409557748219,
            1.0 / 3, 1.0 / 3, 1.0 / 3}, p.data, 1e-15);
        double loss = net.computeLoss(p, y);
        assertEquals((0.40760596444438046 + 1.0986122886681098) / 2, loss, 1e-15);
        net.backward();
        DMatrixRMaj dz = ((SoftmaxLayer) net.layers().get(0)).lastGradInput();
        assertArrayEquals(new double[] {0.09003057317038046 / 2, 0.24472847105479764 / 2, (0.6652409557748219 - 1) / 2,
            (1.0 / 3 - 1) / 2, 1.0 / 6, 1.0 / 6}, dz.data, 1e-15);
        assertNull(((SoftmaxLayer) net.layers().get(0)).lastGradOutput(), "dL/dp is never formed");
        assertEquals(2, net.head().predict(p.data, 0));
    }

    @Test
    void crossEntropyStaysFiniteForHugeLogits() {
        Sequential net = new Sequential(List.of(new SoftmaxLayer()), Head.multiclass(3), FeatureSet.RAW);
        DMatrixRMaj z = new DMatrixRMaj(new double[][] {{1000, -1000, 0}});
        double loss = net.computeLoss(net.forward(z), new DMatrixRMaj(new double[][] {{1}}));
        assertEquals(2000, loss, 1e-9, "logsumexp(z) - z_1 = 1000 - (-1000)");
        net.backward();
        assertArrayEquals(new double[] {1, -1, 0}, ((SoftmaxLayer) net.layers().get(0)).lastGradInput().data, 1e-12);
    }

    @Test
    void softmaxLayersOwnBackwardIsItsJacobian() {
        SoftmaxLayer s = new SoftmaxLayer();
        DMatrixRMaj z = new DMatrixRMaj(new double[][] {{0.3, -1.2, 2.0, 0.1}});
        DMatrixRMaj g = new DMatrixRMaj(new double[][] {{0.5, -0.25, 1.5, 2}});
        s.forward(z);
        double[] analytic = s.backward(g).data.clone();
        for (int j = 0; j < 4; j++) {
            double keep = z.data[j];
            z.data[j] = keep + H;
            double up = dot(s.forward(z).data, g.data);
            z.data[j] = keep - H;
            double down = dot(s.forward(z).data, g.data);
            z.data[j] = keep;
            assertEquals((up - down) / (2 * H), analytic[j], 1e-8);
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static Stream<Arguments> headsFeaturesAndPenalties() {
        Head[] heads = {Head.binary(), Head.of(Loss.MSE, 2), Head.multiclass(3), Head.regression()};
        Stream.Builder<Arguments> all = Stream.builder();
        for (Head head : heads) {
            for (Regularization reg : Regularization.values()) {
                all.add(Arguments.of(head, reg, new int[] {4}));
                all.add(Arguments.of(head, reg, new int[0]));
            }
        }
        return all.build();
    }

    /** d(data loss + penalty)/dp of every weight and bias against central finite differences. */
    @ParameterizedTest
    @MethodSource("headsFeaturesAndPenalties")
    void everyHeadsGradientMatchesFiniteDifferences(Head head, Regularization reg, int[] hidden) {
        Random r = new Random(11);
        Sequential net = new NetworkSpec(SOME_FEATURES, hidden, Activation.TANH, head, Initializer.XAVIER).build(r);
        DMatrixRMaj x = new DMatrixRMaj(5, 2);
        DMatrixRMaj y = new DMatrixRMaj(5, 1);
        for (int i = 0; i < 5; i++) {
            x.set(i, 0, r.nextGaussian());
            x.set(i, 1, r.nextGaussian());
            y.set(i, 0, head.classifies() ? r.nextInt(head.classes()) : r.nextGaussian());
        }
        double rate = 0.3;
        net.computeLoss(net.forward(x), y);
        net.backward();
        reg.addGradient(net, rate);
        int checked = 0;
        for (Parameter p : net.parameters()) {
            double[] analytic = p.grad().data.clone();
            double[] v = p.value().data;
            for (int i = 0; i < v.length; i++) {
                double keep = v[i];
                v[i] = keep + H;
                double up = net.computeLoss(net.forward(x), y) + reg.of(net, rate);
                v[i] = keep - H;
                double down = net.computeLoss(net.forward(x), y) + reg.of(net, rate);
                v[i] = keep;
                double numeric = (up - down) / (2 * H);
                assertEquals(numeric, analytic[i], 1e-6 * Math.max(1, Math.abs(numeric)), p.name() + "[" + i + "]");
                checked++;
            }
        }
        assertEquals(new NetworkSpec(SOME_FEATURES, hidden, Activation.TANH, head, Initializer.XAVIER).parameterCount(),
                checked);
    }

    @Test
    void penaltiesFollowTfPlaygroundsConvention() {
        Sequential net = new NetworkSpec(FeatureSet.RAW, new int[0], Activation.RELU, Head.regression(),
                Initializer.NORMAL).build(new Random(1));
        Linear lin = (Linear) net.layers().get(0);
        lin.weight().value().data[0] = 3;
        lin.weight().value().data[1] = -4;
        lin.bias().value().data[0] = 100; // biases are not penalized
        assertEquals(0.1 * 0.5 * 25, Regularization.L2.of(net, 0.1), 1e-15);
        assertEquals(0.1 * 7, Regularization.L1.of(net, 0.1), 1e-15);
        assertEquals(0, Regularization.NONE.of(net, 0.1));
    }

    @Test
    void anOutputReadsAsItsHeadMeansIt() {
        assertEquals("P(class 1) = 0.873", Head.binary().describe(new double[] {0.1, 0.8734}, 1));
        // row 1 of a 3-class output: class 1 wins with 0.6
        assertEquals("class 1, P = 0.600", Head.multiclass(3).describe(new double[] {1, 0, 0, 0.3, 0.6, 0.1}, 1));
        assertEquals("-2.500", Head.regression().describe(new double[] {-2.5}, 0));
        assertEquals("2", Head.multiclass(3).describeLabel(2));
        assertEquals("0.125", Head.regression().describeLabel(0.125));
    }

    @Test
    void aLossThatDoesNotFitTheDataIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Head.of(Loss.MSE, 3));
        assertThrows(IllegalArgumentException.class, () -> Head.of(Loss.CE, 0));
        assertThrows(IllegalArgumentException.class, () -> Head.of(Loss.BCE, 0));
        assertEquals(Head.multiclass(2), Head.of(Loss.CE, 2));
        assertEquals(Loss.CE, Head.defaultLoss(3));
    }

    /**
     * 100 points: a full-batch step costs a fifth of one on 500 while the buffers, heads and epoch ends
     * (shuffles) are the same code, met more often; the 20,000 warm-up steps still let the JIT settle.
     */
    static Stream<Arguments> runsOfEveryHead() {
        TrainingConfig base = TrainingConfig.defaults().withData(DatasetKind.MOONS, 100, 0.1, 1);
        TrainingConfig spiral = base.withData(DatasetKind.SPIRAL, 100, 0.02, 1, 3);
        TrainingConfig plane = base.withData(DatasetKind.PLANE, 100, 0.1, 1);
        return Stream.of(Arguments.of(base), Arguments.of(spiral), Arguments.of(plane),
                Arguments.of(spiral.withNetwork(spiral.network().withFeatures(SOME_FEATURES).withHidden(8, 8))
                        .withRegularization(Regularization.L2, 0.001)),
                Arguments.of(plane.withNetwork(plane.network().withFeatures(SOME_FEATURES).withHidden())
                        .withRegularization(Regularization.L1, 0.001)));
    }

    @ParameterizedTest
    @MethodSource("runsOfEveryHead")
    void aTrainingStepOfEveryHeadAllocatesNothing(TrainingConfig config) {
        Trainer t = Trainer.fromConfig(config);
        Trainer mini = Trainer.fromConfig(config.withBatchSize(32));
        for (int i = 0; i < 10_000; i++) { // warm up: JIT, buffers at their final size
            t.step();
            mini.step();
        }
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(id);
        for (int i = 0; i < 20_000; i++) {
            t.step();
            mini.step();
        }
        long allocated = bean.getThreadAllocatedBytes(id) - before;
        // the bound of 64 KiB in 100,000 steps, at the same rate: under a byte a step (one object is 16)
        assertTrue(allocated < 64 * 1024 * 40_000L / 100_000,
                config.network() + ": allocated " + allocated + " bytes in 40,000 steps");
    }

    @Test
    void aThreeArmSpiralIsLearnedBySoftmax() {
        TrainingConfig c = TrainingConfig.defaults().withData(DatasetKind.SPIRAL, 600, 0, 1, 3)
                .withOptimizer(OptimizerKind.ADAM).withBatchSize(32);
        c = c.withNetwork(c.network().withHidden(32, 32)).withLearningRate(0.01);
        Trainer t = Trainer.fromConfig(c);
        for (int i = 0; i < 6000; i++) {
            t.step();
        }
        Metrics m = t.evaluate();
        assertTrue(m.trainAccuracy() >= 0.95, "train accuracy " + m.trainAccuracy());
        int[][] confusion = t.confusion(t.data().train());
        int total = 0;
        for (int[] row : confusion) {
            for (int n : row) {
                total += n;
            }
        }
        assertEquals(t.data().train().size(), total);
    }
}
