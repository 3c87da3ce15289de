package dev.backprop.playground.train;

import java.util.Locale;

/**
 * Where the engine thread's time goes, for developers: on with {@code -Dplayground.frameStats=true}
 * (beside the UI's frame timings), every five seconds it prints the training rate and the share of
 * wall time spent training, measuring metrics, computing the boundary grid and the neuron pictures,
 * building the graph, predicting off the plane, copying the first layer's weights, publishing snapshots and resting for the window's frames ({@link FramePacer}).
 * Engine thread only; off, every call is one branch.
 */
final class EngineStats {
    static final boolean ENABLED = Boolean.getBoolean("playground.frameStats");
    private static final long REPORT_NANOS = 5_000_000_000L;

    /** What the engine thread spends its time on. */
    enum Part { TRAIN, METRICS, GRID, THUMBNAILS, GRAPH, PUBLISH, REST, PREDICTIONS, WEIGHTS }

    private final long[] nanos = new long[Part.values().length];
    private final int[] counts = new int[Part.values().length];
    private long windowStart = System.nanoTime();
    private long windowSteps = -1;

    /** Books {@code elapsed} nanoseconds to {@code part}. */
    void add(Part part, long elapsed) {
        if (ENABLED) {
            nanos[part.ordinal()] += elapsed;
            counts[part.ordinal()]++;
        }
    }

    /** Prints and restarts the window when five seconds have passed; {@code steps} is the trainer's count. */
    void reportIfDue(long steps) {
        if (!ENABLED) {
            return;
        }
        long now = System.nanoTime();
        if (windowSteps < 0) {
            windowSteps = steps;
        }
        long wall = now - windowStart;
        if (wall < REPORT_NANOS) {
            return;
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "engine: %,.0f steps/s;",
                (steps - windowSteps) / (wall / 1e9)));
        for (Part p : Part.values()) {
            int i = p.ordinal();
            line.append(String.format(Locale.ROOT, " %s %.0f%% (%d x %.2f ms)", p.name().toLowerCase(Locale.ROOT),
                    100.0 * nanos[i] / wall, counts[i], counts[i] == 0 ? 0 : nanos[i] / 1e6 / counts[i]));
        }
        System.err.println(line);
        java.util.Arrays.fill(nanos, 0);
        java.util.Arrays.fill(counts, 0);
        windowStart = now;
        windowSteps = steps;
    }
}
