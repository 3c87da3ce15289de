package dev.backprop.playground.ui;

import dev.backprop.playground.engine.Named;
import dev.backprop.playground.engine.nn.Epochs;

/**
 * How the app walks the training set, as the CLI's {@code --steps} or {@code --epochs --shuffle}: by
 * steps drawing examples at random (seed 000), or by epochs, shuffled at each or in the data's order
 * (seed 004's perceptron). The app trains until paused, so its epochs have no count of their own.
 */
enum TrainingOrder implements Named {
    STEPS("steps (random draws)", Epochs.NONE),
    EPOCHS("epochs (shuffled)", new Epochs(Epochs.MAX_EPOCHS, true)),
    EPOCHS_IN_ORDER("epochs (in order)", new Epochs(Epochs.MAX_EPOCHS, false));

    private final String text;
    private final Epochs epochs;

    TrainingOrder(String text, Epochs epochs) {
        this.text = text;
        this.epochs = epochs;
    }

    Epochs epochs() {
        return epochs;
    }

    /** The order a config's epochs stand for (a CLI run's count of epochs is by epochs all the same). */
    static TrainingOrder of(Epochs e) {
        return !e.byEpoch() ? STEPS : e.shuffle() ? EPOCHS : EPOCHS_IN_ORDER;
    }

    /** What the menu shows. */
    @Override
    public String id() {
        return text;
    }
}
