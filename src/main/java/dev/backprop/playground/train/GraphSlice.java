package dev.backprop.playground.train;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.nn.Head;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.graph.GraphView;
import dev.backprop.playground.graph.NumberFormat;
import java.util.Locale;

/**
 * The graph slice of the engine thread: which view the graph is drawn in, whether the network tab is
 * shown, the neuron view's expanded layers and the traced point. Its state lives in the
 * {@link Publisher}, which builds the graph; this slice checks and applies the commands.
 */
final class GraphSlice {
    private final SessionEngine session;

    GraphSlice(SessionEngine session) {
        this.session = session;
    }

    void setGraphView(GraphView view) {
        Publisher publisher = session.publisher();
        publisher.graphs().setView(view);
        refresh(publisher);
        session.say("graph: " + publisher.graphs().view(session.trainer()).id());
    }

    void setVisible(boolean networkTab) {
        session.publisher().setShown(networkTab, session.trainer(), session.stepper());
    }

    void toggleExpandedLayer(int layer) {
        Publisher publisher = session.publisher();
        publisher.graphs().toggleExpanded(layer);
        refresh(publisher); // the pictures of the units now shown
        session.say("neuron view: layer " + layer + " shows more or fewer units");
    }

    private void refresh(Publisher publisher) {
        publisher.refreshGrid(session.trainer());
        publisher.refreshGraph(session.trainer(), session.stepper());
    }

    void tracePoint(double x1, double x2, double label, int index) {
        Trainer trainer = session.trainer();
        if (index >= trainer.data().all().size()) {
            throw new IllegalArgumentException("there are " + trainer.data().all().size() + " points, no point " + index);
        }
        Head head = trainer.network().head();
        if (head.classifies()
                && (label != Math.rint(label) || label < 0 || label >= Math.max(2, head.classes()))) {
            throw new IllegalArgumentException("a traced point's label must be a class index from 0 to "
                    + (Math.max(2, head.classes()) - 1) + ", got " + label);
        }
        session.publisher().graphs().trace(new Command.TracePoint(x1, x2, label, index));
        session.publisher().refreshGraph(trainer, null);
        session.say(String.format(Locale.ROOT, "tracing %s (%.3f, %.3f) label %s: the graph shows its values and "
                + "gradients; Node \u25b8 steps through a training step on it; Esc stops",
                index >= 0 ? "point " + index : "a probe at", x1, x2, NumberFormat.short4(label)));
    }

    /** Traces row {@code index} of the data (a picture clicked in the gallery, a table's row) as a point is traced. */
    void traceRow(int index) {
        DataSplit data = session.trainer().data();
        if (index >= data.all().size()) {
            throw new IllegalArgumentException("there are " + data.all().size() + " points, no point " + index);
        }
        Dataset all = data.all();
        double label = all.labels().get(index, 0);
        tracePoint(all.x1(index), all.width() > 1 ? all.x2(index) : 0, label, index);
        session.say(String.format(Locale.ROOT, "tracing %s %d (%s, label %s): the graph shows its values and gradients; "
                + "Node \u25b8 steps through a training step on it; Esc stops", all.inputs().isImage() ? "image" : "row",
                index, data.isTest(index) ? "test" : "training", NumberFormat.short4(label)));
    }

    void clearTrace() {
        Publisher publisher = session.publisher();
        if (publisher.graphs().traced() != null) {
            publisher.graphs().trace(null);
            session.trainer().previewPass(); // the shown example's gradients, not the traced point's
            publisher.refreshGraph(session.trainer(), null);
            session.say("trace cleared");
        }
    }
}
