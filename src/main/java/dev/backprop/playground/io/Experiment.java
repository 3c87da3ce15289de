package dev.backprop.playground.io;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.nn.TrainerState;
import dev.backprop.playground.engine.nn.TrainingConfig;
import java.util.Map;

/**
 * A whole set-up, as one experiment file holds it: the settings (seed included), the points when
 * they were imported or edited, the trainer's state (weights, optimizer state, sampling, step) and
 * what the window shows.
 *
 * @param data  the points, or null when they are generated again from {@code config}'s seed
 * @param state the trainer's state to go on from, or null to start from the seed's fresh weights
 * @param shown which panes and controls are shown (false: hidden, e.g. by classroom mode); names the
 *              app chooses, unknown ones are kept and ignored
 */
public record Experiment(TrainingConfig config, DataSplit data, TrainerState state, Map<String, Boolean> shown) {
    public Experiment {
        shown = Map.copyOf(shown);
    }
}
