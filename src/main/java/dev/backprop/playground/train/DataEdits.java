package dev.backprop.playground.train;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.Dataset;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * Edits of the points (add, delete the nearest) as new immutable {@link DataSplit}s, with the
 * points before each edit kept for Undo and Redo. Lives on the engine thread, like the data.
 */
final class DataEdits {
    /** Undo steps kept: at 10,000 points about 0.4 MB each. */
    static final int MAX_UNDO = 100;

    private final Deque<DataSplit> undo = new ArrayDeque<>();
    private final Deque<DataSplit> redo = new ArrayDeque<>();

    /** {@code data} with the points {x1, x2, x1, x2, ...} of {@code label} added; each is a test point with probability {@code testRatio}. */
    static DataSplit added(DataSplit data, double[] points, double label, double testRatio, Random random) {
        Dataset all = data.all();
        int n = all.size();
        int k = points.length / 2;
        double[] xs = Arrays.copyOf(all.features().data, 2 * (n + k));
        System.arraycopy(points, 0, xs, 2 * n, 2 * k);
        double[] ys = Arrays.copyOf(all.labels().data, n + k);
        Arrays.fill(ys, n, n + k, label);
        boolean[] isTest = Arrays.copyOf(data.isTest(), n + k);
        for (int i = n; i < n + k; i++) {
            isTest[i] = random.nextDouble() < testRatio;
        }
        return DataSplit.of(new Dataset(new DMatrixRMaj(n + k, 2, true, xs), new DMatrixRMaj(n + k, 1, true, ys)), isTest);
    }

    /** The row nearest (x1, x2), or -1 when there are no points. */
    static int nearest(Dataset all, double x1, double x2) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < all.size(); i++) {
            double d = (all.x1(i) - x1) * (all.x1(i) - x1) + (all.x2(i) - x2) * (all.x2(i) - x2);
            if (best < 0 || d < bestDistance) { // far away every distance is +Inf: the first point still counts
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    /** {@code data} without row {@code row}. */
    static DataSplit without(DataSplit data, int row) {
        int n = data.all().size();
        int[] keep = new int[n - 1];
        boolean[] isTest = new boolean[n - 1];
        for (int i = 0, j = 0; i < n; i++) {
            if (i != row) {
                keep[j] = i;
                isTest[j++] = data.isTest(i);
            }
        }
        return DataSplit.of(data.all().subset(keep), isTest);
    }

    /** No point at all: Clear's empty plane. */
    static DataSplit empty() {
        return DataSplit.of(new Dataset(new DMatrixRMaj(0, 2), new DMatrixRMaj(0, 1)), new boolean[0]);
    }

    /** Remembers {@code before} for Undo; a new edit forgets what could be redone. */
    void edited(DataSplit before) {
        undo.push(before);
        if (undo.size() > MAX_UNDO) {
            undo.removeLast();
        }
        redo.clear();
    }

    /** The points before the last edit (null when there is nothing to undo); {@code now} goes to Redo. */
    DataSplit undo(DataSplit now) {
        if (undo.isEmpty()) {
            return null;
        }
        redo.push(now);
        return undo.pop();
    }

    /** The points the last Undo left (null when there is nothing to redo); {@code now} goes to Undo. */
    DataSplit redo(DataSplit now) {
        if (redo.isEmpty()) {
            return null;
        }
        undo.push(now);
        return redo.pop();
    }

    /** New data from elsewhere (a dataset, an import): the edits no longer apply. */
    void forget() {
        undo.clear();
        redo.clear();
    }
}
