package dev.backprop.playground.bench;

import dev.backprop.playground.engine.nn.Initializer;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.io.ModelJson;
import dev.backprop.playground.train.Command;
import dev.backprop.playground.train.Snapshot;
import dev.backprop.playground.train.TrainingSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * How the app's engine answers while a wide network keeps it busy (issue 18): a session as the app
 * drives it, without the UI, timed from outside the way a user feels it.
 */
final class Responsiveness {
    private Responsiveness() {
    }

    /** The widest network the app's sliders reach: 4 hidden layers of 128 (50,049 weights). */
    private static NetworkSpec wide(TrainingConfig c, int width) {
        // xavier: init normal saturates a network this deep before its first step
        return c.network().withHidden(width, width, width, width).withInit(Initializer.XAVIER);
    }

    /**
     * Paused, the hidden size switched between 4x128 and 4x127: milliseconds from the command to the first
     * snapshot with the new network, and a command's latency while the full 200x200 grid is being made.
     */
    static List<Benchmarks.Figure> rebuild(boolean quick) throws InterruptedException {
        TrainingConfig c = TrainingConfig.defaults();
        int rounds = quick ? 3 : 9;
        List<Double> toSnapshot = new ArrayList<>();
        List<Double> commandLatency = new ArrayList<>();
        try (TrainingSession s = new TrainingSession(c)) {
            for (int i = 0; i < rounds + 2; i++) {
                NetworkSpec spec = wide(c, i % 2 == 0 ? 128 : 127);
                long t0 = System.nanoTime();
                s.send(new Command.SetNetwork(spec));
                while (!s.latest().config().network().equals(spec)) {
                    Thread.onSpinWait();
                }
                long t1 = System.nanoTime();
                Thread.sleep(200); // past the 150 ms the hand is given: the full grid is under way
                double lr = 0.011 + i * 0.001;
                long t2 = System.nanoTime();
                s.send(new Command.SetLearningRate(lr));
                while (s.latest().config().learningRate() != lr) {
                    Thread.onSpinWait();
                }
                long t3 = System.nanoTime();
                while (s.latest().grid().width() != TrainingSession.GRID_SIZE) {
                    Thread.sleep(1);
                }
                if (i >= 2) { // the first two warm the JIT
                    toSnapshot.add((t1 - t0) / 1e6);
                    commandLatency.add((t3 - t2) / 1e6);
                }
            }
        }
        return List.of(
                millis("rebuild_to_snapshot_ms", "paused 4x128 hidden-size rebuild to its first snapshot (ms)", toSnapshot),
                millis("command_during_full_grid_ms", "a command's latency while a 4x128 full grid is made (ms)",
                        commandLatency));
    }

    /**
     * Playing at the default speed, a 2-158x4-1 model (75,000 weights, 1.5 MB) loaded: the longest time
     * without a new snapshot from the command until the model is in and its chart row measured (the
     * engine's longest pause for the load; later training frames of so wide a network are not the load's).
     */
    static List<Benchmarks.Figure> load(boolean quick) throws Exception {
        TrainingConfig c = TrainingConfig.defaults();
        Path file = Files.createTempFile("bench-model", ".json");
        try {
            ModelJson.write(file, wide(c, 158).build(new Random(1)));
            int rounds = quick ? 3 : 9;
            List<Double> pauses = new ArrayList<>();
            try (TrainingSession s = new TrainingSession(c)) {
                for (int i = 0; i < rounds + 2; i++) {
                    s.send(new Command.SetNetwork(c.network()));
                    s.send(new Command.Play());
                    Thread.sleep(500);
                    long version = s.latest().configVersion();
                    int rows = s.latest().history().size();
                    long t0 = System.nanoTime();
                    s.send(new Command.LoadModel(file));
                    Snapshot last = s.latest();
                    long lastAt = t0;
                    long longest = 0;
                    while (!loadedAndMeasured(s.latest(), version, rows)) {
                        Snapshot x = s.latest();
                        long now = System.nanoTime();
                        if (x != last) {
                            longest = Math.max(longest, now - lastAt);
                            last = x;
                            lastAt = now;
                        }
                    }
                    if (i >= 2) {
                        pauses.add(longest / 1e6);
                    }
                    s.send(new Command.Pause());
                    Thread.sleep(200);
                }
            }
            return List.of(millis("load_pause_ms", "longest engine pause for loading a 75k-weight model (ms)", pauses));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * 2-128x4-1 trained unthrottled in a session (frames, grids and graphs as the app has them), and the
     * same network's plain per-sample loop in this JVM: the session's rate and its share of the loop's.
     */
    static List<Benchmarks.Figure> wideSession(boolean quick) throws InterruptedException {
        TrainingConfig c = TrainingConfig.defaults().withNetwork(wide(TrainingConfig.defaults(), 128));
        double seconds = quick ? 0.5 : 3;
        Trainer t = Trainer.fromConfig(c);
        long steps = quick ? 2_000 : 20_000;
        Measure.Result loop = Measure.median(1, quick ? 1 : 3, () -> {
            for (long i = 0; i < steps; i++) {
                t.step();
            }
            return steps;
        });
        double session = Benchmarks.sessionRate(c, null, seconds);
        return List.of(
                new Benchmarks.Figure("wide_loop_steps_per_s", "per-sample SGD, 2-128x4-1, the trainer's loop (steps/s)",
                        loop.medianRate(), "steps/s", loop),
                new Benchmarks.Figure("wide_session_steps_per_s", "app session, 2-128x4-1 unthrottled, no UI (steps/s)",
                        session, "steps/s", new Measure.Result(seconds, session, session, session, 1)),
                new Benchmarks.Figure("wide_session_share", "app session 2-128x4-1 over its trainer's loop",
                        session / loop.medianRate(), "x", new Measure.Result(seconds, session / loop.medianRate(),
                        session / loop.maxRate(), session / loop.minRate(), 1)));
    }

    /** The model is in, and so is its chart row at the step it came (what training after it waits for). */
    private static boolean loadedAndMeasured(Snapshot s, long versionBefore, int rowsBefore) {
        if (s.configVersion() == versionBefore || s.rebuilds().isEmpty() || s.history().size() <= rowsBefore) {
            return false;
        }
        return s.history().get(s.history().size() - 1).step() == s.rebuilds().get(s.rebuilds().size() - 1);
    }

    /** A figure in milliseconds: the median of {@code ms}, with its spread. */
    private static Benchmarks.Figure millis(String key, String description, List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2);
        // Measure.Result keeps rates: a time of m ms is a rate of 1e3 / m a second
        return new Benchmarks.Figure(key, description, median, "ms", new Measure.Result(median / 1e3, 1e3 / median,
                1e3 / sorted.get(sorted.size() - 1), 1e3 / sorted.get(0), sorted.size()));
    }
}
