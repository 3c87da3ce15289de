package dev.backprop.playground.train;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/** Waiting on a running session from a test: the engine thread publishes, the test polls. */
final class Sessions {
    private Sessions() {
    }

    /** The first snapshot meeting {@code p}, within 20 s; else an error saying what did not come. */
    static Snapshot await(TrainingSession s, String what, Predicate<Snapshot> p) throws InterruptedException {
        long end = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < end) {
            Snapshot x = s.latest();
            if (p.test(x)) {
                return x;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("timed out waiting for " + what + "; step " + s.latest().step() + ", message: "
                + s.latest().message());
    }

    static Snapshot await(TrainingSession s, Predicate<Snapshot> p) throws InterruptedException {
        return await(s, "a snapshot", p);
    }

    /** A reader whose reads begin only when the test lets them: a slow disk, made deterministic. */
    static Executor diskUntil(CountDownLatch ready) {
        return work -> new Thread(() -> {
            try {
                ready.await();
            } catch (InterruptedException e) {
                return;
            }
            work.run();
        }).start();
    }
}
