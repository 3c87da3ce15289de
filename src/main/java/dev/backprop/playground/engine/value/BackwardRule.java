package dev.backprop.playground.engine.value;

import dev.backprop.playground.engine.Named;

/**
 * How a backward pass writes a node's gradient. Seed 001 shows why it must be {@link #ACCUMULATE}:
 * in {@code b = a + a} both uses of a contribute, and with {@code =} the second overwrites the first.
 */
public enum BackwardRule implements Named {
    /** operand.grad += local * out.grad: every use of a value adds its share (right). */
    ACCUMULATE("+="),
    /** operand.grad = local * out.grad: the last use wins (seed 001's bug, to show it). */
    OVERWRITE("=");

    private final String symbol;

    BackwardRule(String symbol) {
        this.symbol = symbol;
    }

    @Override
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The assignment the rule writes: += or =. */
    public String symbol() {
        return symbol;
    }
}
