package dev.backprop.playground.engine.value;

import dev.backprop.playground.engine.Stepper;
import java.util.List;

/**
 * The forward pass one node at a time, in topological order: each step recomputes a node's data
 * from its operands and says how, e.g. {@code e = a * b = 2 * -3 = -6}.
 */
public final class ForwardStepper implements Stepper<ForwardStepper.Step> {
    /** What one step did. */
    public record Step(int index, Value node, double data, String formula) {
    }

    private final List<Value> order;
    private final ValueNames names;
    private int done;

    public ForwardStepper(Value root) {
        this.order = root.topologicalOrder();
        this.names = new ValueNames(order);
    }

    public int total() {
        return order.size();
    }

    public int position() {
        return done;
    }

    public boolean hasNext() {
        return done < order.size();
    }

    public Step next() {
        if (!hasNext()) {
            throw new IllegalStateException("the forward pass is complete");
        }
        Value v = order.get(done);
        v.recompute();
        String text;
        if (v.isLeaf()) {
            text = names.of(v) + " = " + Numbers.compact(v.data()) + " (a leaf: input or parameter)";
        } else {
            text = names.of(v) + " = " + names.formula(v) + " = " + numericFormula(v) + " = "
                    + Numbers.compact(v.data());
        }
        return new Step(done++, v, v.data(), text);
    }

    private static String numericFormula(Value v) {
        List<Value> ops = v.operands();
        String a = Numbers.compact(ops.get(0).data());
        return switch (v.op()) {
            case ADD -> a + " + " + Numbers.compact(ops.get(1).data());
            case MUL -> a + " * " + Numbers.compact(ops.get(1).data());
            case POW -> a + "**" + Numbers.compact(v.exponent());
            case NEG -> "-(" + a + ")";
            default -> v.op().symbol() + "(" + a + ")";
        };
    }
}
