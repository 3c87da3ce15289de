package dev.backprop.playground.engine.value;

import java.util.ArrayList;
import java.util.List;

/**
 * Seed 001's numerical check: for each leaf, the central finite difference
 * (f(x + h) - f(x - h)) / 2h of the output next to the autograd gradient.
 */
public final class GradientCheck {
    /** One leaf's comparison. */
    public record LeafCheck(Value leaf, double autograd, double numeric, double relativeError) {
    }

    private GradientCheck() {
    }

    public static List<LeafCheck> run(Value output, double h) {
        return run(output, h, BackwardRule.ACCUMULATE);
    }

    /**
     * Runs backward with {@code rule} (gradients zeroed first), then compares: with
     * {@link BackwardRule#OVERWRITE} a value used twice shows a gradient the finite difference refutes.
     */
    public static List<LeafCheck> run(Value output, double h, BackwardRule rule) {
        List<Value> order = output.topologicalOrder();
        output.backward(rule, true);
        List<LeafCheck> checks = new ArrayList<>();
        for (Value leaf : order) {
            if (!leaf.isLeaf()) {
                continue;
            }
            double keep = leaf.data();
            leaf.setData(keep + h);
            double up = forward(order);
            leaf.setData(keep - h);
            double down = forward(order);
            leaf.setData(keep);
            forward(order);
            double numeric = (up - down) / (2 * h);
            double scale = Math.max(Math.max(Math.abs(numeric), Math.abs(leaf.grad())), 1e-8);
            checks.add(new LeafCheck(leaf, leaf.grad(), numeric, Math.abs(numeric - leaf.grad()) / scale));
        }
        return checks;
    }

    /** Recomputes every node in topological order; returns the output's data. */
    static double forward(List<Value> order) {
        for (Value v : order) {
            v.recompute();
        }
        return order.get(order.size() - 1).data();
    }
}
