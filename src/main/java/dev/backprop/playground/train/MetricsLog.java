package dev.backprop.playground.train;

import dev.backprop.playground.engine.nn.Metrics;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * An append-only log of metrics rows. {@link #view()} returns an immutable list of the rows so far
 * without copying them: rows below a view's size are never written again, and a full array is
 * replaced, not resized, so old views stay valid. Written by one thread.
 */
final class MetricsLog {
    private Metrics[] rows = new Metrics[256];
    private int size;

    void add(Metrics m) {
        if (size == rows.length) {
            rows = Arrays.copyOf(rows, size * 2);
        }
        rows[size++] = m;
    }

    /** Keeps the first {@code size} rows; a new array, so views handed out keep theirs. */
    void truncate(int newSize) {
        if (newSize < size) {
            rows = Arrays.copyOf(Arrays.copyOf(rows, newSize), Math.max(256, rows.length));
            size = newSize;
        }
    }

    /** Drops the last row if it is of {@code step} (it is about to be measured again). */
    void dropLastIfAt(long step) {
        if (size > 0 && rows[size - 1].step() == step) {
            truncate(size - 1);
        }
    }

    void clear() {
        rows = new Metrics[256];
        size = 0;
    }

    List<Metrics> view() {
        return new View(rows, size);
    }

    private static final class View extends AbstractList<Metrics> implements RandomAccess {
        private final Metrics[] rows;
        private final int size;

        View(Metrics[] rows, int size) {
            this.rows = rows;
            this.size = size;
        }

        @Override
        public Metrics get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException(index);
            }
            return rows[index];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
