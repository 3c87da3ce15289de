package dev.backprop.playground.engine.nn;

import java.util.List;

/** SGD with momentum, PyTorch's form: v = mu v + g; p -= lr v. */
public final class Momentum extends Optimizer {
    public static final double DEFAULT_MU = 0.9;

    private final double mu;
    private final double[][] velocity;

    public Momentum(List<Parameter> parameters, double learningRate, double mu) {
        super(parameters, learningRate);
        this.mu = mu;
        this.velocity = new double[this.parameters.size()][];
        for (int i = 0; i < velocity.length; i++) {
            velocity[i] = new double[this.parameters.get(i).value().getNumElements()];
        }
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

    @Override
    public double[] saveState() {
        double[] state = new double[parameterCount()];
        flatten(velocity, state, 0);
        return state;
    }

    @Override
    public void restoreState(double[] state) {
        checkStateLength(state, parameterCount());
        if (state.length == 0) {
            for (double[] v : velocity) {
                java.util.Arrays.fill(v, 0);
            }
        } else {
            unflatten(state, 0, velocity);
        }
    }

    @Override
    public OptimizerKind kind() {
        return OptimizerKind.MOMENTUM;
    }
}
