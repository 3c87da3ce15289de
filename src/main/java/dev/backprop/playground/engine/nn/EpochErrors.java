package dev.backprop.playground.engine.nn;

import java.util.Arrays;

/**
 * The perceptron's misclassifications per epoch, seed 004's {@code errors_} curve: the updates its
 * rule made while the steps met as many examples as the training set holds. By epochs that is one
 * pass; by steps with random draws, as many draws. Append-only between truncations, so a {@link View}
 * handed to another thread stays valid: rows below its size are never written again (a truncation
 * copies the arrays first). Written by the trainer's thread.
 */
public final class EpochErrors {
    private long[] ends = new long[64];
    private long[] errors = new long[64];
    private int size;
    /** Examples met since the last epoch ended. */
    private long examples;
    /** Updates made since the last epoch ended. */
    private long current;

    /**
     * A step of {@code rows} examples, step number {@code step}, made {@code updates} updates; an
     * epoch it completes is recorded.
     */
    void stepped(long step, int rows, long updates, int trainSize) {
        examples += rows;
        current += updates;
        if (examples >= Math.max(1, trainSize)) {
            if (size == ends.length) {
                ends = Arrays.copyOf(ends, size * 2);
                errors = Arrays.copyOf(errors, size * 2);
            }
            ends[size] = step;
            errors[size] = current;
            size++;
            examples = 0;
            current = 0;
        }
    }

    /** Keeps the epochs that ended by {@code step} (the trainer went back there); the next epoch starts there. */
    void truncate(long step) {
        int keep = 0;
        while (keep < size && ends[keep] <= step) {
            keep++;
        }
        if (keep < size) {
            ends = Arrays.copyOf(Arrays.copyOf(ends, keep), ends.length);
            errors = Arrays.copyOf(Arrays.copyOf(errors, keep), errors.length);
            size = keep;
        }
        examples = 0;
        current = 0;
    }

    /** The epochs so far, without copying. */
    public View view() {
        return new View(ends, errors, size);
    }

    /** Completed epochs: the step each ended at and the updates made in it. */
    public static final class View {
        public static final View EMPTY = new View(new long[0], new long[0], 0);
        private final long[] ends;
        private final long[] errors;
        private final int size;

        View(long[] ends, long[] errors, int size) {
            this.ends = ends;
            this.errors = errors;
            this.size = size;
        }

        /** Completed epochs. */
        public int size() {
            return size;
        }

        /** The step at which epoch {@code i} (0-based) ended. */
        public long endStep(int i) {
            return ends[check(i)];
        }

        /** Misclassifications (updates) in epoch {@code i}. */
        public long errors(int i) {
            return errors[check(i)];
        }

        private int check(int i) {
            if (i < 0 || i >= size) {
                throw new IndexOutOfBoundsException(i);
            }
            return i;
        }
    }
}
