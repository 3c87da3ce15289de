package dev.backprop.playground.train;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.Dataset;

/**
 * Whether a network can learn from the training points at all: a classifier needs two classes to
 * tell apart, a regression two targets to fit a line through. After Clear (or deleting down to one
 * class) training is refused with what to add, until the points are there.
 */
final class TrainableData {
    private TrainableData() {
    }

    /** What to add before training, or null when {@code data}'s training points can be learned. */
    static String missing(DataSplit data, int classes) {
        Dataset train = data.train();
        if (classes == 0) {
            return train.size() >= 2 ? null : "add at least two points";
        }
        for (int i = 1; i < train.size(); i++) {
            if (train.label(i) != train.label(0)) {
                return null;
            }
        }
        return "add points of at least two classes first";
    }
}
