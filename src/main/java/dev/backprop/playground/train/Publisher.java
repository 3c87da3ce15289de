package dev.backprop.playground.train;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.nn.DecisionGrid;
import dev.backprop.playground.engine.nn.DecisionGridEvaluator;
import dev.backprop.playground.engine.nn.NetworkCurve;
import dev.backprop.playground.engine.nn.NetworkStepper;
import dev.backprop.playground.engine.nn.NeuronGrid;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.graph.GraphView;
import dev.backprop.playground.graph.NeuronThumbnails;
import dev.backprop.playground.graph.Thumbnail;
import java.util.Map;
import dev.backprop.playground.render.Heatmap;

/**
 * The boundary slice's publisher: what the engine shows of the network's outputs and how often it
 * recomputes it: the decision grid (at most every {@link #GRID_EVERY_NANOS} while training; coarse first
 * after a rebuild, the full one in row bands), the confusion matrix with it, a one-input network's curve,
 * and the neuron pictures; and whether the network tab is shown, which gates the graph too
 * ({@link GraphPublisher}, at most every {@link GraphPublisher#GRAPH_EVERY_NANOS}).
 * Engine thread only; everything handed out is immutable or never written again.
 */
final class Publisher {
    static final int GRID_SIZE = 200;
    /**
     * Boundary grids are computed at most this often (about 30 a second, what a screen shows):
     * unthrottled, a grid every 250 steps would cost more than the training. At the default speed
     * a 250-step frame comes every 100 ms, so every one gets its grid.
     */
    static final long GRID_EVERY_NANOS = 33_000_000L;
    /**
     * After a rebuild the boundary comes first at this resolution (a sixteenth of the points): a wide
     * network's full grid takes longer than a frame, and a slider drag rebuilds many times a second.
     */
    static final int COARSE_GRID_SIZE = 50;
    /**
     * Multiply-adds the coarse grid may take (about 7 ms here): a network so wide that 50x50 would take
     * more gets a coarser one still (4x128 hidden: 22x22), at least {@link #MIN_COARSE_GRID_SIZE} a side.
     */
    static final long COARSE_GRID_BUDGET = 25_000_000L;
    static final int MIN_COARSE_GRID_SIZE = 16;
    /** The full grid follows once no rebuild came for this long: the hand has stopped. */
    static final long SETTLE_NANOS = 150_000_000L;
    /**
     * Multiply-adds (weights x cells) of a grid computed in one go: about 33 ms on the build machine
     * (0.28 ns each, measured on 4x128), a frame at 30 a second. A wider network's full grid is made in
     * row bands between commands, and while training it gets the coarse grid. The default 2-50-1 (201
     * weights, 8M) and 2-50-50-1 (2,751 weights, 110M) fit; 2-64-64-1 (4,417) and 4x128 do not.
     */
    static final long GRID_FRAME_BUDGET = 120_000_000L;

    private final EngineStats stats;
    /** Null when the data is not the plane: no grid then (one input gets a curve instead). */
    private DecisionGridEvaluator gridEvaluator;
    /** The x range a one-input network's curve spans, or null for data of more inputs. */
    private double[] curveSpan;
    private NetworkCurve curve = NetworkCurve.NONE;
    private DecisionGridEvaluator coarseEvaluator;
    /** When the full grid is due after a coarse one (the engine clock), or 0 when none is pending. */
    private long fullGridAt;
    private DecisionGrid grid;
    private int[] gridPixels;
    private long gridStep = -1;
    private long lastGridNanos;
    /** Whether {@link #grid} is at full resolution (not a coarse one shown first). */
    private boolean gridIsFull;
    /** What the last grid took to compute, in nanoseconds. */
    private long lastGridCost;
    /** The full grid being computed in row bands, or null. */
    private DecisionGridEvaluator.Pass fullPass;
    private Confusion confusion = Confusion.EMPTY;
    /** Each neuron's picture over the plane, made with the grid while the neuron view is shown. */
    private Map<String, Thumbnail> thumbnails = Map.of();
    private NeuronThumbnails neuronThumbnails;
    /** False while the network tab is hidden: nobody sees the grid or the graph, so neither is made. */
    private boolean shown = true;
    /** The cadence of grids and graphs, and the time they take, by the engine's clock. */
    private final EngineClock clock;

    /** The boundary grid's side: {@link #GRID_SIZE} in the app; smaller for tests that run thousands of sessions. */
    private final int gridSize;
    /** The graph, made with this grid's neuron pictures, when this publisher says it is shown. */
    private final GraphPublisher graphs;

    Publisher(EngineStats stats, EngineClock clock) {
        this(stats, clock, GRID_SIZE);
    }

    Publisher(EngineStats stats, EngineClock clock, int gridSize) {
        this.stats = stats;
        this.clock = clock;
        this.gridSize = gridSize;
        this.graphs = new GraphPublisher(stats, clock);
    }

    /** The graph and what shapes it (view, expanded layers, lit unit, trace). */
    GraphPublisher graphs() {
        return graphs;
    }

