package dev.backprop.playground.engine.value;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The backward pass one node at a time, in reverse topological order. Unlike {@link Value#backward()},
 * which pushes each node's gradient into its operands, a step pulls: the node visited gets
 * dL/dnode = sum over its consumers c of dL/dc * dc/dnode, all of which are final by then. So a
 * node not yet visited has grad 0, and each step can say exactly how its grad was made. Stepping
 * to the end gives the same gradients as backward() (a test holds it to that).
 */
public final class BackwardStepper {
    /** One use of a value: the consumer and which of its operands the value is. */
    private record Use(Value consumer, int operandIndex) {
    }

    /** What one step did: the node (position {@code index} in visiting order), its new grad, the chain rule. */
    public record Step(int index, Value node, double grad, String chainRule) {
    }

    private final Value root;
    private final List<Value> order;
    private final ValueNames names;
    private final Map<Value, List<Use>> uses = new IdentityHashMap<>();
    private int done;

    public BackwardStepper(Value root) {
        this.root = root;
        this.order = root.topologicalOrder();
        this.names = new ValueNames(order);
        for (Value v : order) {
            v.setGrad(0);
            uses.put(v, new ArrayList<>());
        }
        for (Value c : order) {
            for (int i = 0; i < c.operandCount(); i++) {
                uses.get(c.operand(i)).add(new Use(c, i));
            }
        }
    }

    public ValueNames names() {
        return names;
    }

    /** Nodes in visiting order: the output first, leaves last. */
    public List<Value> visitingOrder() {
        List<Value> reversed = new ArrayList<>(order);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    public int total() {
        return order.size();
    }

    /** Steps taken so far. */
    public int position() {
        return done;
    }

    public boolean hasNext() {
        return done < order.size();
    }

    /** Whether {@code v}'s gradient has been computed yet. */
    public boolean isDone(Value v) {
        int k = order.indexOf(v);
        return k >= order.size() - done;
    }

    /** Computes the next node's gradient. */
    public Step next() {
        if (!hasNext()) {
            throw new IllegalStateException("the backward pass is complete");
        }
        Value v = order.get(order.size() - 1 - done);
        String dv = "d" + names.operand(root) + "/d" + names.operand(v);
        double grad;
        String text;
        if (v == root) {
            grad = 1;
            text = dv + " = 1";
        } else {
            grad = 0;
            StringBuilder symbolic = new StringBuilder();
            StringBuilder numeric = new StringBuilder();
            for (Use u : uses.get(v)) {
                double local = u.consumer.localDerivative(u.operandIndex);
                grad += u.consumer.grad() * local;
                String sep = symbolic.length() == 0 ? "" : " + ";
                symbolic.append(sep).append("d").append(names.operand(root)).append("/d").append(names.operand(u.consumer))
                        .append(" * ").append(names.localDerivative(u.consumer, u.operandIndex));
                numeric.append(sep).append(Numbers.compact(u.consumer.grad())).append(" * ")
                        .append(Numbers.compact(local));
            }
            text = uses.get(v).isEmpty()
                    ? dv + " = 0 (not used by " + names.operand(root) + ")"
                    : dv + " = " + symbolic + " = " + numeric + " = " + Numbers.compact(grad);
        }
        v.setGrad(grad);
        return new Step(done++, v, grad, text);
    }

    /** Undoes the last step: that node's grad goes back to "not yet computed" (0). */
    public void back() {
        if (done == 0) {
            throw new IllegalStateException("nothing to undo");
        }
        done--;
        order.get(order.size() - 1 - done).setGrad(0);
    }

    /** Runs the remaining steps; returns them. */
    public List<Step> finish() {
        List<Step> steps = new ArrayList<>();
        while (hasNext()) {
            steps.add(next());
        }
        return steps;
    }
}
