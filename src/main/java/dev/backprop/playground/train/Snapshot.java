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
 * a new one, the UI reads the latest at frame rate and never touches the model.
 *
 * @param step        training steps taken
 * @param running     playing (as opposed to paused)
 * @param config      the settings in force (learning rate, network, optimizer, batch, data)
 * @param data        the points and their split; replaced, never modified
 * @param history     metrics rows: step 0 and every boundary frame
 * @param rebuilds    steps at which the network was rebuilt (the chart marks them)
 * @param grid        the decision grid of the last boundary frame
 * @param gridPixels  {@code grid} coloured (ARGB, row 0 on top), computed on the engine thread
 * @param graph       the network's computation graph at the last step
 * @param lastLoss    the last batch's loss
 * @param stepsPerSecond measured training speed
 * @param verdict     why training stopped because it blew up (its cause and step), or null; its words are
 *                    {@link #divergence()}
 * @param message     what just happened, for the status line
 * @param stepping    the step-through in progress (revealed lines, position), or null
 * @param configVersion grows by one whenever {@code config} changes (a setting, a load, new data,
 *                    a recovery): controls follow {@code config} when this differs from the last
 *                    version they showed
 * @param playRefusal why Play, Step and stepping into a new step are refused now (training
 *                    diverged, the message says what to do), or empty when they are accepted
 * @param problem     the last command refused or error caught, or null; a new one has a larger
 *                    {@link Problem#serial()}
 * @param trace       the traced point (the graph shows its values and gradients), or null
 * @param timeline    the kept snapshot steps, the marks, and the step being scrubbed
 * @param confusion   true against predicted class on the training set, with the boundary frame
 *                    (empty for regression)
 * @param shown       what the last opened experiment file shows (classroom mode), with a serial
 *                    that grows at each opening
 * @param ownData     the points are the user's (imported, drawn or edited, or opened with an
 *                    experiment or a run), not the generated dataset {@code config} names
 * @param predictions off the plane, the network's prediction for every point as of the last complete
 *                    pass (the gallery and the table plot show them), or null (none yet, or the plane)
 * @param epochErrors the perceptron's misclassifications per epoch (empty for the other heads)
 * @param curve       a one-input network's output along x, made at the boundary's cadence
 *                    ({@link NetworkCurve#NONE} on the plane)
 * @param firstLayer  off the plane, a copy of the first layer's weights as of the last boundary frame
 *                    (the weight pictures draw them), or null (the plane)
 * @param samplesSeen training examples the steps so far took, each at its own batch size (the true
 *                    epoch: samplesSeen / training set), or -1 when not known (then step x batch)
 */
public record Snapshot(long step, boolean running, TrainingConfig config, DataSplit data, List<Metrics> history,
                       List<Long> rebuilds, DecisionGrid grid, int[] gridPixels, GraphModel graph, double lastLoss,
                       double stepsPerSecond, Divergence verdict, String message, StepView stepping,
                       long configVersion, String playRefusal, Problem problem, Trace trace,
                       TimelineView timeline, Confusion confusion, Shown shown, boolean ownData,
                       Predictions predictions, EpochErrors.View epochErrors, NetworkCurve curve,
                       FirstLayer firstLayer, long samplesSeen) {

    /** A snapshot whose examples seen are not known (-1: the speed text takes step x batch). */
    public Snapshot(long step, boolean running, TrainingConfig config, DataSplit data, List<Metrics> history,
                    List<Long> rebuilds, DecisionGrid grid, int[] gridPixels, GraphModel graph, double lastLoss,
                    double stepsPerSecond, Divergence verdict, String message, StepView stepping,
                    long configVersion, String playRefusal, Problem problem, Trace trace, TimelineView timeline,
                    Confusion confusion, Shown shown, boolean ownData, Predictions predictions,
                    EpochErrors.View epochErrors, NetworkCurve curve, FirstLayer firstLayer) {
        this(step, running, config, data, history, rebuilds, grid, gridPixels, graph, lastLoss, stepsPerSecond,
                verdict, message, stepping, configVersion, playRefusal, problem, trace, timeline, confusion, shown,
                ownData, predictions, epochErrors, curve, firstLayer, -1);
    }

    /** A snapshot without the first layer's copy (a test that does not draw weight pictures). */
    public Snapshot(long step, boolean running, TrainingConfig config, DataSplit data, List<Metrics> history,
                    List<Long> rebuilds, DecisionGrid grid, int[] gridPixels, GraphModel graph, double lastLoss,
                    double stepsPerSecond, Divergence verdict, String message, StepView stepping,
                    long configVersion, String playRefusal, Problem problem, Trace trace, TimelineView timeline,
                    Confusion confusion, Shown shown, boolean ownData, Predictions predictions,
                    EpochErrors.View epochErrors, NetworkCurve curve) {
        this(step, running, config, data, history, rebuilds, grid, gridPixels, graph, lastLoss, stepsPerSecond,
                verdict, message, stepping, configVersion, playRefusal, problem, trace, timeline, confusion, shown,
                ownData, predictions, epochErrors, curve, null);
    }

    /** A snapshot without predictions, epoch errors or a curve (the plane's data). */
    public Snapshot(long step, boolean running, TrainingConfig config, DataSplit data, List<Metrics> history,
                    List<Long> rebuilds, DecisionGrid grid, int[] gridPixels, GraphModel graph, double lastLoss,
                    double stepsPerSecond, Divergence verdict, String message, StepView stepping,
                    long configVersion, String playRefusal, Problem problem, Trace trace, TimelineView timeline,
                    Confusion confusion, Shown shown, boolean ownData) {
        this(step, running, config, data, history, rebuilds, grid, gridPixels, graph, lastLoss, stepsPerSecond,
                verdict, message, stepping, configVersion, playRefusal, problem, trace, timeline, confusion, shown,
                ownData, null, EpochErrors.View.EMPTY, NetworkCurve.NONE);
    }

    /** A snapshot of a session on generated data in which no experiment was opened. */
    public Snapshot(long step, boolean running, TrainingConfig config, DataSplit data, List<Metrics> history,
                    List<Long> rebuilds, DecisionGrid grid, int[] gridPixels, GraphModel graph, double lastLoss,
                    double stepsPerSecond, Divergence verdict, String message, StepView stepping,
                    long configVersion, String playRefusal, Problem problem, Trace trace, TimelineView timeline,
                    Confusion confusion) {
        this(step, running, config, data, history, rebuilds, grid, gridPixels, graph, lastLoss, stepsPerSecond,
                verdict, message, stepping, configVersion, playRefusal, problem, trace, timeline, confusion, Shown.NONE,
                false);
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

    /** A snapshot without a confusion matrix (regression, or a test that does not need one). */
    public Snapshot(long step, boolean running, TrainingConfig config, DataSplit data, List<Metrics> history,
                    List<Long> rebuilds, DecisionGrid grid, int[] gridPixels, GraphModel graph, double lastLoss,
                    double stepsPerSecond, Divergence verdict, String message, StepView stepping,
                    long configVersion, String playRefusal, Problem problem, Trace trace, TimelineView timeline) {
        this(step, running, config, data, history, rebuilds, grid, gridPixels, graph, lastLoss, stepsPerSecond,
                verdict, message, stepping, configVersion, playRefusal, problem, trace, timeline, Confusion.EMPTY);
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

    /** True when Play is refused: see {@link #playRefusal()}. */
    public boolean playRefused() {
        return !playRefusal.isEmpty();
    }

    public boolean diverged() {
        return verdict != null;
    }

    /** Why training stopped because it blew up, in the banner's words, or empty. */
    public String divergence() {
        return verdict == null ? "" : verdict.text();
    }

    /** The run diverged before any step, and the engine says the init is the cause (not the learning rate). */
    public boolean saturatedAtInit() {
        return verdict != null && verdict.cause() == Divergence.Cause.INIT;
    }

    public Metrics latest() {
        return history.get(history.size() - 1);
    }
}
