package dev.backprop.playground.engine.nn;

import java.util.List;

/**
 * Adagrad as torch.optim.Adagrad computes it (no learning-rate decay, accumulator from 0):
 * s += g^2; p -= lr g / (sqrt(s) + eps).
 */
public final class Adagrad extends Optimizer {
    private final double eps;
    private final double[][] sum;

    public Adagrad(List<Parameter> parameters, double learningRate, double eps) {
        super(parameters, learningRate);
        this.eps = eps;
        this.sum = zerosLike(this.parameters);
    }

    @Override
    public void step() {
        double lr = learningRate();
        for (int k = 0; k < sum.length; k++) {
            double[] p = parameters.get(k).value().data;
            double[] g = parameters.get(k).grad().data;
            double[] s = sum[k];
            for (int i = 0; i < s.length; i++) {
                s[i] += g[i] * g[i];
                p[i] -= lr * g[i] / (Math.sqrt(s[i]) + eps);
            }
        }
    }

    /** The sum of squared gradients of parameter {@code k} so far. */
    public double[] sum(int k) {
        return sum[k];
    }

    public double eps() {
        return eps;
    }

    @Override
    public double[] saveState() {
        return saveArrays(sum);
    }

    @Override
    public void restoreState(double[] state) {
        restoreArrays(state, sum);
    }

    @Override
    public OptimizerKind kind() {
        return OptimizerKind.ADAGRAD;
    }
}
