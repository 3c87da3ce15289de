package dev.backprop.playground.engine.nn;

import java.util.Locale;

/**
 * The optimizers' hyperparameters beside the learning rate, with torch.optim's defaults except the
 * momentum, whose 0.9 is the common choice (torch's SGD has 0; seed 003 uses 0.5).
 *
 * @param momentum mu of SGD with momentum, 0 to {@link #MAX_MOMENTUM}
 * @param beta1    Adam's decay of the first moment, 0 to below 1
 * @param beta2    Adam's decay of the second moment, 0 to below 1
 * @param eps      the term that keeps Adam's, RMSprop's and Adagrad's divisions finite, above 0 and at most
 *                 {@link #MAX_EPS}; 0 stands for each one's own default (1e-8, 1e-8, 1e-10)
 */
public record OptimizerSettings(double momentum, double beta1, double beta2, double eps) {
    public static final double MAX_MOMENTUM = 0.999;
    public static final double MAX_EPS = 1;
    /** RMSprop's smoothing constant, torch.optim.RMSprop's alpha. */
    public static final double RMSPROP_ALPHA = 0.99;
    public static final double RMSPROP_EPS = 1e-8;
    public static final double ADAGRAD_EPS = 1e-10;
    public static final OptimizerSettings DEFAULTS = new OptimizerSettings(Momentum.DEFAULT_MU, Adam.BETA1, Adam.BETA2, 0);

    public OptimizerSettings {
        if (!(momentum >= 0 && momentum <= MAX_MOMENTUM)) {
            throw new IllegalArgumentException("--momentum must be 0 to " + MAX_MOMENTUM
                    + " (at 1 or more the velocity never decays and the steps grow without end), got " + momentum);
        }
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("--beta1 must be at least 0 and below 1, got " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("--beta2 must be at least 0 and below 1, got " + beta2);
        }
        if (!(eps >= 0 && eps <= MAX_EPS)) {
            throw new IllegalArgumentException("--eps must be above 0 and at most " + (int) MAX_EPS + ", got " + eps);
        }
    }

    /** Adam's eps: the given one or torch's 1e-8. */
    public double adamEps() {
        return eps > 0 ? eps : Adam.EPS;
    }

    public double rmspropEps() {
        return eps > 0 ? eps : RMSPROP_EPS;
    }

    public double adagradEps() {
        return eps > 0 ? eps : ADAGRAD_EPS;
    }

    public OptimizerSettings withMomentum(double mu) {
        return new OptimizerSettings(mu, beta1, beta2, eps);
    }

    /** What of these settings {@code kind} uses, for a summary: "momentum 0.5", "betas 0.9, 0.999, eps 1e-08". */
    public String describe(OptimizerKind kind) {
        return switch (kind) {
            case SGD -> "";
            case MOMENTUM -> "momentum " + momentum;
            case RMSPROP -> String.format(Locale.ROOT, "alpha %s, eps %s", RMSPROP_ALPHA, rmspropEps());
            case ADAGRAD -> "eps " + adagradEps();
            case ADAM -> String.format(Locale.ROOT, "betas %s, %s, eps %s", beta1, beta2, adamEps());
        };
    }
}
