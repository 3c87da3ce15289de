package dev.backprop.playground.engine.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Unnamed values are named by what they compute, never by a temporary like t57. */
class ValueNamesTest {
    @Test
    void anUnnamedIntermediateIsNamedByItsExpression() {
        Value x = Value.of(2, "x");
        Value w = Value.of(-3, "w");
        Value b = Value.of(1, "b");
        Value xw = x.mul(w);
        Value n = xw.add(b);
        Value o = n.tanh();
        ValueNames names = new ValueNames(o.topologicalOrder());
        assertEquals("x*w", names.of(xw));
        assertEquals("(x*w) + b", names.of(n));
        assertEquals("tanh((x*w) + b)", names.of(o));
    }

    @Test
    void aLongExpressionKeepsItsOpAndElidesLongOperands() {
        Value sum = Value.of(0, "x1");
        for (int i = 2; i <= 8; i++) {
            sum = sum.add(Value.of(i, "x" + i));
        }
        ValueNames names = new ValueNames(sum.topologicalOrder());
        // x1 + x2 + ... + x8 would be 38 characters: the earliest terms give way to an ellipsis
        assertEquals("((\u2026 + x6) + x7) + x8", names.of(sum));
    }
}
