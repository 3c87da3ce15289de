package dev.backprop.playground.train;

import dev.backprop.playground.engine.nn.Layer;
import dev.backprop.playground.engine.nn.Linear;
import dev.backprop.playground.engine.nn.NetworkStepper;
import dev.backprop.playground.engine.nn.NodeId;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.graph.GraphView;
import dev.backprop.playground.graph.NeuronGraphBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The step-through slice of the engine thread: one training step walked a node (and, in the neuron
 * view, a unit) at a time. It owns the stepper and the unit cursor, handles Node ▸, Node ◂ and
 * Finish pass, and publishes its part of the snapshot ({@link #view()}) and of the graph
 * ({@link #stepper()}). The session owns the trainer it walks.
 */
final class StepThroughSlice {
    private final SessionEngine session;
    /** The step-through in progress, or null. */
    private NetworkStepper stepper;
    /** The unit of the current layer step the neuron view lights alone (backward: one unit at a time), or -1. */
    private int unitCursor = -1;
    /** Step-through's zero_grad switch (Command.SetZeroGrad): off, each stepped step adds to the last's gradients. */
    private boolean zeroGrad = true;

    StepThroughSlice(SessionEngine session) {
        this.session = session;
    }

    /** The step-through in progress (the graph shows what it revealed), or null. */
    NetworkStepper stepper() {
        return stepper;
    }

    boolean active() {
        return stepper != null;
    }

    void nodeForward() {
        if (stepper != null && unitCursor >= 0 && unitCursor + 1 < unitsInStep()) {
            unitCursor++; // the neuron view walks a layer's gradients one unit at a time
            showUnit();
            return;
        }
        startStepIfNeeded();
        move(() -> {
            stepper.next();
            unitCursor = unitsInStep() > 0 ? 0 : -1;
        });
    }

    void nodeBack() {
        if (stepper == null) {
            return;
        }
        if (unitCursor > 0) {
            unitCursor--;
            showUnit();
            return;
        }
        move(() -> {
            stepper.back();
            unitCursor = unitsInStep() - 1; // back into a layer: its last unit (-1 when not a unit step)
        });
    }

    void finishPass() {
        startStepIfNeeded();
        move(() -> {
            stepper.finishPass();
            unitCursor = -1;
        });
    }

    /**
     * Ends the step-through; {@code completeIt} finishes the step being shown first, so training goes on
     * from a whole step. Returns whether one was in progress.
     */
    boolean end(boolean completeIt) {
        if (stepper == null) {
            return false;
        }
        if (completeIt) {
            stepper.complete();
        }
        stepper = null;
        unitCursor = -1;
        return true;
    }

    /** The step-through as the UI shows it, or null. */
    Snapshot.StepView view() {
        if (stepper == null) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        for (NetworkStepper.Step s : stepper.revealed()) {
            lines.add(s.phase().name().toLowerCase(Locale.ROOT) + "  " + s.text());
        }
        return new Snapshot.StepView(lines, stepper.position(), stepper.total(), stepper.isComplete());
    }

    /**
     * How many units the neuron view walks one by one in the current step: a backward step of a
     * layer's activation or pre-activation (dL/da, dL/dz) shown as neurons; 0 for any other step.
     */
    private int unitsInStep() {
        NetworkStepper.Step current = stepper == null ? null : stepper.current();
        Trainer trainer = session.trainer();
        if (current == null || current.phase() != NetworkStepper.Phase.BACKWARD
                || session.publisher().graphs().view(trainer) != GraphView.NEURONS) {
            return 0;
        }
        NodeId node = current.node();
        if (!node.isLayerOutput()) {
            return 0;
        }
        int k = node.layer();
        int seen = 0;
        List<Layer> layers = trainer.network().layers();
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof Linear lin && ++seen == k) {
                int units = lin.outputSize(lin.inputSize());
                return NeuronGraphBuilder.isLastLinear(layers, i) ? NeuronGraphBuilder.shownOutputs(units)
                        : Math.min(units, NeuronGraphBuilder.MAX_SHOWN);
            }
        }
        return 0;
    }

    /** The same training step, another unit of the layer lit: its chain rule in the inspector. */
    private void showUnit() {
        session.publisher().graphs().setUnit(unitCursor);
        session.publisher().refreshGraph(session.trainer(), stepper);
        session.say(status());
    }

    /** Step-through starts the next training step when none is in progress (or the last one is done). */
    private void startStepIfNeeded() {
        if (stepper == null || !stepper.hasNext()) {
            NetworkStepper previous = stepper;
            Command.TracePoint t = session.publisher().graphs().traced();
            stepper = t == null ? new NetworkStepper(session.trainer())
                    : GraphPublisher.tracesRow(session.trainer(), t) ? NetworkStepper.onRow(session.trainer(), t.index())
                    : NetworkStepper.onExample(session.trainer(), t.x1(), t.x2(), t.label());
            if (!zeroGrad && (previous != null || session.trainer().steps() > 0)) {
                // before any step there is nothing to carry: the buffers hold a preview's gradients, not a step's
                stepper.withoutZeroGrad(previous);
            }
        }
    }

    void setZeroGrad(boolean on) {
        zeroGrad = on;
        session.say(on ? "step-through: zero_grad before each step's backward"
                : "step-through without zero_grad: each step's gradients add to the last step's, and the update uses the sum");
    }

    private void move(Runnable move) {
        long stepsBefore = session.trainer().steps();
        session.scheduler().stop();
        move.run();
        // the update ran just now (not merely shown again after a step back): the chart moves on
        session.chart().recordIfUpdated(stepsBefore);
        session.say(status());
        session.publisher().graphs().setUnit(unitCursor);
        session.publisher().refreshGraph(session.trainer(), stepper);
    }

    /** The status line: where the step-through stands, and the unit lit in a layer step. */
    private String status() {
        NetworkStepper.Step current = stepper.current();
        if (current == null) {
            return "step-through: press Node \u25b8 (Right) for the first node";
        }
        return String.format(Locale.ROOT, "step-through %d/%d: %s", stepper.position(), stepper.total(), current.text())
                + (unitCursor >= 0 ? String.format(Locale.ROOT, ", unit %d of %d", unitCursor + 1, unitsInStep()) : "");
    }
}
