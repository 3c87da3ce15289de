package dev.backprop.playground.ui;

import dev.backprop.playground.train.Snapshot;
import java.util.Locale;

/**
 * The status line's speed: steps per second for single examples; with mini-batches (or training by
 * epochs) the samples per second and the epochs so far too, since a step of 64 images is not a step of one point.
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
        boolean epochs = train > 0 && (perStep > 1 || s.config().epochs().byEpoch());
        String epoch = epochs ? String.format(Locale.ROOT, ", epoch %.1f", epochsSeen(s, perStep, train)) : "";
        if (!s.running()) {
            return "   paused" + epoch;
        }
        if (perStep <= 1) {
            return String.format(Locale.ROOT, "   %,.0f steps/s%s", s.stepsPerSecond(), epoch);
        }
        return String.format(Locale.ROOT, "   %,.0f samples/s (%,.0f steps/s)%s", s.stepsPerSecond() * perStep,
                s.stepsPerSecond(), epoch);
    }

    /**
     * Passes over the training set so far, from the engine's count of the examples the steps took (a
     * batch size changed on the way counts each step at its own size); step x batch when it is not known.
     */
    static double epochsSeen(Snapshot s, int perStep, int train) {
        long samples = s.samplesSeen() >= 0 ? s.samplesSeen() : s.step() * perStep;
        return (double) samples / train;
    }
}