    /** New data: the grid spans its points; data off the plane (images, tables) has no grid. */
    void newData(DataSplit data) {
        boolean planar = data.all().inputs().isPlanar();
        gridEvaluator = planar ? DecisionGridEvaluator.around(data.all(), gridSize, gridSize) : null;
        grid = null;
        gridPixels = null;
        confusion = Confusion.EMPTY;
        curve = NetworkCurve.NONE;
        curveSpan = !planar && data.all().width() == 1 ? NetworkCurve.span(data.all()) : null;
        coarseEvaluator = null;
        neuronThumbnails = null;
        fullPass = null;
        fullGridAt = 0; // a coarse grid pending was the old network's: the next grid is full
    }

    /**
     * Recomputes the grid unless one was made lately while training: less than {@link #GRID_EVERY_NANOS}
     * ago, or than three times what the last one took (a wide network's grids stay under a quarter of the
     * engine's time). While training, a network whose full grid does not fit a frame gets the coarse one.
     */
    void gridIfDue(Trainer trainer, boolean running) {
        if (!hasGrid(trainer) && curveSpan == null) {
            return;
        }
        long interval = Math.max(GRID_EVERY_NANOS, 3 * lastGridCost);
        if (clock.nanoTime() - lastGridNanos >= interval || !running) {
            if (!hasGrid(trainer)) {
                refreshCurve(trainer);
            } else if (nanosUntilFullGrid() > 0 || (running && !fullGridFitsAFrame(trainer))) {
                refreshGrid(trainer, coarse(trainer)); // dragging, or training a wide network: the coarse grid keeps up
            } else {
                refreshGrid(trainer);
            }
        }
    }

    /** The coarse grid's side for a network of {@code weights}: see {@link #COARSE_GRID_BUDGET}. */
    static int coarseSide(long weights) {
        double side = Math.sqrt((double) COARSE_GRID_BUDGET / Math.max(1, weights));
        return (int) Math.max(MIN_COARSE_GRID_SIZE, Math.min(COARSE_GRID_SIZE, side));
    }

    /** The evaluator of the coarse grid for {@code trainer}'s network, over the full grid's rectangle. */
    private DecisionGridEvaluator coarse(Trainer trainer) {
        int side = coarseSide(trainer.network().parameterCount());
        if (coarseEvaluator == null || coarseEvaluator.width() != side) {
            coarseEvaluator = new DecisionGridEvaluator(side, side, gridEvaluator.bounds());
        }
        return coarseEvaluator;
    }

    /** Whether {@code trainer}'s full grid takes at most {@link #GRID_FRAME_BUDGET} multiply-adds. */
    boolean fullGridFitsAFrame(Trainer trainer) {
        return !hasGrid(trainer) || gridEvaluator.cost(trainer.network()) <= GRID_FRAME_BUDGET;
    }

    /**
     * Whether {@code trainer}'s network has a decision grid: it sees the plane (x1, x2 or features of
     * them) and colours one output. Images, wider tables and several targets have none.
     */
    private boolean hasGrid(Trainer trainer) {
        return gridEvaluator != null && NeuronGrid.covers(trainer.network());
    }

    /**
     * A network was just rebuilt: the next grid (due at once) and any until the hand stops are coarse;
     * the full one when {@link #nanosUntilFullGrid} reaches 0.
     */
    void coarseUntilSettled() {
        fullGridAt = clock.nanoTime() + SETTLE_NANOS;
        lastGridNanos = 0;
    }

    /** Nanoseconds until the full grid is due after a coarse one (0: due now), or -1 when none is pending. */
    long nanosUntilFullGrid() {
        return fullGridAt == 0 ? -1 : Math.max(0, fullGridAt - clock.nanoTime());
    }

    /**
     * Works on the full grid that is due until {@code deadline} (System.nanoTime, by which the rows are
     * timed; a row at least), and shows it once every row is done: true then. The network must not have
     * changed since the pass began: anything that might change it calls {@link #interruptFullGrid} first.
     */
    boolean advanceFullGrid(Trainer trainer, long deadline) {
        if (!shown || !hasGrid(trainer)) {
            fullGridAt = 0; // the tab shown again refreshes the grid anyway
            return true;
        }
        long t0 = clock.nanoTime();
        boolean done;
        try {
            if (fullPass == null) {
                fullPass = gridEvaluator.begin(trainer.network());
            }
            done = fullPass.advanceUntil(deadline);
        } catch (RuntimeException | Error e) {
            fullPass = null; // not retried on every cycle: the next grid comes with the next refresh
            fullGridAt = 0;
            throw e;
        }
        if (!done) {
            stats.add(EngineStats.Part.GRID, clock.nanoTime() - t0);
            return false;
        }
        DecisionGrid g = fullPass.grid();
        fullPass = null;
        fullGridAt = 0;
        long spent = clock.nanoTime() - t0;
        stats.add(EngineStats.Part.GRID, spent + show(trainer, g, true));
        return true;
    }

