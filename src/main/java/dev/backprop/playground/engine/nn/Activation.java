package dev.backprop.playground.engine.nn;

import dev.backprop.playground.engine.Named;

/**
 * Element-wise activation functions, each paired with its derivative. The derivative is written
 * in terms of the input x and the output y = f(x), whichever is cheaper. The one place these
 * formulas live: the layers and the scalar engine's ops call them.
 */
public enum Activation implements Named {
    RELU("relu") {
        @Override
        public double apply(double x) {
            return Math.max(x, 0.0); // branch-free: signs are random, branches mispredict
        }

        @Override
        public double derivative(double x, double y) {
            return x > 0 ? 1 : 0;
        }
    },
    TANH("tanh") {
        @Override
        public double apply(double x) {
            return Math.tanh(x);
        }

        @Override
        public double derivative(double x, double y) {
            return 1 - y * y;
        }
    },
    SIGMOID("sigmoid") {
        @Override
        public double apply(double x) {
            return 1 / (1 + Math.exp(-x));
        }

        @Override
        public double derivative(double x, double y) {
            return y * (1 - y);
        }
    },
    /** The output of a regression head (and TF Playground's "linear" hidden activation). */
    IDENTITY("identity") {
        @Override
        public double apply(double x) {
            return x;
        }

        @Override
        public double derivative(double x, double y) {
            return 1;
        }
    };

    private final String id;

    Activation(String id) {
        this.id = id;
    }

    public abstract double apply(double x);

    public abstract double derivative(double x, double y);

    /** The lowercase name used on the command line and in model.json. */
    @Override
    public String id() {
        return id;
    }

    public static Activation fromId(String id) {
        return Named.fromId(Activation.class, id, "activation");
    }
}
