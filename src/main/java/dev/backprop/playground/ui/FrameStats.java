package dev.backprop.playground.ui;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Frame timing for developers and the app benchmark ({@code src/bench/app-speed.sh}). On with
 * {@code -Dplayground.frameStats=true}: every five seconds prints the interval between frames (median,
 * 95th percentile, max) and the FX thread's work per frame (the app's timers, CSS and layout: from the
 * pulse's start to the end of its layout pass). {@code -Dplayground.frameLog=FILE} also writes one line per
 * frame, {@code start_ms interval_ms fx_ms step}, for a script to take any span's percentiles. FX thread only.
 */
final class FrameStats {
    static final boolean ENABLED = Boolean.getBoolean("playground.frameStats")
            || System.getProperty("playground.frameLog") != null;
    private static final int WINDOW = 1024;
    private static final long REPORT_NANOS = 5_000_000_000L;

    private final double[] intervals = new double[WINDOW];
    private final double[] work = new double[WINDOW];
    private final boolean print = Boolean.getBoolean("playground.frameStats");
    private BufferedWriter log;
    private int count;
    private long pulseStart;
    private double pulseInterval = Double.NaN;
    private long pulseStep;
    private long lastReport;

    FrameStats() {
        String file = System.getProperty("playground.frameLog");
        if (file != null) {
            try {
                log = Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                System.err.println("frame log: cannot write " + file + " (" + e.getMessage() + "); printing only");
            }
        }
    }

    /** A pulse began at {@code now} (System.nanoTime's origin) with the engine at {@code step}. */
    void pulse(long now, long step) {
        pulseInterval = pulseStart == 0 ? Double.NaN : (now - pulseStart) / 1e6;
        pulseStart = now;
        pulseStep = step;
        if (lastReport == 0) {
            lastReport = now;
        }
    }

    /** The pulse's layout pass ended at {@code now}: its FX-thread work is known. */
    void laidOut(long now) {
        if (pulseStart == 0 || Double.isNaN(pulseInterval)) {
            return;
        }
        double fx = (now - pulseStart) / 1e6;
        if (count < WINDOW) {
            intervals[count] = pulseInterval;
            work[count] = fx;
            count++;
        }
        writeLine(fx);
        if (now - lastReport > REPORT_NANOS && count > 0) {
            report();
            count = 0;
            lastReport = now;
        }
    }

    private void writeLine(double fx) {
        if (log == null) {
            return;
        }
        try {
            log.write(String.format(Locale.ROOT, "%.3f %.3f %.3f %d%n", pulseStart / 1e6, pulseInterval, fx, pulseStep));
        } catch (IOException e) {
            System.err.println("frame log: " + e.getMessage() + "; no more lines");
            log = null;
        }
    }

    private void report() {
        if (log != null) {
            try {
                log.flush();
            } catch (IOException e) {
                log = null;
            }
        }
        if (!print) {
            return;
        }
        double[] i = Arrays.copyOf(intervals, count);
        double[] w = Arrays.copyOf(work, count);
        Arrays.sort(i);
        Arrays.sort(w);
        System.err.printf(Locale.ROOT, "frames: %d, interval median %.1f ms p95 %.1f ms max %.1f ms;"
                        + " FX thread per frame median %.2f ms p95 %.2f ms max %.2f ms%n",
                count, quantile(i, 0.5), quantile(i, 0.95), i[count - 1], quantile(w, 0.5), quantile(w, 0.95), w[count - 1]);
    }

    /** The {@code q} quantile of sorted {@code a} (nearest rank). */
    static double quantile(double[] sorted, double q) {
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
