package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.Loss;
import dev.backprop.playground.graph.GraphModel;
import dev.backprop.playground.graph.GraphNode;
import dev.backprop.playground.graph.Tensor;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a published tensor graph of a one-hidden-layer ReLU network with a sigmoid + BCE head
 * (batch 1) agrees with itself: every value and gradient shown is recomputed here, independently of the
 * engine, from the weights and the example shown; the title names the example the x and y cards hold;
 * a traced point is the example shown.
 */
final class OneState {
    private static final Pattern TITLE_EXAMPLE = Pattern.compile("x = \\((-?[0-9.]+), (-?[0-9.]+)\\), y = (\\S+)");

    private OneState() {
    }

    /** Asserts {@code s} agrees with itself; returns how many numbers were compared (0: nothing to check). */
    static int assertAgrees(Snapshot s, String when) {
        GraphModel g = s.graph();
        if (g == null || g.isNeuronView() || s.stepping() != null || !g.contains("W2") || g.contains("W3")) {
            return 0; // a step-through shows a step part-way: its own test covers it
        }
        Tensor x = g.node("x").data();
        Tensor y = g.node("y").data();
        if (s.data().train().size() == 0 && s.trace() == null) {
            assertTrue(x.isPending() && g.node("W1").grad() == null, when + ": an empty plane shows no example");
            return 1;
        }
        assertEquals(1, x.rows(), when + ": batch 1");
        Matcher m = TITLE_EXAMPLE.matcher(g.title());
        assertTrue(m.find(), when + ": the title names its example: " + g.title());
        assertEquals(m.group(1), String.format(Locale.ROOT, "%.3f", x.get(0, 0)), when + ": the title's x1 is the card's");
        assertEquals(m.group(2), String.format(Locale.ROOT, "%.3f", x.get(0, 1)), when + ": the title's x2 is the card's");
        if (s.trace() != null) {
            assertEquals(s.trace().x1(), x.get(0, 0), 0, when + ": the traced point is the example shown");
            assertEquals(s.trace().x2(), x.get(0, 1), 0, when);
        }
        double[] w1 = g.node("W1").data().values();
        double[] b1 = g.node("b1").data().values();
        double[] w2 = g.node("W2").data().values();
        double b2 = g.node("b2").data().first();
        int hidden = b1.length;
        double[] z1 = new double[hidden];
        double[] h = new double[hidden];
        double z2 = b2;
        for (int j = 0; j < hidden; j++) {
            z1[j] = x.get(0, 0) * w1[j] + x.get(0, 1) * w1[hidden + j] + b1[j];
            h[j] = Math.max(0, z1[j]);
            z2 += h[j] * w2[j];
        }
        double out = 1 / (1 + Math.exp(-z2));
        double label = y.first();
        int compared = 0;
        compared += close(z1, g.node("add1").data().values(), when + ": z1 from W1, b1 and x");
        compared += close(new double[] {out}, g.node("act2").data().values(), when + ": y_hat from the weights and x");
        compared += close(new double[] {Loss.BCE.value(out, label)}, g.node("loss").data().values(),
                when + ": L from y_hat and y");
        if (g.node("add2").grad() == null) {
            assertTrue(g.node("W1").grad() == null, when + ": no gradient shown before a backward pass reached it");
            return compared;
        }
        double dz2 = Loss.BCE.derivative(out, label) * out * (1 - out);
        double[] dw2 = new double[hidden];
        double[] dz1 = new double[hidden];
        double[] dw1 = new double[2 * hidden];
        for (int j = 0; j < hidden; j++) {
            dw2[j] = h[j] * dz2;
            dz1[j] = z1[j] > 0 ? w2[j] * dz2 : 0;
            dw1[j] = x.get(0, 0) * dz1[j];
            dw1[hidden + j] = x.get(0, 1) * dz1[j];
        }
        compared += close(new double[] {dz2}, g.node("add2").grad().values(), when + ": dL/dz2 from y_hat and y");
        compared += close(new double[] {dz2}, g.node("b2").grad().values(), when + ": dL/db2");
        compared += close(dw2, g.node("W2").grad().values(), when + ": dL/dW2 = h1^T dL/dz2");
        compared += close(dz1, g.node("add1").grad().values(), when + ": dL/dz1");
        compared += close(dw1, g.node("W1").grad().values(), when + ": dL/dW1 = x^T dL/dz1");
        return compared;
    }

    private static int close(double[] expected, double[] shown, String what) {
        assertEquals(expected.length, shown.length, what);
        for (int i = 0; i < expected.length; i++) {
            double tol = 1e-9 + 1e-7 * Math.abs(expected[i]);
            if (!(Math.abs(expected[i] - shown[i]) <= tol)) {
                throw new AssertionError(what + ": [" + i + "] shown " + shown[i] + ", recomputed " + expected[i]);
            }
        }
        return expected.length;
    }
}
