package dev.backprop.playground.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every analytic gradient against central finite differences: (f(x + h) - f(x - h)) / 2h. */
class GradientCheckTest {
    private static final double H = 1e-6;

    /** Loss of a fixed network on a fixed batch, as a function of whatever matrix we perturb. */
    private static double loss(Sequential net, DMatrixRMaj x, DMatrixRMaj y) {
        return net.computeLoss(net.forward(x), y);
    }

    private static void assertClose(double expected, double actual, String what) {
        double scale = Math.max(1, Math.abs(expected));
        assertEquals(expected, actual, 1e-6 * scale, what);
    }

    /**
     * Checks every parameter entry of {@code net} on the batch (x, y), and that every entry was
     * checked: (in + 1) * out per linear layer, so a network whose parameters went missing fails.
     */
    private static void checkNetwork(Sequential net, DMatrixRMaj x, DMatrixRMaj y) {
        int expected = 0;
        for (Layer layer : net.layers()) {
            if (layer instanceof Linear lin) {
                expected += (lin.inputSize() + 1) * lin.outputSize(0);
            }
        }
        int checked = compareGradients(net, x, y);
        assertTrue(expected > 0);
        assertEquals(expected, checked, "every weight and bias checked");
    }

    /** Compares each analytic gradient entry with its finite difference; returns how many were compared. */
    private static int compareGradients(Sequential net, DMatrixRMaj x, DMatrixRMaj y) {
        int checked = 0;
        loss(net, x, y);
        net.backward();
        for (Parameter p : net.parameters()) {
            DMatrixRMaj analytic = p.grad().copy();
            double[] v = p.value().data;
            for (int i = 0; i < v.length; i++) {
                double keep = v[i];
                v[i] = keep + H;
                double up = loss(net, x, y);
                v[i] = keep - H;
                double down = loss(net, x, y);
                v[i] = keep;
                assertClose((up - down) / (2 * H), analytic.data[i], p.name() + "[" + i + "]");
                checked++;
            }
        }
        return checked;
    }

    @Test
    void theCheckCatchesAWrongGradient() {
        // the comparison must be able to fail: a backward pass that doubles dL/dW1 is caught
        Random r = new Random(5);
        Sequential good = new NetworkSpec(2, new int[] {3}, Activation.TANH, Loss.BCE, Initializer.NORMAL).build(r);
        Linear first = (Linear) good.layers().get(0);
        Sequential wrong = new Sequential(List.of(new Layer() {
            public DMatrixRMaj forward(DMatrixRMaj in) {
                return first.forward(in);
            }

            public DMatrixRMaj backward(DMatrixRMaj g) {
                DMatrixRMaj out = first.backward(g);
                org.ejml.dense.row.CommonOps_DDRM.scale(2, first.weight().grad());
                return out;
            }

            public void step(double lr) {
                first.step(lr);
            }

            public List<Parameter> parameters() {
                return first.parameters();
            }

            public int outputSize(int inputSize) {
                return first.outputSize(inputSize);
            }

            public String kind() {
                return first.kind();
            }

            public void apply(DMatrixRMaj in, DMatrixRMaj out) {
                first.apply(in, out);
            }
        }, good.layers().get(1), good.layers().get(2), good.layers().get(3)), Loss.BCE);
        DMatrixRMaj x = randomMatrix(4, 2, r);
        DMatrixRMaj y = labels(4, r);
        org.junit.jupiter.api.Assertions.assertThrows(org.opentest4j.AssertionFailedError.class,
                () -> compareGradients(wrong, x, y));
    }

