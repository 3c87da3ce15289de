package dev.backprop.playground.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TicksTest {
    @Test
    void niceStepsOfOneTwoFive() {
        assertArrayEquals(new double[] {0, 2000, 4000, 6000, 8000, 10000}, Ticks.nice(0, 10000, 6), 1e-9);
        assertArrayEquals(new double[] {-1, -0.5, 0, 0.5, 1, 1.5, 2}, Ticks.nice(-1.2, 2.3, 6), 1e-9);
    }

    @Test
    void labelsAreShortAndDistinct() {
        assertEquals("0", Ticks.label(0));
        assertEquals("250", Ticks.label(250));
        assertEquals("200k", Ticks.label(200_000));
        assertEquals("12.5k", Ticks.label(12_500));
        assertEquals("1.5M", Ticks.label(1_500_000));
        assertEquals("2M", Ticks.label(2_000_000));
        assertEquals("0.5", Ticks.label(0.5));
        assertEquals("-1.25", Ticks.label(-1.25));
        assertEquals("1e-04", Ticks.label(1e-4));
    }

    @Test
    void aShortAxisLabelsEveryKthTickSoLabelsStayApart() {
        // the loss axis of a lesson's narrow row: 0..0.7 by 0.1 (8 ticks) on 60 px is 8.6 px a tick
        assertEquals(2, Ticks.stride(8, 60, 15), "every second: 17 px apart");
        assertEquals(1, Ticks.stride(8, 140, 15), "20 px apart: all of them");
        assertEquals(3, Ticks.stride(6, 30, 15));
        assertEquals(1, Ticks.stride(1, 10, 15));
        assertEquals(1, Ticks.stride(4, 45, 15), "exactly 15 px apart");
    }
}
