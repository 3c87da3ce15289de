package dev.backprop.playground.bench;

import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.DecisionGridEvaluator;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.engine.value.Mlp;
import dev.backprop.playground.engine.value.Value;
import dev.backprop.playground.graph.GraphModel;
import dev.backprop.playground.graph.GraphNode;
import dev.backprop.playground.graph.LayeredLayout;
import dev.backprop.playground.graph.NetworkGraphBuilder;
import dev.backprop.playground.graph.NodeKind;
import dev.backprop.playground.graph.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The performance figures of docs/performance.md, each a median after warm-up. Sizes are chosen so every
 * timed run lasts tens of milliseconds or more on a laptop-class core.
 */
public final class Benchmarks {
    /** One line of the report. */
    public record Figure(String key, String description, double value, String unit, Measure.Result detail) {
    }

    private final int runs;
    private final double scale;

    /** {@code quick} divides the work by ten (for smoke tests), otherwise full size. */
    public Benchmarks(boolean quick) {
        this.runs = quick ? 3 : 7;
        this.scale = quick ? 0.1 : 1;
    }

    private long n(long full) {
        return Math.max(1, (long) (full * scale));
    }

    /** The benchmarks by name, in report order. Each is meant to run in a JVM of its own. */
    public static final List<String> NAMES = List.of("per-sample", "batch32", "batch256", "full-batch",
            "softmax-per-sample", "softmax-batch32", "fused", "value", "grid", "layout100", "layout1000", "snapshot", "neuron-view", "session",
            "wide-session", "rebuild", "load", "images");

    public List<Figure> run(String name) {
        return switch (name) {
            case "per-sample" -> List.of(perSample());
            case "batch32" -> List.of(miniBatch(32));
            case "batch256" -> List.of(miniBatch(256));
            case "full-batch" -> List.of(fullBatch());
            case "softmax-per-sample" -> List.of(softmax(1));
            case "softmax-batch32" -> List.of(softmax(32));
            case "fused" -> fused();
            case "value" -> valueEngine();
            case "grid" -> List.of(decisionGrid());
            case "layout100" -> List.of(layout(100));
            case "layout1000" -> List.of(layout(1000));
            case "snapshot" -> List.of(graphSnapshot());
            case "neuron-view" -> neuronView();
            case "session" -> List.of(session());
            case "wide-session" -> timed(() -> Responsiveness.wideSession(scale < 1));
            case "rebuild" -> timed(() -> Responsiveness.rebuild(scale < 1));
            case "load" -> timed(() -> Responsiveness.load(scale < 1));
            case "images" -> images();
            default -> throw new IllegalArgumentException("unknown benchmark '" + name + "' (" + String.join(", ", NAMES) + ")");
        };
    }

