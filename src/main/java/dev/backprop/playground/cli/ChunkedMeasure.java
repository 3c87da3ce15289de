package dev.backprop.playground.cli;

import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.nn.Trainer;

/**
 * A dataset measured a block of rows at a time, so a long eval can show its progress between blocks.
 * Every measure is a mean over rows, so the blocks' means weighted by their rows give the whole (to
 * rounding: the sums are added in another order).
 */
final class ChunkedMeasure {
    /** Rows a block: about 0.3 s each for a 2-256-256-1 model (66,000 parameters) on this machine. */
    static final int BLOCK_ROWS = 4096;

    private ChunkedMeasure() {
    }

    /**
     * {@link Trainer#measure} of {@code set}, block by block, telling {@code progress} the rows done
     * after {@code doneBefore}.
     */
    static double[] measure(Trainer trainer, Dataset set, ProgressBar progress, long doneBefore) {
        if (set.size() <= BLOCK_ROWS) {
            double[] m = trainer.measure(set);
            progress.update(doneBefore + set.size(), m[0]);
            return m;
        }
        double[] sums = null;
        for (int from = 0; from < set.size(); from += BLOCK_ROWS) {
            int[] rows = new int[Math.min(BLOCK_ROWS, set.size() - from)];
            for (int k = 0; k < rows.length; k++) {
                rows[k] = from + k;
            }
            double[] m = trainer.measure(set.subset(rows));
            sums = sums == null ? new double[m.length] : sums;
            for (int i = 0; i < m.length; i++) {
                sums[i] += m[i] * rows.length;
            }
            progress.update(doneBefore + from + rows.length, sums[0] / (from + rows.length));
        }
        for (int i = 0; i < sums.length; i++) {
            sums[i] /= set.size();
        }
        return sums;
    }
}
