package dev.backprop.playground.engine.nn;

import dev.backprop.playground.engine.Named;

/**
 * Per-element losses of an output o against a target y, each paired with d loss / d o. A {@link Head}
 * sums them per example and averages over the batch; cross-entropy over K classes is computed there
 * from the logits (log-sum-exp), and its entry here is the per-class term for a one-hot target.
 */
public enum Loss implements Named {
    /** Binary cross-entropy; seed 000 adds 1e-10 so log and division never see zero. */
    BCE("bce") {
        @Override
        public double value(double o, double y) {
            return -(y * Math.log(o + EPSILON) + (1 - y) * Math.log(1 - o + EPSILON));
        }

        @Override
        public double derivative(double o, double y) {
            return -y / (o + EPSILON) + (1 - y) / (1 - o + EPSILON);
        }
    },
    /** Cross-entropy of a class probability o against a one-hot target y: -y log(o + 1e-10). */
    CE("ce") {
        @Override
        public double value(double o, double y) {
            return y == 0 ? 0 : -y * Math.log(o + EPSILON);
        }

        @Override
        public double derivative(double o, double y) {
            return -y / (o + EPSILON);
        }
    },
    /** Squared error (o - y)^2. */
    MSE("mse") {
        @Override
        public double value(double o, double y) {
            double d = o - y;
            return d * d;
        }

        @Override
        public double derivative(double o, double y) {
            return 2 * (o - y);
        }
    },
    /**
     * The perceptron's: 1 for a misclassified example (|y - y_hat| of a 0/1 output), and the rule's
     * error y_hat - y in place of a derivative (see {@link Head}).
     */
    PERCEPTRON("perceptron") {
        @Override
        public double value(double o, double y) {
            return Math.abs(y - o);
        }

        @Override
        public double derivative(double o, double y) {
            return o - y;
        }
    },
    /** Adaline's squared error of the linear output z against a 0/1 label, (y - z)^2, as MSE. */
    ADALINE("adaline") {
        @Override
        public double value(double o, double y) {
            return MSE.value(o, y);
        }

        @Override
        public double derivative(double o, double y) {
            return MSE.derivative(o, y);
        }
    };

    public static final double EPSILON = 1e-10;

    private final String id;

    Loss(String id) {
        this.id = id;
    }

    public abstract double value(double o, double y);

    public abstract double derivative(double o, double y);

    @Override
    public String id() {
        return id;
    }

    public static Loss fromId(String id) {
        return Named.fromId(Loss.class, id, "loss");
    }
}
