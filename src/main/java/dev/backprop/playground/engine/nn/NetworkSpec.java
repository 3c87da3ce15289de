package dev.backprop.playground.engine.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The shape of a network: input features -> hidden layers with an activation (none at all is
 * logistic, softmax or linear regression) -> a {@link Head}.
 *
 * @param features what the first layer sees of each point (x1, x2 and any of x1², x2², x1·x2, sin x1, sin x2)
 * @param hidden   width of each hidden layer, e.g. {50} or {16, 16}; may be empty
 */
public record NetworkSpec(FeatureSet features, int[] hidden, Activation activation, Head head, Initializer init) {

    public NetworkSpec {
        if (features == null || hidden == null || activation == null || head == null || init == null) {
            throw new IllegalArgumentException("a network needs features, hidden sizes, an activation, a head and an init");
        }
        hidden = hidden.clone();
        if (hidden.length > Limits.MAX_HIDDEN_LAYERS) {
            throw new IllegalArgumentException(hidden.length + " hidden layers: at most " + Limits.MAX_HIDDEN_LAYERS);
        }
        for (int h : hidden) {
            if (h < 1 || h > Limits.MAX_LAYER_WIDTH) {
                throw new IllegalArgumentException("hidden layer sizes must be 1 to " + Limits.MAX_LAYER_WIDTH
                        + ", got " + h);
            }
        }
        long parameters = parameterCount(features.size(), hidden, head.outputs());
        if (parameters > Limits.MAX_PARAMETERS) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "the network would have %,d parameters: at most %,d", parameters, Limits.MAX_PARAMETERS));
        }
    }

    /**
     * A binary classifier on {@code inputSize} raw inputs (2: x1, x2, the spec before heads and features
     * existed); {@code loss} ce makes it a 2-class softmax.
     */
    public NetworkSpec(int inputSize, int[] hidden, Activation activation, Loss loss, Initializer init) {
        this(rawInputs(inputSize), hidden, activation, Head.of(loss, 2), init);
    }

    private static FeatureSet rawInputs(int inputSize) {
        return FeatureSet.raw(inputSize);
    }

    /** Weights and biases of inputs -> hidden -> outputs: sum of (in + 1) * out. */
    private static long parameterCount(int inputSize, int[] hidden, int outputs) {
        long total = 0;
        long in = inputSize;
        for (int h : hidden) {
            total += (in + 1) * h;
            in = h;
        }
        return total + (in + 1) * outputs;
    }

    /** Number of inputs of the first layer: one per feature. */
    public int inputSize() {
        return features.size();
    }

    public Loss loss() {
        return head.loss();
    }

    /**
     * Why this network cannot be trained, or null: seed 004's single neurons (perceptron, adaline) take
     * no hidden layer. A run's config checks it, so the app's engine refuses such a network with the reason.
     */
    public String trainingProblem() {
        if (head.singleNeuron() && hidden.length > 0) {
            return "--loss " + head.loss().id() + " is seed 004's single neuron: use --hidden 0 (no hidden layer) "
                    + (head.kind() == Head.Kind.PERCEPTRON ? "(its unit step has no slope to pass a gradient back "
                    + "through hidden layers)" : "(adaline is one linear unit)");
        }
        return null;
    }

    /** Weights and biases in total. */
    public long parameterCount() {
        return parameterCount(features.size(), hidden, head.outputs());
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    public NetworkSpec withHidden(int... newHidden) {
        return new NetworkSpec(features, newHidden, activation, head, init);
    }

    public NetworkSpec withHead(Head newHead) {
        return new NetworkSpec(features, hidden, activation, newHead, init);
    }

    public NetworkSpec withFeatures(FeatureSet newFeatures) {
        return new NetworkSpec(newFeatures, hidden, activation, head, init);
    }

    public NetworkSpec withInit(Initializer newInit) {
        return new NetworkSpec(features, hidden, activation, head, newInit);
    }

    /** A new network with parameters drawn from {@code random} by {@link #init()}. */
    public Sequential build(Random random) {
        List<Layer> layers = new ArrayList<>();
        int in = features.size();
        int index = 1;
        for (int h : hidden) {
            layers.add(linear(in, h, index++, activation, random));
            layers.add(new ActivationLayer(activation));
            in = h;
        }
        layers.add(linear(in, head.outputs(), index, null, random));
        layers.add(head.newOutputLayer());
        return new Sequential(layers, head, features);
    }

    /** {@code next}: the activation that reads the layer, null for the head's output layer. */
    private Linear linear(int in, int out, int index, Activation next, Random random) {
        Linear layer = new Linear(in, out, index);
        init.initialize(layer, next, random);
        return layer;
    }

    /**
     * The spec of an existing network, which must be a playground network: Linear layers each
     * followed by the same activation, and the head's output layer last.
     */
    public static NetworkSpec describing(Sequential net, Initializer init) {
        List<Layer> layers = net.layers();
        int n = layers.size();
        if (n < 2 || n % 2 != 0 || !(layers.get(0) instanceof Linear first) || first.inputSize() != net.inputSize()
                || !layers.get(n - 1).kind().equals(net.head().outputType())
                || layers.get(n - 2).outputSize(0) != net.head().outputs()) {
            throw new IllegalArgumentException("the app trains networks of linear layers each followed by "
                    + "an activation, and a sigmoid, softmax or identity output");
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
        return new NetworkSpec(net.features(), hidden, act, net.head(), init);
    }

    /** "2-50-1" style description: inputs, hidden widths, outputs. */
    public String describe() {
        StringBuilder sb = new StringBuilder().append(features.size());
        for (int h : hidden) {
            sb.append('-').append(h);
        }
        return sb.append('-').append(head.outputs()).toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkSpec s && s.features.equals(features) && Arrays.equals(s.hidden, hidden)
                && s.activation == activation && s.head.equals(head) && s.init.equals(init);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hidden) * 31 + java.util.Objects.hash(features, activation, head, init);
    }

    @Override
    public String toString() {
        return describe() + " " + features.ids() + " " + activation.id() + " " + head.describe() + " " + init.describe();
    }
}
