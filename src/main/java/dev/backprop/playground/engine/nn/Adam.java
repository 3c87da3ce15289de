package dev.backprop.playground.engine.nn;

import java.util.List;

/**
 * Adam (Kingma and Ba, 2015): m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
 * p -= lr * m_hat / (sqrt(v_hat) + eps) with the bias corrections m_hat = m / (1 - b1^t),
 * v_hat = v / (1 - b2^t).
 */
public final class Adam extends Optimizer {
    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPS = 1e-8;

    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double[][] m;
    private final double[][] v;
    private int t;

    /** torch.optim.Adam's defaults: betas (0.9, 0.999), eps 1e-8. */
    public Adam(List<Parameter> parameters, double learningRate) {
        this(parameters, learningRate, BETA1, BETA2, EPS);
    }

    public Adam(List<Parameter> parameters, double learningRate, double beta1, double beta2, double eps) {
        super(parameters, learningRate);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        m = zerosLike(this.parameters);
        v = zerosLike(this.parameters);
    }

    public double beta1() {
        return beta1;
    }

    public double beta2() {
        return beta2;
    }

    public double eps() {
        return eps;
    }

    /** Steps taken, the t of the bias corrections. */
    public int t() {
        return t;
    }

    /** The first moment of parameter {@code k}. */
    public double[] m(int k) {
        return m[k];
    }

    /** The second moment of parameter {@code k}. */
    public double[] v(int k) {
        return v[k];
    }

    @Override
    public void step() {
        t++;
        double lr = learningRate();
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        for (int k = 0; k < m.length; k++) {
            double[] p = parameters.get(k).value().data;
            double[] g = parameters.get(k).grad().data;
            double[] mk = m[k];
            double[] vk = v[k];
            for (int i = 0; i < mk.length; i++) {
                mk[i] = beta1 * mk[i] + (1 - beta1) * g[i];
                vk[i] = beta2 * vk[i] + (1 - beta2) * g[i] * g[i];
                p[i] -= lr * (mk[i] / c1) / (Math.sqrt(vk[i] / c2) + eps);
            }
        }
    }

    /** [t, m..., v...]. */
    @Override
    public double[] saveState() {
        double[] state = new double[1 + 2 * parameterCount()];
        state[0] = t;
        flatten(v, state, flatten(m, state, 1));
        return state;
    }

    @Override
    public void restoreState(double[] state) {
        checkStateLength(state, 1 + 2 * parameterCount());
        if (state.length == 0) {
            t = 0;
            for (int k = 0; k < m.length; k++) {
                java.util.Arrays.fill(m[k], 0);
                java.util.Arrays.fill(v[k], 0);
            }
        } else {
            t = (int) state[0];
            unflatten(state, unflatten(state, 1, m), v);
        }
    }

    @Override
    public OptimizerKind kind() {
        return OptimizerKind.ADAM;
    }
}
