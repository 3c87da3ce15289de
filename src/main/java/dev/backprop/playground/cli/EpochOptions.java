package dev.backprop.playground.cli;

import dev.backprop.playground.engine.nn.Epochs;
import dev.backprop.playground.engine.nn.OptimizerSettings;

/** The checks of {@code train}'s --epochs, --shuffle and --eps that picocli cannot express. */
final class EpochOptions {
    private EpochOptions() {
    }

    /**
     * --epochs N (with --shuffle epoch|none) or, without it, training by --steps.
     *
     * @throws IllegalArgumentException for --epochs with --steps, --shuffle without --epochs, or a bad value
     */
    static Epochs plan(Long epochs, String shuffle, boolean stepsGiven) {
        if (epochs == null) {
            if (shuffle != null) {
                throw new IllegalArgumentException("--shuffle goes with --epochs (training by --steps draws "
                        + "its examples at random)");
            }
            return Epochs.NONE;
        }
        if (stepsGiven) {
            throw new IllegalArgumentException("--epochs and --steps both say how long to train: give one");
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("--epochs must be 1 to " + Epochs.MAX_EPOCHS + ", got " + epochs);
        }
        if (shuffle != null && !shuffle.equals("epoch") && !shuffle.equals("none")) {
            throw new IllegalArgumentException("unknown --shuffle '" + shuffle + "' (choose epoch, none)");
        }
        return new Epochs(epochs, !"none".equals(shuffle));
    }

    /** --eps as the settings hold it: 0 stands for each optimizer's own default. */
    static double eps(Double eps) {
        if (eps == null) {
            return 0;
        }
        if (!(eps > 0 && eps <= OptimizerSettings.MAX_EPS)) {
            throw new IllegalArgumentException("--eps must be above 0 and at most 1, got " + eps);
        }
        return eps;
    }
}
