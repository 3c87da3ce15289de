package dev.backprop.playground.engine.nn;

import dev.backprop.playground.engine.Named;

/**
 * Per-example losses of a probability output o against a 0/1 label y, each paired with
 * d loss / d o. The network's loss over a batch is the mean of these.
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
