package dev.backprop.playground.cli;

import dev.backprop.playground.io.MetricsCsv;
import java.util.Locale;

/**
 * The rows a headless run writes to metrics.csv (one per snapshot, plus the first and the last; they
 * go to the file as they come, none is held): bounded up front by what the app can open again
 * ({@link MetricsCsv#MAX_ROWS}), so a run of many steps and a small {@code --snapshot-every} is
 * refused before it trains rather than after, with a file Open run would refuse.
 */
final class MetricsRows {
    private MetricsRows() {
    }

    /** Why a run of {@code steps} steps with a row every {@code every} steps is refused, or null. */
    static String problem(long steps, long every) {
        long rows = steps / Math.max(1, every); // + 2 below, compared without overflow
        return rows <= MetricsCsv.MAX_ROWS - 2 ? null : String.format(Locale.ROOT,
                "--snapshot-every %d keeps about %,d metrics rows for %,d steps: at most %,d (raise --snapshot-every "
                        + "to %,d or more)", every, rows, steps, MetricsCsv.MAX_ROWS, steps / (MetricsCsv.MAX_ROWS - 2) + 1);
    }
}
