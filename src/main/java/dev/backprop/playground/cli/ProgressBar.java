package dev.backprop.playground.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A one-line progress bar on stderr, shown only once a task has lasted a second (short ones stay
 * quiet) and redrawn at most ten times a second: "training ... step 400/1000" or "evaluating ...
 * point 400,000/1,000,000".
 */
final class ProgressBar {
    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final long total;
    private final String task;
    private final String unit;
    private final long showAfterNanos;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean shown;

    /** A bar of training steps. */
    ProgressBar(PrintStream out, long total) {
        this(new PrintWriter(out, false, StandardCharsets.UTF_8), total, "training", "step", SHOW_AFTER_NANOS);
    }

    /** A bar of {@code total} {@code unit}s done by {@code task}, shown once it has run {@code showAfterNanos}. */
    ProgressBar(PrintWriter out, long total, String task, String unit, long showAfterNanos) {
        this.out = out;
        this.total = total;
        this.task = task;
        this.unit = unit;
        this.showAfterNanos = showAfterNanos;
    }

    void update(long done, double loss) {
        long now = System.nanoTime();
        if (now - start < showAfterNanos || shown && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        shown = true;
        double fraction = total == 0 ? 1 : (double) done / total;
        int filled = (int) Math.round(fraction * WIDTH);
        double rate = done / Math.max(1e-9, (now - start) / 1e9);
        out.printf(Locale.ROOT, "\r%s [%s%s] %3.0f%%  %s %d/%d  loss %.4f  %.0f %ss/s ", task,
                "#".repeat(filled), "-".repeat(WIDTH - filled), 100 * fraction, unit, done, total, loss, rate, unit);
        out.flush();
    }

    void finish() {
        if (shown) {
            out.println();
            out.flush();
        }
    }
}
