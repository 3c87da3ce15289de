package dev.backprop.playground.engine.nn;

import java.util.List;

/** Plain SGD, the seed's update: p -= lr * g. */
public final class Sgd extends Optimizer {
    public Sgd(List<Parameter> parameters, double learningRate) {
        super(parameters, learningRate);
    }

    @Override
    public void step() {
        for (int i = 0; i < parameters.size(); i++) {
            parameters.get(i).sgdStep(learningRate());
        }
    }

    @Override
    public OptimizerKind kind() {
        return OptimizerKind.SGD;
    }
}
