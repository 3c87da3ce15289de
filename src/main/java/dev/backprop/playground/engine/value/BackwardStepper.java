package dev.backprop.playground.engine.value;

import dev.backprop.playground.engine.Stepper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The backward pass one node at a time, in reverse topological order. Unlike {@link Value#backward()},
 * which pushes each node's gradient into its operands, a step pulls: the node visited gets
 * dL/dnode = sum over its consumers c of dL/dc * dc/dnode, all of which are final by then. So each
 * step can say exactly how its grad was made. Stepping to the end gives the same gradients as
 * {@link Value#backward(BackwardRule, boolean)} with the same rule and zeroing (a test holds it to that).
 * <p>
 * Without zeroing the pass adds this pass's gradient to the one already there and says so
 * ({@code a.grad += ...}); with the overwrite rule only the last use's share is kept, as seed 001's
 * {@code =} bug does. Stepping back restores the gradient the node had before the pass.
 */
public final class BackwardStepper implements Stepper<BackwardStepper.Step> {
    /** One use of a value: the consumer and which of its operands the value is. */
    private record Use(Value consumer, int operandIndex) {
    }

    /** What one step did: the node (position {@code index} in visiting order), its new grad, the chain rule. */
    public record Step(int index, Value node, double grad, String chainRule) {
    }

    private final Value root;
    private final List<Value> order;
    private final ValueNames names;
    private final BackwardRule rule;
    private final boolean zeroFirst;
    private final Map<Value, List<Use>> uses = new IdentityHashMap<>();
    /** Each node's gradient before this pass, restored by {@link #back()}. */
    private final Map<Value, Double> before = new IdentityHashMap<>();
    /** This pass's own dL/dnode for the nodes visited so far. */
    private final Map<Value, Double> fresh = new IdentityHashMap<>();
    private int done;

    /** micrograd's backward: gradients zeroed first, accumulated with +=. */
    public BackwardStepper(Value root) {
        this(root, BackwardRule.ACCUMULATE, true);
    }

    /**
     * @param zeroFirst whether every gradient is set to 0 before the pass (zero_grad); when false a
     *                  node's gradient is kept until its step adds this pass's share to it
     */
    public BackwardStepper(Value root, BackwardRule rule, boolean zeroFirst) {
        this.root = root;
        this.rule = rule;
        this.zeroFirst = zeroFirst;
        this.order = root.topologicalOrder();
        this.names = new ValueNames(order);
        for (Value v : order) {
            before.put(v, v.grad());
            if (zeroFirst) {
                v.setGrad(0);
            }
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

    public BackwardRule rule() {
        return rule;
    }

    /** True when this pass adds to the gradients already there (no zero_grad before it). */
    public boolean accumulates() {
        return !zeroFirst && rule == BackwardRule.ACCUMULATE;
    }

    /** Nodes in visiting order: the output first, leaves last. */
    public List<Value> visitingOrder() {
        List<Value> reversed = new ArrayList<>(order);
        Collections.reverse(reversed);
        return reversed;
    }

    @Override
    public int total() {
        return order.size();
    }

    /** Steps taken so far. */
    @Override
    public int position() {
        return done;
    }

    @Override
    public boolean hasNext() {
        return done < order.size();
    }

    /** Whether {@code v}'s gradient has been computed yet. */
    public boolean isDone(Value v) {
        int k = order.indexOf(v);
        return k >= order.size() - done;
    }

    /** Computes the next node's gradient. */
    @Override
    public Step next() {
        if (!hasNext()) {
            throw new IllegalStateException("the backward pass is complete");
        }
        Value v = order.get(order.size() - 1 - done);
        String dv = "d" + names.operand(root) + "/d" + names.operand(v);
        List<Use> counted = counted(v);
        double pass = v == root ? 1 : 0;
        StringBuilder symbolic = new StringBuilder();
        StringBuilder numeric = new StringBuilder();
        for (Use u : counted) {
            double local = u.consumer.localDerivative(u.operandIndex);
            double upstream = fresh.get(u.consumer);
            pass += upstream * local;
            String sep = symbolic.length() == 0 ? "" : " + ";
            symbolic.append(sep).append("d").append(names.operand(root)).append("/d").append(names.operand(u.consumer))
                    .append(" * ").append(names.localDerivative(u.consumer, u.operandIndex));
            numeric.append(sep).append(Numbers.compact(upstream)).append(" * ").append(Numbers.compact(local));
        }
        fresh.put(v, pass);
        double grad = accumulates() ? v.grad() + pass : pass;
        String rhs;
        if (v == root) {
            rhs = "1";
        } else if (counted.isEmpty()) {
            rhs = "0 (not used by " + names.operand(root) + ")";
        } else {
            rhs = symbolic + " = " + numeric + " = " + Numbers.compact(pass);
        }
        String text;
        if (accumulates()) {
            text = names.operand(v) + ".grad += " + dv + " = " + rhs + "  \u2192 " + names.operand(v) + ".grad = "
                    + Numbers.compact(grad);
        } else {
            text = dv + " = " + rhs;
        }
        int lost = uses.get(v).size() - counted.size();
        if (lost > 0) {
            text += "  (with =, the last use overwrote " + lost + " other contribution" + (lost == 1 ? "" : "s") + ")";
        }
        v.setGrad(grad);
        return new Step(done++, v, grad, text);
    }

    /**
     * The uses whose share reaches {@code v}: all of them under +=; under = only the last write
     * of a push-style backward, which visits consumers in reverse topological order and a
     * consumer's operands in order, so the earliest consumer's last operand slot wins.
     */
    private List<Use> counted(Value v) {
        List<Use> all = uses.get(v);
        if (rule == BackwardRule.ACCUMULATE || all.size() <= 1) {
            return all;
        }
        Value first = all.get(0).consumer;
        Use last = all.get(0);
        for (Use u : all) {
            if (u.consumer == first) {
                last = u;
            }
        }
        return List.of(last);
    }

    /** Undoes the last step: that node's grad goes back to what it was before the pass. */
    public void back() {
        if (done == 0) {
            throw new IllegalStateException("nothing to undo");
        }
        done--;
        Value v = order.get(order.size() - 1 - done);
        fresh.remove(v);
        v.setGrad(zeroFirst ? 0 : before.get(v));
    }
}
