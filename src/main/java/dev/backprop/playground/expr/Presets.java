package dev.backprop.playground.expr;

import java.util.List;

/** Ready-made scripts from seed 001 that the app and the tests use. */
public final class Presets {
    /** A named script. */
    public record Preset(String name, String script) {
    }

    /** Seed 001's first graph: L = -8; grads a 6, b -4, c -2, f 4. */
    public static final Preset SEED_GRAPH = new Preset("L = (a*b + c) * f",
            "a = 2\nb = -3\nc = 10\nf = -2\ne = a*b\nd = e + c\nL = d * f");

    /** Seed 001's neuron: o = tanh(x1 w1 + x2 w2 + b) = 0.7071; n.grad 0.5, w1.grad 1, x1.grad -1.5. */
    public static final Preset TANH_NEURON = new Preset("tanh neuron",
            "x1 = 2\nx2 = 0\nw1 = -3\nw2 = 1\nb = 6.8813735870195432\n"
                    + "x1w1 = x1*w1\nx2w2 = x2*w2\nx1w1x2w2 = x1w1 + x2w2\nn = x1w1x2w2 + b\no = tanh(n)");

    /** Seed 001's accumulation bug, fixed: b = a + a gives a.grad = 2. */
    public static final Preset SAME_VALUE_TWICE = new Preset("b = a + a", "a = 3\nb = a + a");

    /** Seed 001's second accumulation example: d = a*b, e = a+b, f = d*e with a = -2, b = 3. */
    public static final Preset PRODUCT_OF_SUM = new Preset("f = (a*b) * (a+b)",
            "a = -2\nb = 3\nd = a*b\ne = a + b\nf = d * e");

    /** A 2-2-1 tanh MLP's squared error on one example, small enough to follow node by node. */
    public static final Preset TINY_MLP = new Preset("tiny MLP loss",
            "x1 = 2.0; x2 = -1.0; y = 1.0\n"
                    + "w11 = 0.5; w12 = -0.4; b1 = 0.1\n"
                    + "w21 = -0.3; w22 = 0.8; b2 = -0.2\n"
                    + "v1 = 1.2; v2 = -0.7; c = 0.05\n"
                    + "h1 = tanh(x1*w11 + x2*w12 + b1)\n"
                    + "h2 = tanh(x1*w21 + x2*w22 + b2)\n"
                    + "out = tanh(h1*v1 + h2*v2 + c)\n"
                    + "loss = (out - y)**2");

    public static final List<Preset> ALL = List.of(SEED_GRAPH, TANH_NEURON, SAME_VALUE_TWICE, PRODUCT_OF_SUM, TINY_MLP);

    private Presets() {
    }
}
