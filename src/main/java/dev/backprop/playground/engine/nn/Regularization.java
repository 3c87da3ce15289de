package dev.backprop.playground.engine.nn;

import dev.backprop.playground.engine.Named;

/**
 * A penalty on the weights (never the biases), TF Playground's convention: L2 adds
 * rate · ½ Σ w² to the loss (gradient rate · w), L1 adds rate · Σ |w| (gradient rate · sign w).
 */
public enum Regularization implements Named {
    NONE("none") {
        @Override
        public double penalty(double w) {
            return 0;
        }

        @Override
        public double derivative(double w) {
            return 0;
        }
    },
    L1("l1") {
        @Override
        public double penalty(double w) {
            return Math.abs(w);
        }

        @Override
        public double derivative(double w) {
            return Math.signum(w);
        }
    },
    L2("l2") {
        @Override
        public double penalty(double w) {
            return 0.5 * w * w;
        }

        @Override
        public double derivative(double w) {
            return w;
        }
    };

    /** The largest penalty rate accepted (TF Playground offers up to 10). */
    public static final double MAX_RATE = 10;

    private final String id;

    Regularization(String id) {
        this.id = id;
    }

    /** The penalty of one weight, before the rate. */
    public abstract double penalty(double w);

    /** d penalty / d w, before the rate. */
    public abstract double derivative(double w);

    /** rate · Σ penalty(w) over every linear layer's weights. */
    public double of(Sequential net, double rate) {
        if (this == NONE) {
            return 0;
        }
        double sum = 0;
        for (Layer layer : net.layers()) {
            if (layer instanceof Linear lin) {
                for (double w : lin.weight().value().data) {
                    sum += penalty(w);
                }
            }
        }
        return rate * sum;
    }

    /** Adds rate · d penalty / d w to every weight's gradient (after backward, before the update). */
    public void addGradient(Sequential net, double rate) {
        if (this == NONE || rate == 0) {
            return;
        }
        for (Layer layer : net.stages()) {
            if (layer instanceof Linear lin) {
                double[] w = lin.weight().value().data;
                double[] g = lin.weight().grad().data;
                for (int i = 0; i < w.length; i++) {
                    g[i] += rate * derivative(w[i]);
                }
            }
        }
    }

    /** Checks a penalty rate: 0 to {@link #MAX_RATE}. */
    public static void checkRate(double rate) {
        if (!(rate >= 0 && rate <= MAX_RATE)) {
            throw new IllegalArgumentException("--reg-rate must be 0 to " + MAX_RATE + ", got " + rate);
        }
    }

    @Override
    public String id() {
        return id;
    }

    public static Regularization fromId(String id) {
        return Named.fromId(Regularization.class, id, "regularization");
    }
}
