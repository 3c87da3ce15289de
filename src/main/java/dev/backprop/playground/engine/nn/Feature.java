package dev.backprop.playground.engine.nn;

import dev.backprop.playground.engine.Named;

/** An input feature computed from a point (x1, x2), as TF Playground's input column offers them. */
public enum Feature implements Named {
    X1("x1", "x1") {
        @Override
        public double of(double x1, double x2) {
            return x1;
        }
    },
    X2("x2", "x2") {
        @Override
        public double of(double x1, double x2) {
            return x2;
        }
    },
    X1SQ("x1sq", "x1\u00b2") {
        @Override
        public double of(double x1, double x2) {
            return x1 * x1;
        }
    },
    X2SQ("x2sq", "x2\u00b2") {
        @Override
        public double of(double x1, double x2) {
            return x2 * x2;
        }
    },
    X1X2("x1x2", "x1\u00b7x2") {
        @Override
        public double of(double x1, double x2) {
            return x1 * x2;
        }
    },
    SINX1("sinx1", "sin x1") {
        @Override
        public double of(double x1, double x2) {
            return Math.sin(x1);
        }
    },
    SINX2("sinx2", "sin x2") {
        @Override
        public double of(double x1, double x2) {
            return Math.sin(x2);
        }
    };

    private final String id;
    private final String symbol;

    Feature(String id, String symbol) {
        this.id = id;
        this.symbol = symbol;
    }

    public abstract double of(double x1, double x2);

    /** The name on the command line and in model.json: x1, x1sq, sinx2 ... */
    @Override
    public String id() {
        return id;
    }

    /** How the graph and the app write it: x1², x1·x2, sin x1. */
    public String symbol() {
        return symbol;
    }

    public static Feature fromId(String id) {
        return Named.fromId(Feature.class, id, "feature");
    }
}
