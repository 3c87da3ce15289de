package dev.backprop.playground.engine.nn;

import java.util.Locale;

/**
 * Loss and accuracy of a network after {@code step} training steps, on the training and test
 * sets (NaN when the test set is empty; accuracy NaN for regression), the share of training points
 * the network gets wrong with certainty (see {@link #SATURATION}), and the weight penalty (0 without
 * regularization). The losses are data losses: the total a regularized run minimizes is
 * {@link #trainTotal()}.
 */
public record Metrics(long step, double trainLoss, double testLoss, double trainAccuracy, double testAccuracy,
                      double saturatedWrong, double penalty) {

    /** Metrics of a run without a weight penalty. */
    public Metrics(long step, double trainLoss, double testLoss, double trainAccuracy, double testAccuracy,
                   double saturatedWrong) {
        this(step, trainLoss, testLoss, trainAccuracy, testAccuracy, saturatedWrong, 0);
    }

    /** Training data loss plus the penalty: what the optimizer minimizes. */
    public double trainTotal() {
        return trainLoss + penalty;
    }

    /**
     * An output this close to the wrong label is saturated: BCE's 1e-10 guard and the sigmoid's
     * flat tails make its gradient vanish, so training cannot pull it back.
     */
    public static final double SATURATION = 1e-9;

    /** Share of saturated-wrong training points at which a run counts as blown up. */
    public static final double SATURATED_LIMIT = 0.25;

    /** True when training has blown up: a NaN/Inf loss, or outputs stuck at the wrong extreme. */
    public boolean diverged() {
        return !Double.isFinite(trainLoss) || saturatedWrong >= SATURATED_LIMIT;
    }

    /** Why the run counts as diverged, in a sentence; empty when it has not. */
    public String divergenceReason() {
        if (!Double.isFinite(trainLoss)) {
            return "the loss became " + trainLoss;
        }
        if (saturatedWrong >= SATURATED_LIMIT) {
            return String.format(Locale.ROOT, "the output saturated: %.0f%% of the training points are predicted "
                    + "wrong with certainty, where the gradient vanishes", 100 * saturatedWrong);
        }
        return "";
    }
}
