package dev.backprop.playground.train;

import dev.backprop.playground.engine.nn.Initializer;
import dev.backprop.playground.engine.nn.Limits;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.Sequential;
import dev.backprop.playground.io.ModelJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/** The session's model I/O: a loaded model is checked completely, against the app's limits too, before it is adopted. */
final class ModelFiles {
    private ModelFiles() {
    }

    /** A network read from a file with the spec it has. */
    record Loaded(Sequential network, NetworkSpec spec) {
    }

    /**
     * Reads {@code file} within the app's limits (so a big file cannot stall the engine) and checks
     * that the app can train it.
     *
     * @throws IllegalArgumentException naming what is wrong ("model.json: layer 3: in=20 but ...")
     */
    static Loaded load(Path file, Initializer init) throws IOException {
        return check(ModelJson.read(file, Limits.APP_MAX_MODEL_BYTES, Limits.APP_MAX_PARAMETERS), init);
    }

    /** {@code net} with its spec, if the app can train it (the spec names {@code init} for later rebuilds). */
    static Loaded check(Sequential net, Initializer init) {
        NetworkSpec spec;
        try {
            spec = NetworkSpec.describing(net, init);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model.json: " + e.getMessage(), e);
        }
        String problem = Command.appProblem(spec);
        if (problem != null) {
            throw new IllegalArgumentException("model.json: " + problem);
        }
        return new Loaded(net, spec);
    }

    /**
     * A model.json being read and parsed off the engine thread (the engine goes on training meanwhile);
     * {@link #progress} says how far it got, for the status line.
     */
    static final class Read {
        private final Path file;
        private final long size;
        private final AtomicLong chars = new AtomicLong();
        private final CompletableFuture<Sequential> network;

        Read(Path file, Executor reader) {
            this.file = file;
            long bytes;
            try {
                bytes = Files.size(file);
            } catch (IOException | RuntimeException e) {
                bytes = -1; // the read says why
            }
            this.size = bytes;
            this.network = CompletableFuture.supplyAsync(() -> {
                try {
                    return ModelJson.read(file, Limits.APP_MAX_MODEL_BYTES, Limits.APP_MAX_PARAMETERS, chars::set);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, reader);
        }

        Path file() {
            return file;
        }

        boolean done() {
            return network.isDone();
        }

        /** Waits up to {@code millis} for the read to end. */
        void awaitUpTo(long millis) throws InterruptedException {
            try {
                network.get(millis, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // done with a failure (result() says it), or not yet
            }
        }

        /** "loading model.json: 40% of 1.5 MB" */
        String progress() {
            String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
            if (size <= 0) {
                return "loading " + name + " \u2026";
            }
            return String.format(Locale.ROOT, "loading %s: %d%% of %.1f MB \u2026", name,
                    Math.min(100, 100 * chars.get() / size), size / 1e6);
        }

        /**
         * The network read, checked as {@link #load} checks it.
         *
         * @throws IOException or IllegalArgumentException as {@link #load} would have
         */
        Loaded result(Initializer init) throws IOException {
            Sequential net;
            try {
                net = network.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw e;
            }
            return check(net, init);
        }
    }

    static void save(Path file, Sequential network) throws IOException {
        ModelJson.write(file, network);
    }
}