    private static DMatrixRMaj randomMatrix(int rows, int cols, Random r) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = r.nextGaussian();
        }
        return m;
    }

    private static DMatrixRMaj labels(int rows, Random r) {
        DMatrixRMaj y = new DMatrixRMaj(rows, 1);
        for (int i = 0; i < rows; i++) {
            y.data[i] = r.nextBoolean() ? 1 : 0;
        }
        return y;
    }

    @Test
    void linearLayerWeightsBiasAndInput() {
        Random r = new Random(3);
        Linear lin = new Linear(3, 1, 1);
        Initializer.NORMAL.initialize(lin, null, r);
        Sequential net = new Sequential(List.of(lin, new ActivationLayer(Activation.SIGMOID)), Loss.MSE);
        DMatrixRMaj x = randomMatrix(4, 3, r);
        checkNetwork(net, x, labels(4, r));

        // d loss / d input, from Linear.backward's return value
        net.computeLoss(net.forward(x), labels(4, new Random(9)));
        DMatrixRMaj y = net.lossGradient().copy();
        DMatrixRMaj target = labels(4, new Random(9));
        loss(net, x, target);
        net.backward();
        DMatrixRMaj gradIn = lin.backward(((ActivationLayer) net.layers().get(1)).backward(net.lossGradient())).copy();
        for (int i = 0; i < x.data.length; i++) {
            double keep = x.data[i];
            x.data[i] = keep + H;
            double up = loss(net, x, target);
            x.data[i] = keep - H;
            double down = loss(net, x, target);
            x.data[i] = keep;
            assertClose((up - down) / (2 * H), gradIn.data[i], "x[" + i + "]");
        }
        assertEquals(4, y.numRows);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void activationDerivativeMatchesFiniteDifference(Activation a) {
        for (double x : new double[] {-2.5, -0.3, 0.4, 1.7}) {
            double numeric = (a.apply(x + H) - a.apply(x - H)) / (2 * H);
            assertClose(numeric, a.derivative(x, a.apply(x)), a + " at " + x);
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void activationLayerInsideANetwork(Activation a) {
        Random r = new Random(5);
        NetworkSpec spec = new NetworkSpec(2, new int[] {4}, a, Loss.BCE, Initializer.XAVIER);
        Sequential net = spec.build(r);
        // keep inputs away from ReLU's kink, where the derivative is undefined
        checkNetwork(net, randomMatrix(5, 2, r), labels(5, r));
    }

    @ParameterizedTest // the perceptron's "derivative" is its rule's error, not a slope: it has none to check
    @EnumSource(value = Loss.class, names = "PERCEPTRON", mode = EnumSource.Mode.EXCLUDE)
    void lossDerivativeMatchesFiniteDifference(Loss loss) {
        for (double o : new double[] {0.05, 0.3, 0.5, 0.8, 0.97}) {
            for (double y : new double[] {0, 1}) {
                double numeric = (loss.value(o + H, y) - loss.value(o - H, y)) / (2 * H);
                assertClose(numeric, loss.derivative(o, y), loss + " o=" + o + " y=" + y);
            }
        }
    }

    @Test
    void bceMatchesTheSeedFormulaWithItsEpsilon() {
        // -(y log(o) + (1 - y) log(1 - o)), the seed adding 1e-10 inside
        assertEquals(-Math.log(0.8 + 1e-10), Loss.BCE.value(0.8, 1), 1e-15);
        assertEquals(-Math.log(1 - 0.8 + 1e-10), Loss.BCE.value(0.8, 0), 1e-15);
        assertEquals(-1 / (0.8 + 1e-10), Loss.BCE.derivative(0.8, 1), 1e-12);
        assertTrue(Double.isFinite(Loss.BCE.value(0, 1)), "o = 0 stays finite thanks to 1e-10");
    }

    @Test
    void batchLossIsTheMeanOfTheExamples() {
        Sequential net = new NetworkSpec(2, new int[] {3}, Activation.TANH, Loss.BCE, Initializer.NORMAL)
                .build(new Random(1));
        Random r = new Random(2);
        DMatrixRMaj x = randomMatrix(6, 2, r);
        DMatrixRMaj y = labels(6, r);
        double batch = loss(net, x, y);
        double sum = 0;
        for (int i = 0; i < 6; i++) {
            DMatrixRMaj xi = new DMatrixRMaj(1, 2, true, x.get(i, 0), x.get(i, 1));
            DMatrixRMaj yi = new DMatrixRMaj(1, 1, true, y.get(i));
            sum += loss(net, xi, yi);
        }
        assertEquals(sum / 6, batch, 1e-12);
    }

    @Test
    void adalineSingleNeuronEveryParameter() {
        Random r = new Random(12);
        Sequential net = new NetworkSpec(FeatureSet.RAW, new int[0], Activation.TANH, Head.of(Loss.ADALINE, 2),
                Initializer.NORMAL).build(r);
        checkNetwork(net, randomMatrix(7, 2, r), labels(7, r));
    }

    @ParameterizedTest // the perceptron's step passes no gradient (adaline's identity does, so it stays)
    @EnumSource(value = Loss.class, names = "PERCEPTRON", mode = EnumSource.Mode.EXCLUDE)
    void threeLayerNetworkEveryParameter(Loss loss) {
        Random r = new Random(11);
        Sequential net = new NetworkSpec(2, new int[] {5, 4}, Activation.TANH, loss, Initializer.NORMAL).build(r);
        assertEquals(6, net.parameters().size(), "W1 b1 W2 b2 W3 b3");
        checkNetwork(net, randomMatrix(7, 2, r), labels(7, r));
    }

    @Test
    void reluNetworkWithThreeLinearLayers() {
        Random r = new Random(21);
        Sequential net = new NetworkSpec(2, new int[] {6, 6}, Activation.RELU, Loss.BCE, Initializer.HE).build(r);
        checkNetwork(net, randomMatrix(5, 2, r), labels(5, r));
    }
}
