package dev.backprop.playground.train;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.nn.DecisionGrid;
import dev.backprop.playground.engine.nn.EpochErrors;
import dev.backprop.playground.engine.nn.Metrics;
import dev.backprop.playground.engine.nn.NetworkCurve;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.graph.GraphModel;
import java.util.List;

/**
 * Everything the UI shows, as of one moment of the engine thread. Immutable: the engine publishes
 * a new one, the UI reads the latest at frame rate and never touches the model. It is made of one
 * record per slice of the engine thread, each that slice's part; the accessors of the parts' fields
 * ({@link #step()}, {@link #graph()}, ...) read through. Tests make one with {@link #builder()}, so a
 * new field touches its part and the builder, not every snapshot made.
 *
 * @param run      the run and its settings, and what the status line says
 * @param chart    the chart: metrics rows, rebuild marks, the timeline
 * @param boundary what is drawn of the network's outputs: the boundary grid, the curve, the predictions
 * @param network  the graph, the step-through and the traced point
 * @param points   the points trained on, and whose they are
 */
public record Snapshot(Run run, Chart chart, Boundary boundary, Network network, Points points) {

    /**
     * The run slice's and the settings slice's part, and the status line.
     *
     * @param step        training steps taken
     * @param running     playing (as opposed to paused)
     * @param config      the settings in force (learning rate, network, optimizer, batch, data)
     * @param configVersion grows by one whenever {@code config} changes (a setting, a load, new data,
     *                    a recovery): a sign that the config moved (the bench waits on it); the controls
     *                    follow {@code config} by {@code appliedSeq} instead
     * @param lastLoss    the last batch's loss
     * @param stepsPerSecond measured training speed
     * @param verdict     why training stopped because it blew up (its cause and step), or null; its words are
     *                    {@link Snapshot#divergence()}
     * @param playRefusal why Play, Step and stepping into a new step are refused now (training
     *                    diverged, the message says what to do), or empty when they are accepted
     * @param message     what just happened, for the status line
     * @param problem     the last command refused or error caught, or null; a new one has a larger
     *                    {@link Problem#serial()}
     * @param appliedSeq  every command whose {@link TrainingSession#send} number is up to this one has been
     *                    applied, refused, or overridden by a later setting of its kind: a control that sent a
     *                    larger number still shows its own value, then this snapshot's (0: nothing sent yet)
     * @param samplesSeen training examples the steps so far took, each at its own batch size (the true
     *                    epoch: samplesSeen / training set), or -1 when not known (then step x batch)
     */
    public record Run(long step, boolean running, TrainingConfig config, long configVersion, double lastLoss,
                      double stepsPerSecond, Divergence verdict, String playRefusal, String message, Problem problem,
                      long appliedSeq, long samplesSeen) {
    }

    /**
     * The chart slice's part.
     *
     * @param history     metrics rows: step 0 and every boundary frame
     * @param rebuilds    steps at which the network was rebuilt (the chart marks them)
     * @param timeline    the kept snapshot steps, the marks, and the step being scrubbed
     * @param epochErrors the perceptron's misclassifications per epoch (empty for the other heads)
     */
    public record Chart(List<Metrics> history, List<Long> rebuilds, TimelineView timeline,
                        EpochErrors.View epochErrors) {
    }

    /**
     * The boundary's part: what is drawn of the network's outputs over the data.
     *
     * @param grid        the decision grid of the last boundary frame
     * @param gridPixels  {@code grid} coloured (ARGB, row 0 on top), computed on the engine thread
     * @param confusion   true against predicted class on the training set, with the boundary frame
     *                    (empty for regression)
     * @param curve       a one-input network's output along x, made at the boundary's cadence
     *                    ({@link NetworkCurve#NONE} on the plane)
     * @param predictions off the plane, the network's prediction for every point as of the last complete
     *                    pass (the gallery and the table plot show them), or null (none yet, or the plane)
     * @param firstLayer  off the plane, a copy of the first layer's weights as of the last boundary frame
     *                    (the weight pictures draw them), or null (the plane)
     */
    public record Boundary(DecisionGrid grid, int[] gridPixels, Confusion confusion, NetworkCurve curve,
                           Predictions predictions, FirstLayer firstLayer) {
    }

    /**
     * The graph slice's and the step-through's part.
     *
     * @param graph    the network's computation graph at the last step
     * @param stepping the step-through in progress (revealed lines, position), or null
     * @param trace    the traced point (the graph shows its values and gradients), or null
     */
    public record Network(GraphModel graph, StepView stepping, Trace trace) {
    }

    /**
     * The data slices' part (choice, edits, files).
     *
     * @param data    the points and their split; replaced, never modified
     * @param ownData the points are the user's (imported, drawn or edited, or opened with an
     *                experiment or a run), not the generated dataset the config names
     * @param shown   what the last opened experiment file shows (classroom mode), with a serial
     *                that grows at each opening
     */
    public record Points(DataSplit data, boolean ownData, Shown shown) {
    }

    // ---- the parts' fields, read through ----------------------------------------------------------

    public long step() {
        return run.step();
    }

    public boolean running() {
        return run.running();
    }

    public TrainingConfig config() {
        return run.config();
    }

