package dev.backprop.playground.train;

import dev.backprop.playground.engine.nn.Head;
import dev.backprop.playground.engine.nn.NetworkStepper;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.graph.GraphModel;
import dev.backprop.playground.graph.GraphView;
import dev.backprop.playground.graph.NetworkGraphBuilder;
import dev.backprop.playground.graph.NeuronGraphBuilder;
import dev.backprop.playground.graph.Thumbnail;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The graph the engine publishes, and what shapes it: the view (tensors or neurons), the neuron view's
 * expanded layers and lit unit, the class names on a softmax card, and the traced point. Rebuilt at most
 * every {@link #GRAPH_EVERY_NANOS} while training; the {@link Publisher} says when (not while the network
 * tab is hidden) and hands it the neuron pictures it made with the grid. Engine thread only.
 */
final class GraphPublisher {
    /** The graph is rebuilt for publishing at most this often while training. */
    static final long GRAPH_EVERY_NANOS = 100_000_000L;

    private final EngineStats stats;
    private final EngineClock clock;
    private GraphModel graph;
    private long lastGraphNanos;
    /** Hidden layers the neuron view draws with more units (a click on their "+N more" node). */
    private final Set<Integer> expanded = new HashSet<>();
    /** The data's class names for a softmax output's card (Fashion-MNIST's garments), or null: the indices. */
    private List<String> classNames;
    /** The unit the neuron view lights alone in a layer step, or -1 for the whole layer. */
    private int unit = -1;
    /** The view asked for, or null: neurons when every layer fits, else tensors. */
    private GraphView requestedView;
    /** The point being traced, or null: the graph shows it instead of the last batch. */
    private Command.TracePoint traced;
    private Snapshot.Trace trace;

    GraphPublisher(EngineStats stats, EngineClock clock) {
        this.stats = stats;
        this.clock = clock;
    }

    /** Shows more units of hidden layer {@code k} in the neuron view, or fewer again. */
    void toggleExpanded(int k) {
        if (!expanded.remove(k)) {
            expanded.add(k);
        }
    }

    /** The hidden layers the neuron view shows more units of. */
    Set<Integer> expanded() {
        return Set.copyOf(expanded);
    }

    void setUnit(int u) {
        unit = u;
    }

    /** Names the classes of the data in force on the softmax card (null: their indices). */
    void classNames(List<String> names) {
        classNames = names;
    }

    /** Shows the tensor or the neuron view; null picks by the network's widths. */
    void setView(GraphView view) {
        requestedView = view;
    }

    /** The view the graph is built for, given {@code trainer}'s network. */
    GraphView view(Trainer trainer) {
        if (requestedView != null) {
            return requestedView;
        }
        return NeuronGraphBuilder.fits(trainer.network()) ? GraphView.NEURONS : GraphView.TENSORS;
    }

    boolean due() {
        return clock.nanoTime() - lastGraphNanos > GRAPH_EVERY_NANOS;
    }

    /** The tab is hidden: no graph is made, and none is due again before the next cadence. */
    void skip() {
        lastGraphNanos = clock.nanoTime();
    }

    /** The graph of the last step, or of the step-through in progress (revealed nodes only). */
    void refresh(Trainer trainer, NetworkStepper stepper, Map<String, Thumbnail> thumbnails) {
        long t0 = clock.nanoTime();
        NetworkGraphBuilder.Reveal reveal = null;
        double loss = trainer.lastLoss();
        if (stepper != null) {
            NetworkStepper.Step current = stepper.current();
            reveal = new NetworkGraphBuilder.Reveal(stepper.pendingData(), stepper.knownGrads(),
                    current == null || current.phase() == NetworkStepper.Phase.UPDATE ? null : current.node(),
                    current == null ? "" : current.text());
            loss = stepper.loss();
        } else if (traced == null && trainer.data().train().size() > 0) {
            // one state: the example's values and gradients under the weights shown (after the update)
            loss = trainer.repass();
        } else if (traced != null) {
            // recomputed at the graph's cadence, so the probe follows the weights while training goes on
            loss = tracesRow(trainer, traced) ? trainer.traceRow(traced.index())
                    : trainer.trace(traced.x1(), traced.x2(), traced.label());
            Head head = trainer.network().head();
            trace = new Snapshot.Trace(traced.x1(), traced.x2(), traced.label(), traced.index(),
                    head.describe(trainer.network().lastOutput().data, 0), head.describeLabel(traced.label()), loss);
        }
        graph = view(trainer) == GraphView.NEURONS
                ? NeuronGraphBuilder.build(trainer.network(), trainer.lastBatchFeatures(), trainer.lastBatchLabels(), loss,
                        reveal, thumbnails, stepper == null ? -1 : unit, expanded(), classNames)
                : NetworkGraphBuilder.build(trainer.network(), trainer.lastBatchFeatures(), trainer.lastBatchLabels(),
                        loss, reveal, classNames);
        if (traced != null) { // its values, and a step-through's, are the traced point's
            graph = graph.forTracedPoint();
        } else if (stepper == null && trainer.data().train().size() == 0) {
            graph = graph.withoutExample(); // the origin the preview ran on is no example: show none
        }
        lastGraphNanos = clock.nanoTime();
        stats.add(EngineStats.Part.GRAPH, lastGraphNanos - t0);
    }

    /** Traces {@code point} from the next {@link #refresh} on; null stops tracing. */
    void trace(Command.TracePoint point) {
        traced = point;
        trace = null;
    }

    /**
     * Whether {@code t} is traced by its row of the data rather than by (x1, x2): a row of data off the
     * plane (a picture, a table, two inputs with several targets), which a trace's (x1, x2) cannot carry.
     */
    static boolean tracesRow(Trainer trainer, Command.TracePoint t) {
        return t.index() >= 0 && Publisher.offThePlane(trainer.data().all());
    }

    Command.TracePoint traced() {
        return traced;
    }

    /** The traced point as of the last graph, or null. */
    Snapshot.Trace traceView() {
        return traced == null ? null : trace;
    }

    GraphModel graph() {
        return graph;
    }
}
