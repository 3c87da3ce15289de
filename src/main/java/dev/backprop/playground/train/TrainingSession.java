package dev.backprop.playground.train;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.nn.DecisionGrid;
import dev.backprop.playground.engine.nn.DecisionGridEvaluator;
import dev.backprop.playground.engine.nn.Metrics;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.NetworkStepper;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.engine.nn.Sequential;
import dev.backprop.playground.graph.GraphModel;
import dev.backprop.playground.graph.NetworkGraphBuilder;
import dev.backprop.playground.io.ModelJson;
import dev.backprop.playground.render.Heatmap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine thread: owns the {@link Trainer}, applies {@link Command}s from a queue, trains at the
 * requested speed, and publishes an immutable {@link Snapshot} into an AtomicReference. Every
 * {@code snapshotEvery} steps (250) it measures the network and computes a boundary frame.
 * The UI only calls {@link #send} and {@link #latest}: neither blocks.
 */
public final class TrainingSession implements AutoCloseable {
    public static final double UNTHROTTLED = Double.POSITIVE_INFINITY;
    /** Default speed: a 10,000-step run animates for 4 s, ten boundary frames a second. */
    public static final double DEFAULT_SPEED = 2500;
    public static final int GRID_SIZE = 200;
    /** Longest stretch of training between two looks at the queue, so commands apply promptly. */
    private static final long SLICE_NANOS = 20_000_000L;
    /**
     * Boundary grids are computed at most this often (about 30 a second, what a screen shows):
     * unthrottled, a grid every 250 steps would cost more than the training. At the default speed
     * a 250-step frame comes every 100 ms, so every one gets its grid.
     */
    private static final long GRID_EVERY_NANOS = 33_000_000L;
    /** The graph is rebuilt for publishing at most this often while training. */
    private static final long GRAPH_EVERY_NANOS = 100_000_000L;

    private final LinkedBlockingQueue<Command> queue = new LinkedBlockingQueue<>();
    private final AtomicReference<Snapshot> latest = new AtomicReference<>();
    private final Thread thread;

    // engine-thread state
    private TrainingConfig config;
    private Trainer trainer;
    /** The step-through in progress, or null. */
    private NetworkStepper stepper;
    private DecisionGridEvaluator gridEvaluator;
    private final MetricsLog history = new MetricsLog();
    private final List<Long> rebuilds = new ArrayList<>();
    private DecisionGrid grid;
    private int[] gridPixels;
    private long gridStep = -1;
    private long lastGridNanos;
    private GraphModel graph;
    private long lastGraphNanos;
    private boolean running;
    private long stepsToTake;
    private double speed = DEFAULT_SPEED;
    private double stepCredit;
    private long lastTick;
    private double measuredSpeed;
    private long speedWindowStart;
    private long speedWindowSteps;
    private String divergence = "";
    private String message = "";
    private volatile boolean stopped;

    public TrainingSession(TrainingConfig config) {
        this.config = config;
        start(Trainer.split(config));
        publish();
        thread = new Thread(this::run, "training-engine");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a command; never blocks. */
    public void send(Command command) {
        queue.add(command);
    }

    /** The most recent snapshot; never null, never blocks. */
    public Snapshot latest() {
        return latest.get();
    }

    @Override
    public void close() {
        send(new Command.Shutdown());
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return thread.isAlive();
    }

    // ---- engine thread ------------------------------------------------------------------------

    private void run() {
        try {
            while (!stopped) {
                boolean busy = running || stepsToTake > 0;
                Command c = busy ? queue.poll() : queue.poll(50, TimeUnit.MILLISECONDS);
                if (c != null) {
                    List<Command> batch = new ArrayList<>();
                    batch.add(c);
                    queue.drainTo(batch);
                    for (Command command : Commands.coalesce(batch)) {
                        if (!stopped) {
                            apply(command);
                        }
                    }
                    publish();
                    continue;
                }
                if (busy) {
                    trainSlice();
                    publish();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            running = false;
            divergence = "the engine stopped: " + e;
            publish();
            throw e;
        }
    }

    private void apply(Command c) {
        if (stepper != null && endsStepThrough(c)) {
            if (c instanceof Command.Play || c instanceof Command.Step) {
                stepper.complete(); // finish the step being shown, so training goes on from a whole step
            }
            stepper = null;
            refreshGraph();
        }
        if (c instanceof Command.NodeForward || c instanceof Command.NodeBack || c instanceof Command.FinishPass) {
            stepThrough(c);
        } else if (c instanceof Command.Play) {
            if (divergence.isEmpty()) {
                running = true;
                lastTick = System.nanoTime();
                stepCredit = 0;
                speedWindowStart = 0;
            }
        } else if (c instanceof Command.Pause) {
            running = false;
            stepsToTake = 0;
        } else if (c instanceof Command.Step s) {
            running = false;
            if (divergence.isEmpty()) {
                stepsToTake += s.steps();
            }
        } else if (c instanceof Command.Reset) {
            start(trainer.data());
            message = "reset: new weights from seed " + config.seed();
        } else if (c instanceof Command.SetLearningRate s) {
            config = config.withLearningRate(s.learningRate());
            trainer.setLearningRate(s.learningRate());
            message = String.format(Locale.ROOT, "learning rate %.3g (weights kept)", s.learningRate());
        } else if (c instanceof Command.SetSpeed s) {
            speed = s.stepsPerSecond();
            lastTick = System.nanoTime();
            stepCredit = 0;
        } else if (c instanceof Command.SetNetwork s) {
            if (!s.spec().equals(config.network())) {
                config = config.withNetwork(s.spec());
                rebuild("network rebuilt as " + s.spec().describe() + " " + s.spec().activation().id());
            }
        } else if (c instanceof Command.SetOptimizer s) {
            if (s.kind() != config.optimizer()) {
                config = config.withOptimizer(s.kind());
                trainer.rebuildOptimizer(s.kind());
                message = "optimizer " + s.kind().id() + " (weights kept, fresh optimizer state)";
            }
        } else if (c instanceof Command.SetBatchSize s) {
            config = config.withBatchSize(s.batchSize());
            trainer.setBatchSize(s.batchSize());
            message = "batch size " + trainer.batchSize();
        } else if (c instanceof Command.SetData s) {
            config = config.withData(s.dataset(), s.samples(), s.noise(), s.seed());
            start(Trainer.split(config));
            message = "new data: " + s.dataset().id() + ", " + s.samples() + " points, noise " + s.noise();
        } else if (c instanceof Command.SaveModel s) {
            try {
                ModelJson.write(s.file(), trainer.network());
                message = "saved the model to " + s.file();
            } catch (IOException | RuntimeException e) {
                message = "could not save the model to " + s.file() + ": " + e.getMessage();
            }
        } else if (c instanceof Command.LoadModel s) {
            try {
                Sequential net = ModelJson.read(s.file());
                NetworkSpec spec = NetworkSpec.describing(net, config.network().init());
                config = config.withNetwork(spec);
                trainer.adopt(net, spec);
                networkReplaced("loaded " + spec.describe() + " from " + s.file());
            } catch (IOException | RuntimeException e) {
                message = "could not load " + s.file() + ": " + e.getMessage();
            }
        } else if (c instanceof Command.Shutdown) {
            stopped = true;
        }
    }

    /** Commands after which a step-through cannot go on where it was. */
    private static boolean endsStepThrough(Command c) {
        return c instanceof Command.Play || c instanceof Command.Step || c instanceof Command.Reset
                || c instanceof Command.SetNetwork || c instanceof Command.SetData || c instanceof Command.LoadModel;
    }

    private void stepThrough(Command c) {
        if (!divergence.isEmpty()) {
            return;
        }
        running = false;
        stepsToTake = 0;
        long stepsBefore = trainer.steps();
        if (c instanceof Command.NodeBack) {
            if (stepper == null) {
                return;
            }
            stepper.back();
        } else {
            if (stepper == null || !stepper.hasNext()) {
                stepper = new NetworkStepper(trainer); // the next training step
            }
            if (c instanceof Command.NodeForward) {
                stepper.next();
            } else {
                stepper.finishPass();
            }
        }
        // the update ran just now (not merely shown again after a step back): the chart moves on
        if (trainer.steps() != stepsBefore && trainer.steps() % config.snapshotEvery() == 0) {
            frame();
        }
        NetworkStepper.Step current = stepper.current();
        message = current == null ? "step-through: press Node \u25b8 (Right) for the first node"
                : String.format(Locale.ROOT, "step-through %d/%d: %s", stepper.position(), stepper.total(), current.text());
        refreshGraph();
    }

    /** A fresh trainer on {@code data}, with history, grid and graph recomputed. */
    private void start(DataSplit data) {
        stepper = null;
        trainer = new Trainer(data, config);
        trainer.previewForward();
        gridEvaluator = DecisionGridEvaluator.around(data.all(), GRID_SIZE, GRID_SIZE);
        history.clear();
        rebuilds.clear();
        divergence = "";
        running = false;
        stepsToTake = 0;
        frame();
        refreshGraph();
    }

    /** A new network of the config's shape mid-run: the step count and the history go on. */
    private void rebuild(String why) {
        trainer.rebuild(config.network(), config.optimizer(), new Random(config.seed() + 1 + trainer.steps()));
        networkReplaced(why);
    }

    /** After the trainer got another network: mark the chart, measure it, lay out its graph. */
    private void networkReplaced(String why) {
        trainer.previewForward();
        markRebuild();
        divergence = "";
        frame();
        refreshGraph();
        message = why;
    }

    /** One chart mark per step, however many rebuilds a slider drag made there. */
    private void markRebuild() {
        if (rebuilds.isEmpty() || rebuilds.get(rebuilds.size() - 1) != trainer.steps()) {
            rebuilds.add(trainer.steps());
        }
    }

    /** Trains for one slice: as many steps as the speed allows, stopping at boundary frames. */
    private void trainSlice() {
        long start = System.nanoTime();
        long due = stepsDue(start);
        long done = 0;
        while (done < due && System.nanoTime() - start < SLICE_NANOS) {
            double loss = trainer.step();
            done++;
            if (stepsToTake > 0) {
                stepsToTake--; // paused, due was the steps asked for: the loop ends with them
            }
            if (!Double.isFinite(loss)) {
                diverge("the loss of step " + trainer.steps() + " became " + loss);
                break;
            }
            if (trainer.steps() % config.snapshotEvery() == 0 && frame()) {
                break;
            }
        }
        stepCredit -= done;
        measureSpeed();
        if (due == 0) {
            // throttled and nothing due yet: sleep a little instead of spinning
            sleepUntilNextStep();
        }
        if (System.nanoTime() - lastGraphNanos > GRAPH_EVERY_NANOS || !running) {
            refreshGraph();
        }
        boolean stopped = !running && stepsToTake == 0;
        long lastFrameStep = trainer.steps() - trainer.steps() % config.snapshotEvery();
        List<Metrics> rows = history.view();
        if (stopped && gridStep != lastFrameStep && rows.get(rows.size() - 1).step() == lastFrameStep) {
            refreshGrid(); // paused: the last 250-step frame gets its boundary even if it was skipped
        }
    }

    /** Throughput over wall time (sleeps included), refreshed every half second. */
    private void measureSpeed() {
        long now = System.nanoTime();
        if (speedWindowStart == 0) {
            speedWindowStart = now;
            speedWindowSteps = trainer.steps();
        } else if (now - speedWindowStart >= 500_000_000L) {
            measuredSpeed = (trainer.steps() - speedWindowSteps) / ((now - speedWindowStart) / 1e9);
            speedWindowStart = now;
            speedWindowSteps = trainer.steps();
        }
    }

    private long stepsDue(long now) {
        if (!running) {
            return stepsToTake;
        }
        if (speed == UNTHROTTLED) {
            return Long.MAX_VALUE;
        }
        stepCredit = Math.min(stepCredit + speed * (now - lastTick) / 1e9, Math.max(1, speed / 10));
        lastTick = now;
        return (long) Math.floor(stepCredit);
    }

    private void sleepUntilNextStep() {
        double missing = 1 - stepCredit;
        long nanos = (long) Math.min(20_000_000L, Math.max(1_000_000L, missing / speed * 1e9));
        try {
            Thread.sleep(nanos / 1_000_000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    /**
     * A boundary frame: metrics row, divergence check, and the decision grid unless one was made
     * less than {@link #GRID_EVERY_NANOS} ago. Returns true if training blew up.
     */
    private boolean frame() {
        Metrics m = trainer.evaluate();
        history.add(m);
        if (System.nanoTime() - lastGridNanos >= GRID_EVERY_NANOS || !running) {
            refreshGrid();
        }
        if (m.diverged()) {
            diverge(m.divergenceReason());
            return true;
        }
        return false;
    }

    private void refreshGrid() {
        grid = gridEvaluator.evaluate(trainer.network());
        gridPixels = Heatmap.pixels(grid);
        gridStep = trainer.steps();
        lastGridNanos = System.nanoTime();
    }

    private void diverge(String why) {
        running = false;
        stepsToTake = 0;
        divergence = "Training diverged at step " + trainer.steps() + ": " + why
                + String.format(Locale.ROOT, ". Try a smaller learning rate (now %.3g), then Reset.", config.learningRate());
        refreshGraph();
    }

    private void refreshGraph() {
        NetworkGraphBuilder.Reveal reveal = null;
        double loss = trainer.lastLoss();
        if (stepper != null) {
            NetworkStepper.Step current = stepper.current();
            reveal = new NetworkGraphBuilder.Reveal(stepper.pendingData(), stepper.knownGrads(),
                    current == null || current.phase() == NetworkStepper.Phase.UPDATE ? null : current.nodeId(),
                    current == null ? "" : current.text());
            loss = stepper.loss();
        }
        graph = NetworkGraphBuilder.build(trainer.network(), trainer.lastBatchFeatures(), trainer.lastBatchLabels(),
                loss, reveal);
        lastGraphNanos = System.nanoTime();
    }

    private void publish() {
        latest.set(new Snapshot(trainer.steps(), running, config, trainer.data(), history.view(),
                List.copyOf(rebuilds), grid, gridPixels, graph, trainer.lastLoss(), running ? measuredSpeed : 0,
                divergence, message, stepView()));
    }

    private Snapshot.StepView stepView() {
        if (stepper == null) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        for (NetworkStepper.Step s : stepper.revealed()) {
            lines.add(s.phase().name().toLowerCase(Locale.ROOT) + "  " + s.text());
        }
        return new Snapshot.StepView(lines, stepper.position(), stepper.total(), stepper.isComplete());
    }
}
