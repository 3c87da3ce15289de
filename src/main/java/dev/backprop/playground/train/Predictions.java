package dev.backprop.playground.train;

import dev.backprop.playground.engine.data.DataSplit;

/**
 * The network's prediction for every point of the data ({@link DataSplit#all()}'s rows, training and
 * test), made on the engine thread a chunk at a time: what the gallery and the table plot show, and
 * where the confusion matrix comes from off the plane. Immutable once published (nothing writes the
 * arrays after the pass that filled them).
 *
 * @param step      the step the pass began at, whose network (frozen then) made every row it predicted;
 *                  pictures are published early, with the test rows done and the training rows all still
 *                  the last whole pass's (training goes on while a pass runs: one over the full
 *                  Fashion-MNIST spans many steps while playing, none while paused)
 * @param classes   the head's classes (0 for regression)
 * @param predicted the predicted class per row (classification; -1 where none was made yet), or null
 * @param probability the network's probability of its predicted class per row (NaN for the perceptron
 *                  and Adaline, which give none), or null
 * @param outputs   regression: the outputs, row by row ({@code targets} per row), or null
 * @param targets   outputs per row for regression, else 0
 */
public record Predictions(long step, int classes, int[] predicted, float[] probability, float[] outputs, int targets) {

    /** Rows predicted. */
    public int size() {
        return predicted != null ? predicted.length : outputs.length / targets;
    }

    public boolean classifies() {
        return predicted != null;
    }

    public int predicted(int row) {
        return predicted[row];
    }

    public double probability(int row) {
        return probability[row];
    }

    /** Regression: output {@code target} of row {@code row}. */
    public double output(int row, int target) {
        return outputs[row * targets + target];
    }

    /** Whether row {@code row} of {@code data} is predicted as its class (classification only). */
    public boolean right(DataSplit data, int row) {
        return predicted[row] == data.all().label(row);
    }

    /** Whether row {@code row} was predicted, and not as its class (classification only). */
    public boolean wrong(DataSplit data, int row) {
        return predicted[row] >= 0 && predicted[row] != data.all().label(row);
    }

    /** The confusion matrix of the training rows of {@code data}; empty for regression. */
    public Confusion confusion(DataSplit data) {
        if (!classifies()) {
            return Confusion.EMPTY;
        }
        int[][] counts = new int[classes][classes];
        for (int row = 0; row < predicted.length; row++) {
            int truth = data.all().label(row);
            if (!data.isTest(row) && truth >= 0 && truth < classes && predicted[row] >= 0) {
                counts[truth][predicted[row]]++;
            }
        }
        return new Confusion(counts, step);
    }
}
