package dev.backprop.playground.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on stderr, shown only once a run has lasted a second (short runs stay
 * quiet) and redrawn at most ten times a second.
 */
final class ProgressBar {
    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final long total;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean shown;

    ProgressBar(PrintStream out, long total) {
        this.out = out;
        this.total = total;
    }

    void update(long done, double loss) {
        long now = System.nanoTime();
        if (now - start < SHOW_AFTER_NANOS || now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        shown = true;
        double fraction = total == 0 ? 1 : (double) done / total;
        int filled = (int) Math.round(fraction * WIDTH);
        double rate = done / ((now - start) / 1e9);
        out.printf(Locale.ROOT, "\rtraining [%s%s] %3.0f%%  step %d/%d  loss %.4f  %.0f steps/s ",
                "#".repeat(filled), "-".repeat(WIDTH - filled), 100 * fraction, done, total, loss, rate);
        out.flush();
    }

    void finish() {
        if (shown) {
            out.println();
        }
    }
}
