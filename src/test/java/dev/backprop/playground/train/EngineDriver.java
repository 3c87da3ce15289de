package dev.backprop.playground.train;

import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.TrainingConfig;

/** Runs a {@link SessionEngine} on the test's thread: commands applied at once, steps taken until done. */
final class EngineDriver {
    private EngineDriver() {
    }

    /** An engine on the default settings' blobs (seed 004's two classes) with a clock the test moves. */
    static SessionEngine onBlobs() {
        TrainingConfig d = TrainingConfig.defaults();
        return new SessionEngine(d.withData(DatasetKind.BLOBS, d.samples(), d.noise(), d.seed()), new ManualClock());
    }

    /** Applies {@code commands} in order, then trains until the steps asked for are taken. */
    static Snapshot apply(SessionEngine engine, Command... commands) throws InterruptedException {
        for (Command c : commands) {
            engine.apply(c);
        }
        int guard = 0;
        while (engine.scheduler().busy() && !engine.scheduler().running()) {
            engine.trainSlice();
            if (++guard > 1_000_000) {
                throw new AssertionError("the engine never finished its steps");
            }
        }
        return engine.snapshot();
    }
}
