package dev.backprop.playground.engine.nn;

import dev.backprop.playground.engine.Named;
import java.util.List;

/** The optimizers a run can choose. */
public enum OptimizerKind implements Named {
    SGD("sgd"),
    MOMENTUM("momentum"),
    ADAM("adam");

    private final String id;

    OptimizerKind(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public Optimizer create(List<Parameter> parameters, double learningRate) {
        return switch (this) {
            case SGD -> new Sgd(parameters, learningRate);
            case MOMENTUM -> new Momentum(parameters, learningRate, Momentum.DEFAULT_MU);
            case ADAM -> new Adam(parameters, learningRate);
        };
    }

    public static OptimizerKind fromId(String id) {
        return Named.fromId(OptimizerKind.class, id, "optimizer");
    }
}
