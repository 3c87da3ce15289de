package dev.backprop.playground.ui;

import java.util.Arrays;
import java.util.Locale;

/**
 * Frame timing for developers, on with {@code -Dplayground.frameStats=true}: every five seconds
 * prints the median and worst interval between frames and time spent rendering a snapshot.
 */
final class FrameStats {
    static final boolean ENABLED = Boolean.getBoolean("playground.frameStats");
    private static final int WINDOW = 300;

    private final double[] intervals = new double[WINDOW];
    private final double[] renders = new double[WINDOW];
    private int count;
    private long lastFrame;
    private long lastReport = System.nanoTime();

    void frame(long now, long renderNanos) {
        if (lastFrame != 0 && count < WINDOW) {
            intervals[count] = (now - lastFrame) / 1e6;
            renders[count] = renderNanos / 1e6;
            count++;
        }
        lastFrame = now;
        if (now - lastReport > 5_000_000_000L && count > 0) {
            double[] i = Arrays.copyOf(intervals, count);
            double[] r = Arrays.copyOf(renders, count);
            Arrays.sort(i);
            Arrays.sort(r);
            System.err.printf(Locale.ROOT, "frames: %d, interval median %.1f ms max %.1f ms, render median %.2f ms max %.2f ms%n",
                    count, i[count / 2], i[count - 1], r[count / 2], r[count - 1]);
            count = 0;
            lastReport = now;
        }
    }
}
