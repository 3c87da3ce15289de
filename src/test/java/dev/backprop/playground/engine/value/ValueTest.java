package dev.backprop.playground.engine.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTest {

    @Test
    void seedGraphValuesAndGrads() {
        Value a = Value.of(2, "a");
        Value b = Value.of(-3, "b");
        Value c = Value.of(10, "c");
        Value f = Value.of(-2, "f");
        Value e = a.mul(b).label("e");
        Value d = e.add(c).label("d");
        Value L = d.mul(f).label("L");
        L.backward();
        assertEquals(-8, L.data());
        assertEquals(6, a.grad());
        assertEquals(-4, b.grad());
        assertEquals(-2, c.grad());
        assertEquals(4, f.grad());
        assertEquals(-2, e.grad());
        assertEquals(-2, d.grad());
    }

    @Test
    void tanhNeuron() {
        Value x1 = Value.of(2, "x1");
        Value x2 = Value.of(0, "x2");
        Value w1 = Value.of(-3, "w1");
        Value w2 = Value.of(1, "w2");
        Value b = Value.of(6.8813735870195432, "b");
        Value n = x1.mul(w1).add(x2.mul(w2)).add(b);
        Value o = n.tanh();
        o.backward();
        assertEquals(0.7071, o.data(), 1e-4);
        assertEquals(0.5, n.grad(), 1e-6);
        assertEquals(1.0, w1.grad(), 1e-6);
        assertEquals(-1.5, x1.grad(), 1e-6);
        assertEquals(0.0, w2.grad(), 1e-12);
        assertEquals(0.5, x2.grad(), 1e-6);
    }

    @Test
    void tanhByExpEqualsTanh() {
        // seed 001 rebuilds tanh as (e^2x - 1) / (e^2x + 1): same value and gradient
        Value x = Value.of(0.8813735870195432, "x");
        Value e = x.mul(2).exp();
        Value o = e.sub(1).div(e.add(1));
        o.backward();
        assertEquals(Math.tanh(0.8813735870195432), o.data(), 1e-12);
        assertEquals(1 - Math.pow(Math.tanh(0.8813735870195432), 2), x.grad(), 1e-12);
    }

    @Test
    void gradientsAccumulate() {
        Value a = Value.of(3, "a");
        Value b = a.add(a);
        b.backward();
        assertEquals(2, a.grad(), "a + a gives 2, seed 001's bug fixed");

        Value a2 = Value.of(-2, "a");
        Value b2 = Value.of(3, "b");
        Value f = a2.mul(b2).mul(a2.add(b2));
        f.backward();
        // f = (ab)(a+b): df/da = b(a+b) + ab = 3 - 6 = -3; df/db = a(a+b) + ab = -2 - 6 = -8
        assertEquals(-3, a2.grad());
        assertEquals(-8, b2.grad());
    }

    @Test
    void subtractionHasMinusOneOnTheRight() {
        Value a = Value.of(5, "a");
        Value b = Value.of(2, "b");
        Value d = a.sub(b);
        d.backward();
        assertEquals(3, d.data());
        assertEquals(1, a.grad());
        assertEquals(-1, b.grad(), "seed 001's __sub__ gives +1 here; the derivative is -1");
    }

    @Test
    void numbersOnEitherSide() {
        Value a = Value.of(4, "a");
        assertEquals(6, a.add(2).data());
        assertEquals(8, a.mul(2).data());
        assertEquals(2, a.sub(2).data());
        assertEquals(2, a.div(2).data());
        assertEquals(-2, a.rsub(2).data());
        assertEquals(0.5, a.rdiv(2).data());
        assertEquals(16, a.pow(2).data());
    }

    /** Every op's derivative by central finite differences at several points. */
    @ParameterizedTest
    @ValueSource(strings = {"add", "mul", "sub", "div", "pow", "neg", "tanh", "relu", "sigmoid", "exp", "log",
                            "rsub", "rdiv"})
    void everyOpMatchesFiniteDifferences(String op) {
        UnaryOperator<Value> f = switch (op) {
            case "add" -> x -> x.add(Value.of(1.5)).mul(x);
            case "mul" -> x -> x.mul(Value.of(-2.5));
            case "sub" -> x -> Value.of(0.3).sub(x).mul(x);
            case "div" -> x -> Value.of(1.7).div(x);
            case "pow" -> x -> x.pow(3);
            case "neg" -> x -> x.neg().mul(x);
            case "tanh" -> Value::tanh;
            case "relu" -> x -> x.relu().mul(x);
            case "sigmoid" -> Value::sigmoid;
            case "exp" -> Value::exp;
            case "log" -> Value::log;
            case "rsub" -> x -> x.rsub(2).pow(2);
            default -> x -> x.rdiv(3);
        };
        for (double at : new double[] {0.7, 1.3, 2.2, -0.9}) {
            if (op.equals("log") && at < 0) {
                continue;
            }
            Value x = Value.of(at, "x");
            Value out = f.apply(x);
            out.backward();
            double h = 1e-6;
            double numeric = (f.apply(Value.of(at + h)).data() - f.apply(Value.of(at - h)).data()) / (2 * h);
            assertEquals(numeric, x.grad(), 1e-6 * Math.max(1, Math.abs(numeric)), op + " at " + at);
        }
    }

    @Test
    void hundredThousandNodeChainDoesNotOverflowTheStack() {
        Value x = Value.of(1.0, "x");
        Value v = x;
        for (int i = 0; i < 100_000; i++) {
            v = v.add(1e-5).mul(1.0);
        }
        v.backward();
        assertEquals(2, 1 + x.grad(), 1e-12);
        assertEquals(2.0, v.data(), 1e-9);
        assertEquals(200_001 + 200_000, v.topologicalOrder().size(), "x, 100,000 constants 1e-5 and 1.0 each, 200,000 ops");
    }

    @Test
    void zeroGradClearsEveryNode() {
        Value a = Value.of(2, "a");
        Value L = a.mul(a).add(a);
        L.backward();
        assertEquals(5, a.grad());
        L.zeroGrad();
        assertEquals(0, a.grad());
        assertEquals(0, L.grad());
    }

    @Test
    void gradientCheckAgreesOnTheTinyMlp() {
        Mlp mlp = new Mlp(2, new int[] {3, 3, 1}, new Random(1), false);
        Value out = mlp.call(0.5, -1.2);
        Value loss = out.sub(1).pow(2);
        List<GradientCheck.LeafCheck> checks = GradientCheck.run(loss, 1e-6);
        assertEquals(2 + mlp.parameters().size() + 1, checks.size(), "x1, x2, every parameter, the constant 1");
        for (GradientCheck.LeafCheck c : checks) {
            assertTrue(c.relativeError() < 1e-6, c.leaf() + " " + c);
        }
    }

    @Test
    void mlpLearnsSeedOnesTinyDataset() {
        // seed 001's xs/ys with MLP(3, [4, 4, 1]): the loss falls below 0.05 in 100 steps of lr 0.05
        double[][] xs = {{2, 3, -1}, {3, -1, 0.5}, {0.5, 1, 1}, {1, 1, -1}};
        double[] ys = {1, -1, -1, 1};
        Mlp mlp = new Mlp(3, new int[] {4, 4, 1}, new Random(42), false);
        double loss = Double.NaN;
        for (int k = 0; k < 100; k++) {
            Value total = Value.of(0);
            for (int i = 0; i < xs.length; i++) {
                total = total.add(mlp.call(xs[i]).sub(ys[i]).pow(2));
            }
            total.backward();
            mlp.step(0.05);
            loss = total.data();
        }
        assertTrue(loss < 0.05, "loss " + loss);
    }
}
