package dev.backprop.playground.ui;

import dev.backprop.playground.train.Snapshot;
import java.util.Locale;

/**
 * The status line's speed: steps per second for single examples; with mini-batches the samples per
 * second and the epochs so far too, since a step of 64 images is not a step of one point.
 */
final class SpeedText {
    private SpeedText() {
    }

    /** "   2,500 steps/s", "   12,800 samples/s (200 steps/s), epoch 3.2", or "   paused" (plus the epoch). */
    static String of(Snapshot s) {
        int batch = s.config().batchSize();
        int train = s.data().train().size();
        // "full" is a batch as large as the training set
        int perStep = Math.min(batch, Math.max(1, train));
        String epoch = perStep > 1 && train > 0
                ? String.format(Locale.ROOT, ", epoch %.1f", (double) s.step() * perStep / train) : "";
        if (!s.running()) {
            return "   paused" + epoch;
        }
        if (perStep <= 1) {
            return String.format(Locale.ROOT, "   %,.0f steps/s", s.stepsPerSecond());
        }
        return String.format(Locale.ROOT, "   %,.0f samples/s (%,.0f steps/s)%s", s.stepsPerSecond() * perStep,
                s.stepsPerSecond(), epoch);
    }
}
