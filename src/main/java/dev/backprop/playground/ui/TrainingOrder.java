package dev.backprop.playground.ui;

import dev.backprop.playground.engine.Named;
import dev.backprop.playground.engine.nn.Epochs;

/**
 * How the app walks the training set, as the CLI's {@code --steps} or {@code --epochs --shuffle}: by
 * steps drawing examples at random (seed 000), or by epochs, shuffled at each or in the data's order
 * (seed 004's perceptron). The app trains until paused; the count it records, {@link #COUNT}, is
 * what {@code train --experiment} runs from a saved experiment.
 */
enum TrainingOrder implements Named {
    STEPS("steps (random draws)", Epochs.NONE),
    EPOCHS("epochs (shuffled)", new Epochs(TrainingOrder.COUNT, true)),
    EPOCHS_IN_ORDER("epochs (in order)", new Epochs(TrainingOrder.COUNT, false));

    /** Epochs a run by epochs records: seed 004's n_iter default, 50. */
    static final long COUNT = 50;

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