    /** Runs a benchmark that waits on a session or writes a file; their exceptions end the benchmark. */
    private static List<Figure> timed(java.util.concurrent.Callable<List<Figure>> benchmark) {
        try {
            return benchmark.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Trainer moons(int batch) {
        TrainingConfig c = TrainingConfig.defaults().withBatchSize(batch).withData(DatasetKind.MOONS, 2000, 0.1, 0);
        return Trainer.fromConfig(new TrainingConfig(c.dataset(), c.samples(), c.noise(), 0, c.seed(), c.network(),
                c.optimizer(), c.learningRate(), c.batchSize(), c.steps(), c.snapshotEvery()));
    }

    /** A 3-arm spiral on 2-50-3 with softmax + cross-entropy: the multiclass head beside the sigmoid one. */
    private static Trainer spiral3(int batch) {
        TrainingConfig c = TrainingConfig.defaults().withBatchSize(batch).withData(DatasetKind.SPIRAL, 2000, 0.02, 0, 3);
        return Trainer.fromConfig(c);
    }

    Figure softmax(int batch) {
        long steps = batch == 1 ? n(500_000) : n(2_000_000 / batch);
        Measure.Result r = Measure.median(batch == 1 ? 3 : 2, runs, training(spiral3(batch), steps, batch));
        return batch == 1
                ? new Figure("softmax_per_sample_steps_per_s", "per-sample SGD, 2-50-3 softmax on a 3-arm spiral "
                        + "(steps/s)", r.medianRate(), "steps/s", r)
                : new Figure("softmax_batch" + batch + "_samples_per_s", "mini-batch " + batch + ", 2-50-3 softmax "
                        + "(samples/s)", r.medianRate(), "samples/s", r);
    }

    /** {@code steps} training steps, counted as {@code unitsPerStep} units each (samples for mini-batches). */
    private static Measure.Work training(Trainer t, long steps, long unitsPerStep) {
        return () -> {
            for (long i = 0; i < steps; i++) {
                t.step();
            }
            return steps * unitsPerStep;
        };
    }

    /**
     * The engine against {@link FusedLoop}, the same per-sample work hand-fused over primitive arrays
     * (the practical limit). Runs alternate between the two in this JVM, so a busy moment on a shared
     * machine slows both rather than one; the ratio is the median of the per-pair ratios.
     */
    List<Figure> fused() {
        Trainer engine = moons(1);
        TrainingConfig c = TrainingConfig.defaults();
        // the trainer's sampling stream: seeded so, then one permutation drawn for mini-batches
        Random sampling = new Random(c.seed() ^ 0x5DEECE66DL);
        dev.backprop.playground.engine.data.Shuffle.permutation(engine.data().train().size(), sampling);
        FusedLoop loop = new FusedLoop(engine.network(), engine.data().train(), sampling, c.learningRate());
        long steps = n(500_000);
        Measure.Work fusedWork = () -> {
            for (long i = 0; i < steps; i++) {
                loop.step();
            }
            return steps;
        };
        Measure.Work engineWork = training(engine, steps, 1);
        Measure.Result warm = Measure.median(3, 1, fusedWork);
        Measure.median(3, 1, engineWork);
        double[] fusedRates = new double[runs];
        double[] ratios = new double[runs];
        for (int i = 0; i < runs; i++) {
            fusedRates[i] = Measure.median(0, 1, fusedWork).medianRate();
            ratios[i] = Measure.median(0, 1, engineWork).medianRate() / fusedRates[i];
        }
        java.util.Arrays.sort(fusedRates);
        java.util.Arrays.sort(ratios);
        Measure.Result f = new Measure.Result(steps / fusedRates[runs / 2], fusedRates[runs / 2], fusedRates[0],
                fusedRates[runs - 1], runs);
        Measure.Result r = new Measure.Result(warm.medianSeconds(), ratios[runs / 2], ratios[0], ratios[runs - 1], runs);
        return List.of(
                new Figure("fused_per_sample_steps_per_s", "hand-fused loop, per-sample 2-50-1 (steps/s)",
                        f.medianRate(), "steps/s", f),
                new Figure("per_sample_fused_ratio", "engine per-sample over the hand-fused loop (x)", r.medianRate(),
                        "x", r));
    }

    /**
     * Seed 003's MLP, 784-100-10 ReLU with softmax + cross-entropy at batch 64, one epoch (60,000
     * samples) a run, with plain SGD and with momentum, and the multiply-adds per second that means:
     * the forward and dL/dW of both layers and dL/dh of the second, the work PyTorch's loop does.
     */
    private static final String KERNEL = dev.backprop.playground.engine.nn.DenseKernel.vectorized() ? "Vector API"
            : "scalar loops: no jdk.incubator.vector";

    List<Figure> images() {
        List<Figure> figures = new ArrayList<>();
        for (var kind : List.of(dev.backprop.playground.engine.nn.OptimizerKind.SGD,
                dev.backprop.playground.engine.nn.OptimizerKind.MOMENTUM)) {
            ImageWorkload w = new ImageWorkload(ImageWorkload.POOL, kind, 0);
            Random shuffle = new Random(1);
            Measure.Result r = Measure.median(2, runs, () -> w.epoch(shuffle, scale));
            String name = kind.id();
            figures.add(new Figure("images_" + name + "_samples_per_s", "784-100-10 ReLU softmax, batch 64, " + name
                    + ", " + KERNEL + " (samples/s)", r.medianRate(), "samples/s", r));
        }
        double macsPerSample = 2.0 * (ImageWorkload.PIXELS * ImageWorkload.HIDDEN + ImageWorkload.HIDDEN
                * ImageWorkload.CLASSES) + ImageWorkload.HIDDEN * ImageWorkload.CLASSES;
        Measure.Result sgd = figures.get(0).detail();
        Measure.Result g = new Measure.Result(sgd.medianSeconds(), sgd.medianRate() * macsPerSample / 1e9,
                sgd.minRate() * macsPerSample / 1e9, sgd.maxRate() * macsPerSample / 1e9, sgd.runs());
        figures.add(new Figure("images_gmacs", "784-100-10 sgd: multiply-adds of forward and dL/dW (G/s)",
                g.medianRate(), "GMAC/s", g));
        return figures;
    }

    Figure perSample() {
        Measure.Result r = Measure.median(3, runs, training(moons(1), n(500_000), 1));
        return new Figure("per_sample_steps_per_s", "per-sample SGD, 2-50-1 on moons (steps/s)", r.medianRate(),
                "steps/s", r);
    }

    Figure miniBatch(int batch) {
        Measure.Result r = Measure.median(2, runs, training(moons(batch), n(2_000_000 / batch), batch));
        return new Figure("batch" + batch + "_samples_per_s", "mini-batch " + batch + ", 2-50-1 (samples/s)",
                r.medianRate(), "samples/s", r);
    }

    Figure fullBatch() {
        Measure.Result r = Measure.median(2, runs, training(moons(Integer.MAX_VALUE), n(500), 1));
        return new Figure("full_batch_steps_per_s", "full batch of 2000 points, 2-50-1 (steps/s)", r.medianRate(),
                "steps/s", r);
    }

    /** Seed 001's engine: MLP(2, [16, 16, 1]) trained one example at a time (squared error, labels +-1). */
    List<Figure> valueEngine() {
        TrainingConfig c = TrainingConfig.defaults();
        var data = Trainer.split(c).train();
        Mlp mlp = new Mlp(2, new int[] {16, 16, 1}, new Random(1), false);
        Random pick = new Random(2);
        long steps = n(10_000);
        Measure.Result r = Measure.median(2, runs, () -> {
            for (long i = 0; i < steps; i++) {
                int j = pick.nextInt(data.size());
                Value out = mlp.call(data.x1(j), data.x2(j));
                Value loss = out.sub(data.label(j) == 1 ? 1 : -1).pow(2);
                loss.backward();
                mlp.step(0.01);
            }
            return steps;
        });
        // every step builds a graph of the same size; count it once, outside the timing
        double nodesPerStep = mlp.call(0.5, 0.5).sub(1).pow(2).topologicalOrder().size();
        Measure.Result v = new Measure.Result(r.medianSeconds(), r.medianRate() * nodesPerStep,
                r.minRate() * nodesPerStep, r.maxRate() * nodesPerStep, r.runs());
        return List.of(
                new Figure("value_steps_per_s", "Value engine, MLP(2,[16,16,1]) per-sample (steps/s)", r.medianRate(),
                        "steps/s", r),
                new Figure("value_node_visits_per_s", String.format("Value engine node visits (%.0f nodes/step)",
                        nodesPerStep), v.medianRate(), "visits/s", v));
    }

    Figure decisionGrid() {
        Trainer t = moons(1);
        DecisionGridEvaluator grid = DecisionGridEvaluator.around(t.data().all(), 200, 200);
        Measure.Result r = Measure.median(20, Math.max(runs, 21), () -> {
            grid.evaluate(t.network());
            return 1;
        });
        return new Figure("grid_200_ms", "decision grid 200x200, 2-50-1 (ms)", r.medianSeconds() * 1e3, "ms", r);
    }

    Figure layout(int nodes) {
        GraphModel g = randomDag(nodes, new Random(nodes));
        Measure.Result r = Measure.median(10, runs, () -> {
            LayeredLayout.layout(g);
            return 1;
        });
        return new Figure("layout_" + nodes + "_ms", "layered layout (ELK) of " + nodes + " nodes (ms)",
                r.medianSeconds() * 1e3, "ms", r);
    }

    /**
     * What the neuron view costs the engine, for a 2-8-8-8-8-8-8-1 tanh network: its pictures (every
     * unit over a 32x32 grid, made with each boundary frame, at most 30 a second) and its graph (at
     * most ten a second), against the tensor view's graph. The share is the engine time they take at
     * those cadences: what an unthrottled run loses to the view. Timed directly: a session's own rate
     * on this shared machine moves by more than the view costs.
     */
    List<Figure> neuronView() {
        TrainingConfig d = TrainingConfig.defaults();
        TrainingConfig c = d.withNetwork(new dev.backprop.playground.engine.nn.NetworkSpec(2, new int[] {8, 8, 8, 8, 8, 8},
                dev.backprop.playground.engine.nn.Activation.TANH, d.network().loss(), d.network().init()));
        Trainer t = Trainer.fromConfig(c);
        t.step();
        var pictures = new dev.backprop.playground.graph.NeuronThumbnails(
                DecisionGridEvaluator.equalAspectBounds(t.data().all(), 1));
        long count = n(2_000);
        Measure.Result thumbs = Measure.median(2, runs, () -> {
            for (long i = 0; i < count; i++) {
                pictures.compute(t.network());
            }
            return count;
        });
        var made = pictures.compute(t.network());
        Measure.Result neurons = Measure.median(2, runs, () -> {
            for (long i = 0; i < count; i++) {
                dev.backprop.playground.graph.NeuronGraphBuilder.build(t.network(), t.lastBatchFeatures(), t.lastBatchLabels(),
                        t.lastLoss(), null, made);
            }
            return count;
        });
        Measure.Result tensors = Measure.median(2, runs, () -> {
            for (long i = 0; i < count; i++) {
                NetworkGraphBuilder.build(t.network(), t.lastBatchFeatures(), t.lastBatchLabels(), t.lastLoss());
            }
            return count;
        });
        double thumbUs = 1e6 / thumbs.medianRate();
        double neuronUs = 1e6 / neurons.medianRate();
        double tensorUs = 1e6 / tensors.medianRate();
        double gridsPerSecond = 1e9 / dev.backprop.playground.train.TrainingSession.GRID_EVERY_NANOS;
        double graphsPerSecond = 1e9 / dev.backprop.playground.train.TrainingSession.GRAPH_EVERY_NANOS;
        double share = (gridsPerSecond * thumbUs + graphsPerSecond * (neuronUs - tensorUs)) / 1e6;
        return List.of(
                new Figure("neuron_pictures_us", "neuron view pictures, 2-8x6-1, 49 units x 32x32 (microseconds)",
                        thumbUs, "us", thumbs),
                new Figure("neuron_graph_us", "neuron view graph, 2-8x6-1 (microseconds)", neuronUs, "us", neurons),
                new Figure("tensor_graph_us", "tensor view graph, 2-8x6-1 (microseconds)", tensorUs, "us", tensors),
                new Figure("neuron_view_engine_share", "share of engine time the neuron view takes at its cadence",
                        share, "x", thumbs));
    }

    /**
     * The app's engine without the app: the default network (2-50-1 on moons, the view the app picks)
     * trained unthrottled by a {@link dev.backprop.playground.train.TrainingSession}, with everything
     * it publishes (metrics, grid, graph, snapshots). Beside the UI the app cannot beat this figure.
     */
    Figure session() {
        double seconds = scale < 1 ? 0.5 : 3;
        double rate = sessionRate(TrainingConfig.defaults(), null, seconds);
        return new Figure("session_steps_per_s", "app session, 2-50-1 unthrottled, no UI (steps/s)", rate, "steps/s",
                new Measure.Result(seconds, rate, rate, rate, 1));
    }

    static double sessionRate(TrainingConfig c, dev.backprop.playground.graph.GraphView view, double seconds) {
        try (dev.backprop.playground.train.TrainingSession s = new dev.backprop.playground.train.TrainingSession(c)) {
            if (view != null) {
                s.send(new dev.backprop.playground.train.Command.SetGraphView(view));
            }
            s.send(new dev.backprop.playground.train.Command.SetSpeed(dev.backprop.playground.train.TrainingSession.UNTHROTTLED));
            s.send(new dev.backprop.playground.train.Command.Play());
            Thread.sleep((long) (seconds * 500)); // warm-up
            long step0 = s.latest().step();
            long t0 = System.nanoTime();
            Thread.sleep((long) (seconds * 1000));
            long steps = s.latest().step() - step0;
            return steps / ((System.nanoTime() - t0) / 1e9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    Figure graphSnapshot() {
        Trainer t = moons(1);
        t.step();
        long count = n(10_000);
        Measure.Result r = Measure.median(2, runs, () -> {
            for (long i = 0; i < count; i++) {
                NetworkGraphBuilder.build(t.network(), t.lastBatchFeatures(), t.lastBatchLabels(), t.lastLoss());
            }
            return count;
        });
        return new Figure("graph_snapshot_us", "GraphModel snapshot of 2-50-1 (microseconds)", 1e6 / r.medianRate(),
                "us", r);
    }

    /** A DAG shaped like a computation graph: each node fed by one or two recent ones. */
    public static GraphModel randomDag(int size, Random r) {
        List<GraphNode> nodes = new ArrayList<>();
        Map<String, GraphModel.Edge> edges = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            boolean record = r.nextBoolean();
            nodes.add(new GraphNode("n" + i, "n" + i, record ? NodeKind.VALUE : NodeKind.OP, "+",
                    record ? Tensor.scalar(r.nextGaussian()) : null, null, "", false));
            for (int k = 0; i > 0 && k < 1 + r.nextInt(2); k++) {
                int from = Math.max(0, i - 1 - r.nextInt(Math.min(i, 30)));
                GraphModel.Edge e = new GraphModel.Edge("n" + from, "n" + i);
                edges.put(e.from() + ">" + e.to(), e);
            }
        }
        return new GraphModel("random DAG of " + size, nodes, new ArrayList<>(edges.values()));
    }
}
