package dev.backprop.playground.engine.value;

import java.util.ArrayList;
import java.util.List;

/**
 * Seed 001's nudge: every chosen leaf moves by -eta * grad, the forward pass runs again, and the
 * output's change is set beside the first-order prediction sum(grad * delta) = -eta * sum(grad^2),
 * which a small eta matches. Negative eta climbs, as the seed's {@code a.data += 0.01 * a.grad}
 * does to make L go up. The gradients are the ones the leaves held (from the last backward);
 * {@link #undo()} puts the leaves back and recomputes.
 */
public final class Nudge {
    /** Largest |eta| accepted: beyond it a step is no longer a nudge and the numbers overflow. */
    public static final double MAX_ETA = 1e3;

    private final List<Value> order;
    private final List<Value> leaves;
    private final double[] dataBefore;
    private final double eta;
    private final double outputBefore;
    private final double outputAfter;
    private final double predictedChange;
    private boolean undone;

    private Nudge(Value output, List<Value> leaves, double eta) {
        this.order = output.topologicalOrder();
        this.leaves = List.copyOf(leaves);
        this.eta = eta;
        this.outputBefore = output.data();
        this.dataBefore = new double[leaves.size()];
        double predicted = 0;
        for (int i = 0; i < leaves.size(); i++) {
            Value leaf = leaves.get(i);
            dataBefore[i] = leaf.data();
            double delta = -eta * leaf.grad();
            predicted += leaf.grad() * delta;
            leaf.setData(leaf.data() + delta);
        }
        this.predictedChange = predicted;
        this.outputAfter = GradientCheck.forward(order);
    }

    /**
     * Moves {@code leaves} (leaves of {@code output}'s graph) by -eta * grad and recomputes the graph.
     *
     * @throws IllegalArgumentException when eta is not finite or |eta| > {@link #MAX_ETA}, or a value is not a leaf
     */
    public static Nudge apply(Value output, List<Value> leaves, double eta) {
        if (!Double.isFinite(eta) || Math.abs(eta) > MAX_ETA) {
            throw new IllegalArgumentException("eta must be a number between -" + Numbers.compact(MAX_ETA)
                    + " and " + Numbers.compact(MAX_ETA) + ", not " + eta);
        }
        for (Value v : leaves) {
            if (!v.isLeaf()) {
                throw new IllegalArgumentException(v.label() + " is not a leaf: only inputs and parameters move");
            }
        }
        return new Nudge(output, leaves, eta);
    }

    /** The leaves a student named (a, w1, L1.n1.b), not the constants of a formula like the 2 in 2*a. */
    public static List<Value> namedLeaves(Value output) {
        List<Value> named = new ArrayList<>();
        for (Value v : output.topologicalOrder()) {
            if (v.isLeaf() && v.label().matches("[A-Za-z_].*")) {
                named.add(v);
            }
        }
        return named;
    }

    /** Puts every moved leaf back and recomputes the graph (once; later calls do nothing). */
    public void undo() {
        if (undone) {
            return;
        }
        for (int i = 0; i < leaves.size(); i++) {
            leaves.get(i).setData(dataBefore[i]);
        }
        GradientCheck.forward(order);
        undone = true;
    }

    public List<Value> leaves() {
        return leaves;
    }

    public double eta() {
        return eta;
    }

    public double outputBefore() {
        return outputBefore;
    }

    public double outputAfter() {
        return outputAfter;
    }

    /** The output's real change. */
    public double change() {
        return outputAfter - outputBefore;
    }

    /** The first-order prediction of the change: sum over moved leaves of grad * delta. */
    public double predictedChange() {
        return predictedChange;
    }

    /** One line for a log: how the output moved against the prediction. */
    public String describe(String outputName) {
        return outputName + ": " + Numbers.compact(outputBefore) + " \u2192 " + Numbers.compact(outputAfter)
                + " (change " + Numbers.compact(change()) + ", first-order prediction -eta * sum(grad^2) = "
                + Numbers.compact(predictedChange) + ", eta = " + Numbers.compact(eta) + ", "
                + leaves.size() + " lea" + (leaves.size() == 1 ? "f" : "ves") + " moved)";
    }
}
