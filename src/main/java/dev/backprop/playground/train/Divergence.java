package dev.backprop.playground.train;

import java.util.Locale;

/**
 * Why training stopped because it blew up, as data: its cause, the step, what the loop measured, and
 * the setting the remedy names. The status text is made from it; nothing is derived from the text.
 *
 * @param cause        what the engine blames
 * @param step         the step at which the divergence rule fired
 * @param what         what the loop measured ("the loss of step 12 became NaN")
 * @param learningRate the learning rate in force (the remedy for {@link Cause#LEARNING_RATE})
 * @param init         the init's id (the cause for {@link Cause#INIT})
 */
public record Divergence(Cause cause, long step, String what, double learningRate, String init) {
    public enum Cause {
        /** Not one step was taken on this network: its initial weights saturate it. */
        INIT,
        /** Training steps made the loss blow up. */
        LEARNING_RATE
    }

    /** The banner's words. */
    public String text() {
        if (cause == Cause.INIT) {
            return "Before any training, " + what + ". The initial weights are too large for this depth and width (init "
                    + init + "): choose init auto, xavier or he, then Reset.";
        }
        return "Training diverged at step " + step + ": " + what
                + String.format(Locale.ROOT, ". Try a smaller learning rate (now %.3g), then Reset.", learningRate);
    }
}
