package dev.backprop.playground.ui;

import dev.backprop.playground.engine.nn.Metrics;
import dev.backprop.playground.train.Snapshot;
import java.util.List;
import java.util.Locale;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * A run kept for comparison ("Pin this run"): its loss curve, drawn as a ghost on the chart, and its
 * final boundary as a thumbnail, named by the settings that made it.
 */
record PinnedRun(String name, List<Metrics> history, WritableImage boundary) {
    /** Pins at most this many runs: the chart stays readable. */
    static final int MAX_PINS = 4;

    /** Pins what {@code s} shows (call on the FX thread: the thumbnail is an image). */
    static PinnedRun of(Snapshot s) {
        WritableImage image = null;
        if (s.grid() != null && s.gridPixels() != null) {
            image = new WritableImage(s.grid().width(), s.grid().height());
            image.getPixelWriter().setPixels(0, 0, s.grid().width(), s.grid().height(),
                    PixelFormat.getIntArgbInstance(), s.gridPixels(), 0, s.grid().width());
        }
        String name = String.format(Locale.ROOT, "%s %s lr %s %s", s.config().network().describe(),
                s.config().optimizer().id(), compact(s.config().learningRate()), s.config().network().init().id());
        return new PinnedRun(name, List.copyOf(s.history()), image);
    }

    private static String compact(double v) {
        return String.format(Locale.ROOT, "%.3g", v).replaceAll("\\.?0+$", "");
    }
}
