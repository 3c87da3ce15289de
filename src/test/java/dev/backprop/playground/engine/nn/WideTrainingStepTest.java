package dev.backprop.playground.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Seed 003's image network (784 inputs) on the wide kernel: a step allocates nothing, the gradients
 * match finite differences, and the first layer's deferred dL/dx equals the one computed at once.
 */
class WideTrainingStepTest {
    private static final int PIXELS = 784;

    private static Sequential network(int hidden, int classes, long seed) {
        Random random = new Random(seed);
        Linear first = new Linear(PIXELS, hidden, 1);
        Linear second = new Linear(hidden, classes, 2);
        Initializer.HE.initialize(first, Activation.RELU, random);
        Initializer.HE.initialize(second, Activation.IDENTITY, random);
        // non-zero biases, so a wrong bias gradient cannot hide behind zeros
        for (Linear l : List.of(first, second)) {
            double[] b = l.bias().value().data;
            for (int i = 0; i < b.length; i++) {
                b[i] = 0.1 * random.nextGaussian();
            }
        }
        return new Sequential(List.of(first, new ActivationLayer(Activation.RELU), second, new SoftmaxLayer()),
                Head.multiclass(classes), FeatureSet.RAW);
    }

    private static DMatrixRMaj images(int rows, Random random) {
        DMatrixRMaj x = new DMatrixRMaj(rows, PIXELS);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = random.nextDouble();
        }
        return x;
    }

    private static DMatrixRMaj labels(int rows, int classes, Random random) {
        DMatrixRMaj y = new DMatrixRMaj(rows, 1);
        for (int i = 0; i < rows; i++) {
            y.data[i] = random.nextInt(classes);
        }
        return y;
    }

    @ParameterizedTest
    @EnumSource(value = OptimizerKind.class, names = {"SGD", "MOMENTUM"})
    void aStepOfTheImageNetworkAtBatch64AllocatesNothing(OptimizerKind kind) {
        Sequential net = network(100, 10, 1);
        Optimizer optimizer = kind.create(net.parameters(), 0.01);
        Random random = new Random(2);
        DMatrixRMaj x = images(64, random);
        DMatrixRMaj y = labels(64, 10, random);
        Runnable step = () -> {
            net.computeLoss(net.forward(x), y);
            net.backward();
            optimizer.step();
        };
        for (int i = 0; i < 400; i++) { // warm up: JIT (the vector tiles compile late), buffers at their final size
            step.run();
        }
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(id);
        for (int i = 0; i < 300; i++) {
            step.run();
        }
        long allocated = bean.getThreadAllocatedBytes(id) - before;
        assertTrue(allocated < 64 * 1024, kind + ": allocated " + allocated + " bytes in 300 steps");
    }

    /** Central differences of the mean loss, at sampled weights of both layers and sampled pixels. */
    @Test
    void gradientsAt784InputsMatchFiniteDifferences() {
        Sequential net = network(16, 10, 3);
        Random random = new Random(4);
        DMatrixRMaj x = images(5, random);
        DMatrixRMaj y = labels(5, 10, random);
        net.computeLoss(net.forward(x), y);
        net.backward();
        Linear first = (Linear) net.layers().get(0);
        Linear second = (Linear) net.layers().get(2);
        double[] dw1 = first.weight().grad().data.clone();
        double[] db1 = first.bias().grad().data.clone();
        double[] dw2 = second.weight().grad().data.clone();
        double[] dx = first.lastGradInput().data.clone();
        Random pick = new Random(5);
        for (int n = 0; n < 40; n++) {
            int i = pick.nextInt(dw1.length);
            assertEquals(numeric(net, x, y, first.weight().value().data, i), dw1[i], 1e-7, "dL/dW1[" + i + "]");
            int j = pick.nextInt(dx.length);
            assertEquals(numeric(net, x, y, x.data, j), dx[j], 1e-7, "dL/dx[" + j + "]");
        }
        for (int i = 0; i < db1.length; i++) {
            assertEquals(numeric(net, x, y, first.bias().value().data, i), db1[i], 1e-7, "dL/db1[" + i + "]");
        }
        for (int i = 0; i < dw2.length; i += 7) {
            assertEquals(numeric(net, x, y, second.weight().value().data, i), dw2[i], 1e-7, "dL/dW2[" + i + "]");
        }
    }

    private static double numeric(Sequential net, DMatrixRMaj x, DMatrixRMaj y, double[] values, int i) {
        double h = 1e-5;
        double keep = values[i];
        values[i] = keep + h;
        double plus = net.computeLoss(net.forward(x), y);
        values[i] = keep - h;
        double minus = net.computeLoss(net.forward(x), y);
        values[i] = keep;
        return (plus - minus) / (2 * h);
    }

    @Test
    void theDeferredInputGradientIsTheOneOfItsBackwardEvenAfterTheUpdate() {
        Random random = new Random(6);
        DMatrixRMaj x = images(64, random);
        DMatrixRMaj y = labels(64, 10, random);
        Sequential eager = network(100, 10, 7);
        eager.computeLoss(eager.forward(x), y);
        DMatrixRMaj g = eager.backwardOutput();
        for (int i = eager.layers().size() - 2; i >= 0; i--) {
            g = eager.layers().get(i).backward(g);
        }
        double[] expected = g.data.clone();

        Sequential deferred = network(100, 10, 7);
        Optimizer sgd = OptimizerKind.SGD.create(deferred.parameters(), 0.5);
        deferred.computeLoss(deferred.forward(x), y);
        deferred.backward();
        sgd.step(); // W1 moves; dL/dx must still be the one of the W this backward used
        Linear first = (Linear) deferred.layers().get(0);
        assertArrayEquals(expected, first.lastGradInput().data);
        assertArrayEquals(((Linear) eager.layers().get(0)).weight().grad().data, first.weight().grad().data);
    }
}
