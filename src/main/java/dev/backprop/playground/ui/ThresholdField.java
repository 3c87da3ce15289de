package dev.backprop.playground.ui;

import dev.backprop.playground.engine.nn.StepLayer;
import java.util.function.DoubleConsumer;

/** Where the perceptron's step rises, beside the loss: class 1 when z >= th (seed 004's 0.5; 0 the textbook form). */
final class ThresholdField extends NumberField {
    ThresholdField(DoubleConsumer onChange) {
        super("threshold", -StepLayer.MAX_THRESHOLD, StepLayer.MAX_THRESHOLD, StepLayer.THRESHOLD,
                "the perceptron's threshold th: class 1 when z \u2265 th (seed 004's 0.5; 0 is the textbook form, "
                        + "the bias standing for \u2212th). Enter applies it: the network restarts.",
                "the threshold must be a number from " + -StepLayer.MAX_THRESHOLD + " to " + StepLayer.MAX_THRESHOLD
                        + ".", onChange);
    }
}
