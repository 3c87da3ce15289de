package dev.backprop.playground.engine.value;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A printable name for every value of a graph: its label, or, when it has none, its data for a
 * constant leaf and its expression for an unnamed intermediate ({@code a*b}, {@code tanh(n)}),
 * built from its operands' names. An expression longer than {@link #MAX_EXPRESSION} characters
 * keeps its op and elides the long operands ({@code … + b}): a student sees what a node computes,
 * never a temporary like {@code t57}.
 */
public final class ValueNames {
    static final int MAX_EXPRESSION = 28;
    private final Map<Value, String> names = new IdentityHashMap<>();

    /** @param order the values in topological order: operands are named before their consumers */
    public ValueNames(List<Value> order) {
        for (Value v : order) {
            String name = v.label();
            if (name.isEmpty()) {
                name = v.isLeaf() ? Numbers.compact(v.data()) : expression(v);
            }
            names.put(v, name);
        }
    }

    private String expression(Value v) {
        String full = formula(v).replace(" * ", "*").replace(" / ", "/");
        if (full.length() <= MAX_EXPRESSION) {
            return full;
        }
        List<Value> ops = v.operands();
        return switch (v.op()) {
            case ADD -> short1(ops.get(0)) + " + " + short1(ops.get(1));
            case MUL -> short1(ops.get(0)) + "*" + short1(ops.get(1));
            case POW -> short1(ops.get(0)) + "**" + Numbers.compact(v.exponent());
            case NEG -> "-" + short1(ops.get(0));
            default -> v.op().symbol() + "(" + (of(ops.get(0)).length() <= MAX_EXPRESSION / 2 ? of(ops.get(0)) : "\u2026") + ")";
        };
    }

    /** An operand as it reads inside a longer name: itself when short, else an ellipsis. */
    private String short1(Value operand) {
        String o = operand(operand);
        return o.length() <= MAX_EXPRESSION / 2 ? o : "\u2026";
    }

    public String of(Value v) {
        return names.getOrDefault(v, "?");
    }

    /** A single word (with primes) or number: compiled once, as every operand of every formula is checked. */
    private static final Pattern SINGLE_TERM = Pattern.compile("[A-Za-z_][A-Za-z_0-9.]*('+|'[0-9]+)?|-?[0-9.e+-]+");

    /** {@code name} wrapped in parentheses when it is not a single word or number, for formulas. */
    public String operand(Value v) {
        String n = of(v);
        return SINGLE_TERM.matcher(n).matches() ? n : "(" + n + ")";
    }

    /** How {@code v} is computed from its operands, e.g. {@code a * b} or {@code tanh(n)}. */
    public String formula(Value v) {
        List<Value> ops = v.operands();
        return switch (v.op()) {
            case LEAF -> of(v);
            case ADD -> operand(ops.get(0)) + " + " + operand(ops.get(1));
            case MUL -> operand(ops.get(0)) + " * " + operand(ops.get(1));
            case POW -> operand(ops.get(0)) + "**" + Numbers.compact(v.exponent());
            case NEG -> "-" + operand(ops.get(0));
            default -> v.op().symbol() + "(" + of(ops.get(0)) + ")";
        };
    }

    /** The local derivative d consumer / d operand i, written with names: b, 1, (1 - o**2) ... */
    public String localDerivative(Value consumer, int i) {
        List<Value> ops = consumer.operands();
        String x = operand(ops.get(0));
        String out = operand(consumer);
        return switch (consumer.op()) {
            case LEAF -> "0";
            case ADD -> "1";
            case MUL -> operand(ops.get(1 - i));
            case POW -> Numbers.compact(consumer.exponent()) + " * " + x + "**" + Numbers.compact(consumer.exponent() - 1);
            case NEG -> "-1";
            case TANH -> "(1 - " + out + "**2)";
            case RELU -> "[" + x + " > 0]";
            case SIGMOID -> out + " * (1 - " + out + ")";
            case EXP -> out;
            case LOG -> "1/" + x;
        };
    }
}
