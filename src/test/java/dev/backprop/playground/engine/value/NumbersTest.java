package dev.backprop.playground.engine.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The chain-rule lines' number text: whole numbers bare, four decimals without trailing zeros, else e-notation. */
class NumbersTest {
    @Test
    void wholeNumbersHaveNoPoint() {
        assertEquals("1", Numbers.compact(1));
        assertEquals("-2", Numbers.compact(-2));
        assertEquals("0", Numbers.compact(0));
    }

    @Test
    void decimalsLoseTrailingZerosAndABarePoint() {
        assertEquals("0.5", Numbers.compact(0.5));
        assertEquals("0.7071", Numbers.compact(Math.sqrt(0.5)));
        assertEquals("-0.25", Numbers.compact(-0.25));
        assertEquals("0.0001", Numbers.compact(1e-4));
        assertEquals("2", Numbers.compact(2.00001), "rounds to 2.0000: the point goes with the zeros");
        assertEquals("100.1", Numbers.compact(100.1));
    }

    @Test
    void tinyHugeAndNonFiniteNumbers() {
        assertEquals("1.200e-07", Numbers.compact(1.2e-7));
        assertEquals("1.235e+06", Numbers.compact(1234567.5));
        assertEquals("NaN", Numbers.compact(Double.NaN));
        assertEquals("-Infinity", Numbers.compact(Double.NEGATIVE_INFINITY));
    }
}
