package dev.backprop.playground.engine.value;

import java.util.Arrays;

/**
 * What the lab's micrograd MLP trains on, checked up front: layer sizes (the last is 1, one output
 * per example), the examples and their targets, the learning rate and the random seed of the weights.
 * The limits keep the loss graph small enough to draw every node.
 */
public record MlpSetup(int[] sizes, double[][] xs, double[] ys, double learningRate, long seed) {
    // the worst case, 4-8-8-1 on 8 examples, is about 1,800 values: still a graph one can scroll
    public static final int MAX_INPUTS = 4;
    public static final int MAX_LAYERS = 3;
    public static final int MAX_UNITS = 8;
    public static final int MAX_EXAMPLES = 8;
    public static final double MAX_LEARNING_RATE = 10;

    /** Seed 001: MLP(3, [4, 4, 1]) on its four examples at lr 0.05. */
    public static MlpSetup seed001() {
        return new MlpSetup(new int[] {4, 4, 1},
                new double[][] {{2.0, 3.0, -1.0}, {3.0, -1.0, 0.5}, {0.5, 1.0, 1.0}, {1.0, 1.0, -1.0}},
                new double[] {1.0, -1.0, -1.0, 1.0}, 0.05, 1);
    }

    /** @throws IllegalArgumentException naming the first limit broken */
    public MlpSetup {
        if (sizes.length < 1 || sizes.length > MAX_LAYERS) {
            throw new IllegalArgumentException("the MLP needs 1 to " + MAX_LAYERS + " layers, not " + sizes.length);
        }
        for (int s : sizes) {
            if (s < 1 || s > MAX_UNITS) {
                throw new IllegalArgumentException("a layer has 1 to " + MAX_UNITS + " neurons, not " + s);
            }
        }
        if (sizes[sizes.length - 1] != 1) {
            throw new IllegalArgumentException("the last layer has one neuron: each example has one target");
        }
        if (xs.length < 1 || xs.length > MAX_EXAMPLES || xs.length != ys.length) {
            throw new IllegalArgumentException("1 to " + MAX_EXAMPLES + " examples, each with one target");
        }
        int inputs = xs[0].length;
        if (inputs < 1 || inputs > MAX_INPUTS) {
            throw new IllegalArgumentException("an example has 1 to " + MAX_INPUTS + " inputs, not " + inputs);
        }
        for (int i = 0; i < xs.length; i++) {
            if (xs[i].length != inputs) {
                throw new IllegalArgumentException("example " + (i + 1) + " has " + xs[i].length
                        + " inputs; the first has " + inputs);
            }
            for (double x : xs[i]) {
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException("example " + (i + 1) + " has a value that is not a number");
                }
            }
            if (!Double.isFinite(ys[i])) {
                throw new IllegalArgumentException("the target of example " + (i + 1) + " is not a number");
            }
        }
        if (!(learningRate > 0 && learningRate <= MAX_LEARNING_RATE)) {
            throw new IllegalArgumentException("the learning rate is above 0 and at most "
                    + Numbers.compact(MAX_LEARNING_RATE) + ", not " + learningRate);
        }
        sizes = sizes.clone();
        xs = Arrays.stream(xs).map(double[]::clone).toArray(double[][]::new);
        ys = ys.clone();
    }

    public int inputs() {
        return xs[0].length;
    }

    @Override
    public int[] sizes() {
        return sizes.clone();
    }

    @Override
    public double[][] xs() {
        return Arrays.stream(xs).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public double[] ys() {
        return ys.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MlpSetup m && Arrays.equals(sizes, m.sizes) && Arrays.deepEquals(xs, m.xs)
                && Arrays.equals(ys, m.ys) && learningRate == m.learningRate && seed == m.seed;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sizes) * 31 + Arrays.deepHashCode(xs) * 17 + Arrays.hashCode(ys) + Long.hashCode(seed);
    }

    @Override
    public String toString() {
        return shape() + " on " + xs.length + " examples, lr " + Numbers.compact(learningRate) + ", seed " + seed;
    }

    /** The sizes as the seed writes them, e.g. 3-4-4-1. */
    public String shape() {
        StringBuilder b = new StringBuilder().append(inputs());
        for (int s : sizes) {
            b.append('-').append(s);
        }
        return b.toString();
    }
}
