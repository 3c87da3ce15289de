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

    /** Why {@code every} is refused for a run of {@code steps}, or null. */
    static String problem(long every, long steps) {
        if (every < 1) {
            return "--checkpoint-every must be at least 1, got " + every;
        }
        long files = steps / every + 2;
        return files <= Checkpoints.MAX_FILES ? null : String.format(java.util.Locale.ROOT,
                "--checkpoint-every %d writes about %,d checkpoints for %,d steps: at most %,d (raise N)", every, files,
                steps, Checkpoints.MAX_FILES);
    }

    /** The next step at which a checkpoint is due after {@code step}. */
    long next(long step) {
        return Math.min(lastStep, (step / every + 1) * every);
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
