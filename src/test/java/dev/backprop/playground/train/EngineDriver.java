package dev.backprop.playground.train;

/** Runs a {@link SessionEngine} on the test's thread: commands applied at once, steps taken until done. */
final class EngineDriver {
    private EngineDriver() {
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
