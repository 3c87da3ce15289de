package dev.backprop.playground.engine.nn;

import java.util.List;

/** SGD with momentum, torch.optim.SGD's form (no dampening, not Nesterov): v = mu v + g; p -= lr v. */
public final class Momentum extends Optimizer {
    public static final double DEFAULT_MU = 0.9;

    private final double mu;
    private final double[][] velocity;

    public Momentum(List<Parameter> parameters, double learningRate, double mu) {
        super(parameters, learningRate);
        this.mu = mu;
        this.velocity = zerosLike(this.parameters);
    }

    @Override
    public void step() {
        double lr = learningRate();
        for (int k = 0; k < velocity.length; k++) {
            double[] p = parameters.get(k).value().data;
            double[] g = parameters.get(k).grad().data;
            double[] v = velocity[k];
            for (int i = 0; i < v.length; i++) {
                v[i] = mu * v[i] + g[i];
                p[i] -= lr * v[i];
            }
        }
    }

    /** The velocity of parameter {@code k}. */
    public double[] velocity(int k) {
        return velocity[k];
    }

    public double mu() {
        return mu;
    }

    @Override
    public double[] saveState() {
        return saveArrays(velocity);
    }

    @Override
    public void restoreState(double[] state) {
        restoreArrays(state, velocity);
    }

    @Override
    public OptimizerKind kind() {
        return OptimizerKind.MOMENTUM;
    }
}
