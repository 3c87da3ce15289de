package dev.backprop.playground.train;

import java.util.Arrays;

/**
 * How the network's predictions on the training set fall, as of the last boundary frame: counts
 * per true class (rows) and predicted class (columns). Computed on the engine thread; immutable
 * (the counts are copied in and out). Empty for regression, which has no classes.
 */
public final class Confusion {
    public static final Confusion EMPTY = new Confusion(new int[0][0], -1);

    private final int[][] counts;
    private final long step;

    /**
     * @param counts counts[true][predicted], square; not modified (copied)
     * @param step   the training step they were measured at
     */
    public Confusion(int[][] counts, long step) {
        this.counts = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i].length != counts.length) {
                throw new IllegalArgumentException("a confusion matrix is square: row " + i + " has "
                        + counts[i].length + " of " + counts.length + " columns");
            }
            this.counts[i] = counts[i].clone();
        }
        this.step = step;
    }

    /** Number of classes (rows and columns); 0 when empty. */
    public int classes() {
        return counts.length;
    }

    public boolean isEmpty() {
        return counts.length == 0;
    }

    /** Training points of class {@code actual} predicted as {@code predicted}. */
    public int count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /** Points of class {@code actual}: the row's sum. */
    public int rowTotal(int actual) {
        return Arrays.stream(counts[actual]).sum();
    }

    /** Every point counted. */
    public int total() {
        int sum = 0;
        for (int[] row : counts) {
            sum += Arrays.stream(row).sum();
        }
        return sum;
    }

    public long step() {
        return step;
    }
}
