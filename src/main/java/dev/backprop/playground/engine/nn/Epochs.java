package dev.backprop.playground.engine.nn;

/**
 * Training by epochs instead of by steps: {@code count} passes over the training set in batches,
 * the order shuffled at each epoch or kept as in the file (seed 004's Perceptron walks its data in
 * order). A count of 0 is training by steps, seed 000's way (batch 1 draws an example at random).
 *
 * @param count   passes over the training set, 0 to {@link #MAX_EPOCHS}; 0: by steps
 * @param shuffle whether each epoch walks a fresh permutation (true) or the file order
 */
public record Epochs(long count, boolean shuffle) {
    public static final long MAX_EPOCHS = 1_000_000L; // a metrics.csv row each, as many as it may hold
    /** Training by steps. */
    public static final Epochs NONE = new Epochs(0, true);

    public Epochs {
        if (count < 0 || count > MAX_EPOCHS) {
            throw new IllegalArgumentException("--epochs must be 1 to " + MAX_EPOCHS + ", got " + count);
        }
    }

    public boolean byEpoch() {
        return count > 0;
    }

    /** Steps in one epoch of {@code trainSize} points in batches of {@code batch}: the last batch may be short. */
    public static long stepsPerEpoch(int trainSize, int batch) {
        int b = Math.max(1, Math.min(batch, trainSize));
        return Math.max(1, (trainSize + (long) b - 1) / b);
    }
}
