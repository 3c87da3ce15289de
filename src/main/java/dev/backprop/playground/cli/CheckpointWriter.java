package dev.backprop.playground.cli;

import dev.backprop.playground.engine.nn.Parameter;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.io.Checkpoints;
import dev.backprop.playground.io.ModelJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code train --checkpoint-every N}: the weights at step 0, every N steps and the last step, as
 * {@code checkpoints/step-<N>.json} in model.json format, so the app can rebuild the run's timeline.
 * A diverged network (NaN weights) gets no checkpoint: it could not be opened.
 */
final class CheckpointWriter {
    private final Path folder;
    private final long every;
    private final long lastStep;
    private long written = -1;

    /** Writes into {@code folder} (created here); {@code every} at least 1. */
    CheckpointWriter(Path folder, long every, long lastStep) throws IOException {
        this.folder = Files.createDirectories(folder);
        this.every = every;
        this.lastStep = lastStep;
    }

    /** Why {@code every} is refused for a run that takes {@code steps} steps, or null. */
    static String problem(long every, long steps) {
        if (every < 1) {
            return "--checkpoint-every must be at least 1, got " + every;
        }
        // step 0 (or the start), every N-th step and the last: steps / every + 2 files, counted without overflow
        long multiples = steps / every;
        return multiples <= Checkpoints.MAX_FILES - 2 ? null : String.format(java.util.Locale.ROOT,
                "--checkpoint-every %d writes about %,d checkpoints for %,d steps: at most %,d (raise N)", every,
                multiples > Long.MAX_VALUE - 2 ? multiples : multiples + 2, steps, Checkpoints.MAX_FILES);
    }

    /** The next step at which a checkpoint is due after {@code step}. */
    long next(long step) {
        long next = step - step % every + every;
        return next < 0 ? lastStep : Math.min(lastStep, next); // past Long.MAX_VALUE: only the last is left
    }

    /** Writes the checkpoint of the trainer's current step if one is due and not written yet. */
    void writeIfDue(Trainer trainer) throws IOException {
        long step = trainer.steps();
        if (step == written || (step % every != 0 && step != lastStep) || !finite(trainer)) {
            return;
        }
        ModelJson.write(folder.resolve(Checkpoints.fileName(step)), trainer.network());
        written = step;
    }

    private static boolean finite(Trainer trainer) {
        for (Parameter p : trainer.network().parameters()) {
            for (double v : p.value().data) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }
}
