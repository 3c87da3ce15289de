package dev.backprop.playground.ui;

import dev.backprop.playground.engine.nn.OptimizerSettings;
import java.util.function.DoubleConsumer;

/** The momentum's mu beside the optimizer (seed 003 uses 0.5, the default is 0.9), 0 to 0.999. */
final class MomentumField extends NumberField {
    MomentumField(DoubleConsumer onChange) {
        super("momentum", 0, OptimizerSettings.MAX_MOMENTUM, OptimizerSettings.DEFAULTS.momentum(),
                "momentum's mu, 0 to 0.999: v \u2190 mu v + g; p \u2190 p \u2212 lr v (torch.optim.SGD's rule). Enter "
                        + "applies it: the weights stay, the velocity starts from 0.",
                "the momentum must be a number from 0 to " + OptimizerSettings.MAX_MOMENTUM + " (at 1 or more the "
                        + "velocity never decays and the steps grow without end).", onChange);
    }
}