    /**
     * Training stopped (a pause, the steps asked for, a divergence): a coarse grid left from training a
     * wide network gets its full one, made in row bands from now on.
     */
    void settle() {
        if (shown && !gridIsFull && fullGridAt == 0 && grid != null) {
            fullGridAt = clock.nanoTime();
        }
    }

    /** The network may change now (a command, training): a full grid under way starts again when next due. */
    void interruptFullGrid() {
        fullPass = null;
    }

    /** The network tab shown or hidden; shown again, the grid and the graph catch up at once. */
    void setShown(boolean networkTab, Trainer trainer, NetworkStepper stepper) {
        boolean comesBack = networkTab && !shown;
        shown = networkTab;
        if (comesBack) {
            refreshGrid(trainer);
            refreshGraph(trainer, stepper);
        }
    }

    boolean shown() {
        return shown;
    }

    /**
     * The full grid now, if it fits a frame; else the coarse one now and the full one in row bands
     * between commands ({@link #advanceFullGrid}), so a wide network never holds the engine for long.
     */
    void refreshGrid(Trainer trainer) {
        fullPass = null;
        if (!hasGrid(trainer)) {
            refreshCurve(trainer); // sets fullGridAt = 0; no curve off one input
            return;
        }
        if (fullGridFitsAFrame(trainer)) {
            fullGridAt = 0;
            refreshGrid(trainer, gridEvaluator);
        } else {
            refreshGrid(trainer, coarse(trainer));
            fullGridAt = clock.nanoTime(); // due at once
        }
    }

    private void refreshGrid(Trainer trainer, DecisionGridEvaluator evaluator) {
        if (!shown) {
            return;
        }
        long t0 = clock.nanoTime();
        DecisionGrid g = evaluator.evaluate(trainer.network());
        lastGridCost = clock.nanoTime() - t0;
        stats.add(EngineStats.Part.GRID, lastGridCost + show(trainer, g, evaluator == gridEvaluator));
    }

    /**
     * Publishes {@code g}, with the confusion matrix and the neuron pictures that go with it; returns
     * the nanoseconds the grid's part took (the pixels and the matrix; the pictures are booked apart).
     */
    private long show(Trainer trainer, DecisionGrid g, boolean full) {
        long t0 = clock.nanoTime();
        gridPixels = Heatmap.pixels(g);
        grid = g;
        gridIsFull = full;
        // the matrix goes with the full boundary: one more pass over the training set per frame (as long
        // as the coarse grid on a wide network), so during a drag the last one stays for the moment
        if (full || confusion == Confusion.EMPTY) {
            confusion = new Confusion(trainer.confusion(trainer.data().train()), trainer.steps());
        }
        long t1 = clock.nanoTime(); // the thumbnails' time starts after the matrix
        // the neuron pictures go with the boundary: the same cadence, nothing when the view is hidden
        if (graphs.view(trainer) == GraphView.NEURONS) {
            if (neuronThumbnails == null) {
                neuronThumbnails = new NeuronThumbnails(new double[] {g.minX1(), g.maxX1(), g.minX2(), g.maxX2()});
            }
            thumbnails = neuronThumbnails.compute(trainer.network(), graphs.expanded());
            stats.add(EngineStats.Part.THUMBNAILS, clock.nanoTime() - t1);
        } else {
            thumbnails = Map.of();
        }
        gridStep = trainer.steps();
        lastGridNanos = clock.nanoTime();
        return t1 - t0;
    }

    /** One input: the network's curve along x, at the grid's cadence; data of more inputs off the plane has neither. */
    private void refreshCurve(Trainer trainer) {
        fullGridAt = 0;
        if (!shown) {
            return;
        }
        long t0 = clock.nanoTime();
        curve = curveSpan != null && trainer.network().inputSize() == 1
                ? NetworkCurve.of(trainer.network(), curveSpan, NetworkCurve.POINTS, trainer.steps()) : NetworkCurve.NONE;
        gridStep = trainer.steps();
        lastGridNanos = clock.nanoTime();
        lastGridCost = lastGridNanos - t0;
        stats.add(EngineStats.Part.GRID, lastGridCost);
    }

    NetworkCurve curve() {
        return curve;
    }

    long gridStep() {
        return gridStep;
    }

    /** The graph of the last step, or of the step-through in progress, with the neuron pictures made with the grid. */
    void refreshGraph(Trainer trainer, NetworkStepper stepper) {
        if (shown) {
            graphs.refresh(trainer, stepper, thumbnails);
        } else {
            graphs.skip(); // the hidden tab costs nothing
        }
    }

    /**
     * Whether {@code all} is shown by its rows (a gallery, a table plot with predictions) rather than over
     * the plane: inputs other than two, or two with several real targets (iris's petal), which no
     * boundary shows.
     */
    static boolean offThePlane(dev.backprop.playground.engine.data.Dataset all) {
        return !all.inputs().isPlanar() || all.targets() > 1;
    }

    DecisionGrid grid() {
        return grid;
    }

    int[] gridPixels() {
        return gridPixels;
    }

    Confusion confusion() {
        return confusion;
    }
}
