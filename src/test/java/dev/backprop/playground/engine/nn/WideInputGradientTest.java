package dev.backprop.playground.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Gradients of networks on any number of inputs and on several regression targets, against central
 * finite differences. Wide first layers (64 and 784 inputs) are checked on a random sample of their
 * weights, every other parameter in full.
 */
class WideInputGradientTest {
    private static final double H = 1e-6;
    /** Weights of a wide layer checked at random (784 x 16 has 12,544). */
    private static final int SAMPLED = 400;

    private static double loss(Sequential net, DMatrixRMaj x, DMatrixRMaj y) {
        return net.computeLoss(net.forward(x), y);
    }

    /** Checks up to {@link #SAMPLED} entries of each parameter (all of a small one); returns how many. */
    private static int check(Sequential net, DMatrixRMaj x, DMatrixRMaj y, Random pick) {
        loss(net, x, y);
        net.backward();
        int checked = 0;
        for (Parameter p : net.parameters()) {
            DMatrixRMaj analytic = p.grad().copy();
            double[] v = p.value().data;
            boolean all = v.length <= SAMPLED;
            for (int k = 0; k < Math.min(v.length, SAMPLED); k++) {
                int i = all ? k : pick.nextInt(v.length);
                double keep = v[i];
                v[i] = keep + H;
                double up = loss(net, x, y);
                v[i] = keep - H;
                double down = loss(net, x, y);
                v[i] = keep;
                double numeric = (up - down) / (2 * H);
                assertEquals(numeric, analytic.data[i], 1e-6 * Math.max(1, Math.abs(numeric)), p.name() + "[" + i + "]");
                checked++;
            }
        }
        return checked;
    }

    private static DMatrixRMaj gaussian(int rows, int cols, double scale, Random r) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = scale * r.nextGaussian();
        }
        return m;
    }

    private static DMatrixRMaj classes(int rows, int k, Random r) {
        DMatrixRMaj y = new DMatrixRMaj(rows, 1);
        for (int i = 0; i < rows; i++) {
            y.data[i] = r.nextInt(k);
        }
        return y;
    }

    @ParameterizedTest(name = "d = {0}")
    @ValueSource(ints = {1, 4, 64, 784})
    void aSoftmaxNetworkOnDInputs(int d) {
        Random r = new Random(d);
        NetworkSpec spec = new NetworkSpec(FeatureSet.raw(d), new int[] {16}, Activation.TANH, Head.multiclass(10),
                Initializer.XAVIER);
        Sequential net = spec.build(r);
        assertEquals(d, net.inputSize());
        DMatrixRMaj x = gaussian(6, d, 1, r);
        int checked = check(net, x, classes(6, 10, r), new Random(1));
        // W1 (all or sampled), b1 16, W2 160, b2 10
        assertEquals(Math.min(d * 16, SAMPLED) + 16 + 160 + 10, checked);
    }

    @ParameterizedTest(name = "d = {0}")
    @ValueSource(ints = {1, 4, 64})
    void aSigmoidNetworkOnDInputs(int d) {
        Random r = new Random(100 + d);
        Sequential net = new NetworkSpec(d, new int[] {5}, Activation.SIGMOID, Loss.BCE, Initializer.NORMAL).build(r);
        DMatrixRMaj y = new DMatrixRMaj(5, 1);
        for (int i = 0; i < 5; i++) {
            y.data[i] = i % 2;
        }
        assertTrue(check(net, gaussian(5, d, 0.5, r), y, new Random(2)) > 0);
    }

    @Test
    void twoRegressionTargets() {
        Random r = new Random(7);
        NetworkSpec spec = new NetworkSpec(FeatureSet.raw(2), new int[] {6}, Activation.TANH, Head.regression(2),
                Initializer.XAVIER);
        Sequential net = spec.build(r);
        assertEquals(2, net.head().outputs());
        DMatrixRMaj x = gaussian(7, 2, 1, r);
        DMatrixRMaj y = gaussian(7, 2, 1, r);
        assertEquals(2 * 6 + 6 + 6 * 2 + 2, check(net, x, y, new Random(3)));
    }

    @Test
    void twoTargetLossIsTheMeanSquaredErrorOverEveryTarget() {
        // no hidden layer, zero weights, biases (1, -2): the outputs are (1, -2) on every row
        Sequential net = new NetworkSpec(FeatureSet.raw(3), new int[0], Activation.RELU, Head.regression(2),
                Initializer.NORMAL).build(new Random(0));
        java.util.Arrays.fill(net.parameters().get(0).value().data, 0);
        net.parameters().get(1).value().data[0] = 1;
        net.parameters().get(1).value().data[1] = -2;
        DMatrixRMaj x = new DMatrixRMaj(2, 3);
        DMatrixRMaj y = new DMatrixRMaj(2, 2, true, 0, 0, 3, 1);
        // squared errors 1, 4 (row 1) and 4, 9 (row 2): mean 18 / 4 = 4.5
        assertEquals(4.5, loss(net, x, y), 1e-12);
        DMatrixRMaj out = new DMatrixRMaj(1, 1);
        net.predict(x, out);
        assertEquals(4.5, net.head().measure(out, out, y)[0], 1e-12, "measure agrees with the training loss");
    }
}
