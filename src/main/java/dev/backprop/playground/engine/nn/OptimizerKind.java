package dev.backprop.playground.engine.nn;

import dev.backprop.playground.engine.Named;
import java.util.List;

/** The optimizers a run can choose. */
public enum OptimizerKind implements Named {
    SGD("sgd"),
    MOMENTUM("momentum"),
    RMSPROP("rmsprop"),
    ADAGRAD("adagrad"),
    ADAM("adam");

    private final String id;

    OptimizerKind(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    /** This optimizer with the default hyperparameters ({@link OptimizerSettings#DEFAULTS}). */
    public Optimizer create(List<Parameter> parameters, double learningRate) {
        return create(parameters, learningRate, OptimizerSettings.DEFAULTS);
    }

    public Optimizer create(List<Parameter> parameters, double learningRate, OptimizerSettings s) {
        return switch (this) {
            case SGD -> new Sgd(parameters, learningRate);
            case MOMENTUM -> new Momentum(parameters, learningRate, s.momentum());
            case RMSPROP -> new Rmsprop(parameters, learningRate, OptimizerSettings.RMSPROP_ALPHA, s.rmspropEps());
            case ADAGRAD -> new Adagrad(parameters, learningRate, s.adagradEps());
            case ADAM -> new Adam(parameters, learningRate, s.beta1(), s.beta2(), s.adamEps());
        };
    }

    public static OptimizerKind fromId(String id) {
        return Named.fromId(OptimizerKind.class, id, "optimizer");
    }
}
