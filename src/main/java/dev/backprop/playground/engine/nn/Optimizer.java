package dev.backprop.playground.engine.nn;

import java.util.List;

/**
 * Updates a fixed list of parameters from their gradients. State (velocities, moments) is
 * allocated once, at construction; changing the learning rate keeps it.
 */
public abstract class Optimizer {
    protected final List<Parameter> parameters;
    private double learningRate;

    protected Optimizer(List<Parameter> parameters, double learningRate) {
        this.parameters = List.copyOf(parameters);
        setLearningRate(learningRate);
    }

    /** One update of every parameter from its current grad. */
    public abstract void step();

    public abstract OptimizerKind kind();

    public double learningRate() {
        return learningRate;
    }

    public void setLearningRate(double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
        this.learningRate = learningRate;
    }
}
