package dev.backprop.playground.engine.nn;

import java.util.List;

/**
 * RMSprop as torch.optim.RMSprop computes it (not centred, no momentum):
 * s = alpha s + (1 - alpha) g^2; p -= lr g / (sqrt(s) + eps).
 */
public final class Rmsprop extends Optimizer {
    private final double alpha;
    private final double eps;
    private final double[][] square;

    public Rmsprop(List<Parameter> parameters, double learningRate, double alpha, double eps) {
        super(parameters, learningRate);
        this.alpha = alpha;
        this.eps = eps;
        this.square = zerosLike(this.parameters);
    }

    @Override
    public void step() {
        double lr = learningRate();
        for (int k = 0; k < square.length; k++) {
            double[] p = parameters.get(k).value().data;
            double[] g = parameters.get(k).grad().data;
            double[] s = square[k];
            for (int i = 0; i < s.length; i++) {
                s[i] = alpha * s[i] + (1 - alpha) * g[i] * g[i];
                p[i] -= lr * g[i] / (Math.sqrt(s[i]) + eps);
            }
        }
    }

    /** The running mean of squared gradients of parameter {@code k}, not modified by the caller. */
    public double[] square(int k) {
        return square[k];
    }

    public double alpha() {
        return alpha;
    }

    public double eps() {
        return eps;
    }

    @Override
    public double[] saveState() {
        return saveArrays(square);
    }

    @Override
    public void restoreState(double[] state) {
        restoreArrays(state, square);
    }

    @Override
    public OptimizerKind kind() {
        return OptimizerKind.RMSPROP;
    }
}
