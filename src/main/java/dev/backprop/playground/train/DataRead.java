package dev.backprop.playground.train;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The data of a {@link Command.ChooseData} being read off the engine thread (the full Fashion-MNIST
 * takes seconds to read and unpack), while the engine goes on training and answering; the command
 * is applied once the read is done.
 */
final class DataRead {
    private final DataChoice choice;
    private final CompletableFuture<DataChoice.Read> data;

    /** Starts reading {@code choice}, split by {@code testRatio} from {@code seed}, on {@code reader}. */
    DataRead(DataChoice choice, double testRatio, long seed, Executor reader) {
        this.choice = choice;
        this.data = CompletableFuture.supplyAsync(() -> choice.read(testRatio, seed), reader);
    }

    DataChoice choice() {
        return choice;
    }

    boolean done() {
        return data.isDone();
    }

    /** Waits up to {@code millis} for the read to end. */
    void awaitUpTo(long millis) throws InterruptedException {
        try {
            data.get(millis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // done with a failure (result() says it), or not yet
        }
    }

    /** "reading fashion (28x28) …" */
    String progress() {
        return "reading " + choice + " \u2026";
    }

    /** The data read; what the read threw, as it threw it. */
    DataChoice.Read result() {
        return dev.backprop.playground.engine.Failures.join(data);
    }
}