    public long configVersion() {
        return run.configVersion();
    }

    public double lastLoss() {
        return run.lastLoss();
    }

    public double stepsPerSecond() {
        return run.stepsPerSecond();
    }

    public Divergence verdict() {
        return run.verdict();
    }

    public String playRefusal() {
        return run.playRefusal();
    }

    public String message() {
        return run.message();
    }

    public Problem problem() {
        return run.problem();
    }

    public long appliedSeq() {
        return run.appliedSeq();
    }

    public long samplesSeen() {
        return run.samplesSeen();
    }

    public List<Metrics> history() {
        return chart.history();
    }

    public List<Long> rebuilds() {
        return chart.rebuilds();
    }

    public TimelineView timeline() {
        return chart.timeline();
    }

    public EpochErrors.View epochErrors() {
        return chart.epochErrors();
    }

    public DecisionGrid grid() {
        return boundary.grid();
    }

    public int[] gridPixels() {
        return boundary.gridPixels();
    }

    public Confusion confusion() {
        return boundary.confusion();
    }

    public NetworkCurve curve() {
        return boundary.curve();
    }

    public Predictions predictions() {
        return boundary.predictions();
    }

    public FirstLayer firstLayer() {
        return boundary.firstLayer();
    }

    public GraphModel graph() {
        return network.graph();
    }

    public StepView stepping() {
        return network.stepping();
    }

    public Trace trace() {
        return network.trace();
    }

    public DataSplit data() {
        return points.data();
    }

    public boolean ownData() {
        return points.ownData();
    }

    public Shown shown() {
        return points.shown();
    }

    // ---- derived ----------------------------------------------------------------------------------

    /** True when Play is refused: see {@link #playRefusal()}. */
    public boolean playRefused() {
        return !playRefusal().isEmpty();
    }

    public boolean diverged() {
        return verdict() != null;
    }

    /** Why training stopped because it blew up, in the banner's words, or empty. */
    public String divergence() {
        return verdict() == null ? "" : verdict().text();
    }

    /** The run diverged before any step, and the engine says the init is the cause (not the learning rate). */
    public boolean saturatedAtInit() {
        return verdict() != null && verdict().cause() == Divergence.Cause.INIT;
    }

    public Metrics latest() {
        List<Metrics> rows = history();
        return rows.get(rows.size() - 1);
    }

    /**
     * Which panes and controls an opened experiment file shows (its {@code shown} field): names the
     * UI chooses; a name not given is shown.
     *
     * @param serial 0 before any experiment was opened; one more at each opening
     */
    public record Shown(java.util.Map<String, Boolean> names, long serial) {
        public static final Shown NONE = new Shown(java.util.Map.of(), 0);

        public Shown {
            names = java.util.Map.copyOf(names);
        }
    }

    /**
     * A point traced through the network under the current weights: a data point ({@code index} its
     * row in {@link DataSplit#all()}) or a probe anywhere on the plane ({@code index} -1).
     *
     * @param output the network's output there in words, as its head reads it ("P(class 1) = 0.873",
     *               "class 2, P = 0.810", "0.532")
     * @param labelText the example's label in words (a class, or a regression target)
     * @param loss   the loss of that example with that label
     */
    public record Trace(double x1, double x2, double label, int index, String output, String labelText, double loss) {
    }

    /** Something changed at {@code step}: {@code kind} ("lr", "network", ...) and what it became. */
    public record Mark(long step, String kind, String text) {
    }

    /**
     * The run's timeline as the chart shows it.
     *
     * @param steps     steps whose state is kept (a cursor snaps to them), oldest first
     * @param marks     rebuilds and setting changes, oldest first
     * @param scrubbed  the step being shown while scrubbing, or -1 when live
     * @param abandoned the history dropped by the last resume from an earlier step (a ghost curve)
     * @param bytes     memory the kept states take
     */
    public record TimelineView(List<Long> steps, List<Mark> marks, long scrubbed, List<Metrics> abandoned,
                               long bytes) {
        public TimelineView {
            marks = List.copyOf(marks);
        }

        public boolean scrubbing() {
            return scrubbed >= 0;
        }
    }

    /**
     * Something the user must be told about: a command refused (out-of-range value, a model.json
     * that does not check out, Play after divergence) or an error the engine caught and survived.
     *
     * @param serial counts problems in this session: the UI shows a problem once, when the serial is new
     */
    public record Problem(Kind kind, String text, long serial) {
        public enum Kind {
            /** A command was not applied; nothing changed. */
            REFUSED,
            /** The engine caught an error (out of memory...) and is paused in a consistent state. */
            FAILED
        }
    }

    /** A step-through as the UI shows it: the lines revealed so far and where it stands. */
    public record StepView(List<String> lines, int position, int total, boolean complete) {
        public StepView {
            lines = List.copyOf(lines);
        }
    }

    // ---- for tests ----------------------------------------------------------------------------------

    /** A snapshot to fill in: defaults are an empty run of the default config on no data, paused at step 0. */
    public static SnapshotBuilder builder() {
        return new SnapshotBuilder();
    }

    /** A builder holding this snapshot's fields, to change one or two. */
    public SnapshotBuilder toBuilder() {
        return new SnapshotBuilder(this);
    }
}
