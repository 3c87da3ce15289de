package dev.backprop.playground.engine.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The shape of a binary classifier: inputs -> hidden layers with an activation -> 1 sigmoid output.
 *
 * @param inputSize number of input features (2 for the playground's datasets)
 * @param hidden    width of each hidden layer, e.g. {50} or {16, 16}; may be empty
 */
public record NetworkSpec(int inputSize, int[] hidden, Activation activation, Loss loss, Initializer init) {

    public NetworkSpec {
        if (hidden == null || activation == null || loss == null || init == null) {
            throw new IllegalArgumentException("a network needs hidden sizes, an activation, a loss and an init");
        }
        hidden = hidden.clone();
        if (inputSize < 1) {
            throw new IllegalArgumentException("input size must be at least 1");
        }
        if (hidden.length > Limits.MAX_HIDDEN_LAYERS) {
            throw new IllegalArgumentException(hidden.length + " hidden layers: at most " + Limits.MAX_HIDDEN_LAYERS);
        }
        if (inputSize > Limits.MAX_LAYER_WIDTH) {
            throw new IllegalArgumentException("input size " + inputSize + ": at most " + Limits.MAX_LAYER_WIDTH);
        }
        for (int h : hidden) {
            if (h < 1 || h > Limits.MAX_LAYER_WIDTH) {
                throw new IllegalArgumentException("hidden layer sizes must be 1 to " + Limits.MAX_LAYER_WIDTH
                        + ", got " + h);
            }
        }
        long parameters = parameterCount(inputSize, hidden);
        if (parameters > Limits.MAX_PARAMETERS) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "the network would have %,d parameters: at most %,d", parameters, Limits.MAX_PARAMETERS));
        }
    }

    /** Weights and biases of inputs -> hidden -> 1 output: sum of (in + 1) * out. */
    private static long parameterCount(int inputSize, int[] hidden) {
        long total = 0;
        long in = inputSize;
        for (int h : hidden) {
            total += (in + 1) * h;
            in = h;
        }
        return total + in + 1;
    }

    /** Weights and biases in total. */
    public long parameterCount() {
        return parameterCount(inputSize, hidden);
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    public NetworkSpec withHidden(int... newHidden) {
        return new NetworkSpec(inputSize, newHidden, activation, loss, init);
    }

    /** A new network with parameters drawn from {@code random} by {@link #init()}. */
    public Sequential build(Random random) {
        List<Layer> layers = new ArrayList<>();
        int in = inputSize;
        int index = 1;
        for (int h : hidden) {
            layers.add(linear(in, h, index++, random));
            layers.add(new ActivationLayer(activation));
            in = h;
        }
        layers.add(linear(in, 1, index, random));
        layers.add(new ActivationLayer(Activation.SIGMOID));
        return new Sequential(layers, loss);
    }

    private Linear linear(int in, int out, int index, Random random) {
        Linear layer = new Linear(in, out, index);
        init.initialize(layer, random);
        return layer;
    }

    /**
     * The spec of an existing network, which must be a playground classifier: 2 inputs, Linear
     * layers each followed by the same activation, and a 1-unit sigmoid output.
     */
    public static NetworkSpec describing(Sequential net, Initializer init) {
        List<Layer> layers = net.layers();
        int n = layers.size();
        if (n < 2 || n % 2 != 0 || !(layers.get(0) instanceof Linear first) || first.inputSize() != 2
                || !(layers.get(n - 1) instanceof ActivationLayer out) || out.activation() != Activation.SIGMOID
                || layers.get(n - 2).outputSize(0) != 1) {
            throw new IllegalArgumentException("the app trains networks with 2 inputs, linear layers each followed by "
                    + "an activation, and one sigmoid output");
        }
        int[] hidden = new int[n / 2 - 1];
        Activation act = Activation.RELU;
        for (int i = 0; i < hidden.length; i++) {
            if (!(layers.get(2 * i) instanceof Linear lin) || !(layers.get(2 * i + 1) instanceof ActivationLayer a)
                    || (i > 0 && a.activation() != act)) {
                throw new IllegalArgumentException("layer " + (2 * i + 1) + " breaks the linear/activation pattern");
            }
            hidden[i] = lin.outputSize(0);
            act = a.activation();
        }
        return new NetworkSpec(2, hidden, act, net.loss(), init);
    }

    /** "2-50-1" style description. */
    public String describe() {
        StringBuilder sb = new StringBuilder().append(inputSize);
        for (int h : hidden) {
            sb.append('-').append(h);
        }
        return sb.append("-1").toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkSpec s && s.inputSize == inputSize && Arrays.equals(s.hidden, hidden)
                && s.activation == activation && s.loss == loss && s.init == init;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hidden) * 31 + java.util.Objects.hash(inputSize, activation, loss, init);
    }

    @Override
    public String toString() {
        return describe() + " " + activation.id() + " " + loss.id() + " " + init.id();
    }
}
