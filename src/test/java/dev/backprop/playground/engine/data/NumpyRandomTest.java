package dev.backprop.playground.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Draws against the values numpy 2.4's legacy RandomState prints for the same seeds. */
class NumpyRandomTest {
    @Test
    void randMatchesNumpyBitForBit() {
        NumpyRandom r = new NumpyRandom(42);
        assertEquals(0.3745401188473625, r.rand(), 0);
        assertEquals(0.9507143064099162, r.rand(), 0);
        assertEquals(0.7319939418114051, r.rand(), 0);
        assertEquals(0.417022004702574, new NumpyRandom(1).rand(), 0);
    }

    @Test
    void randnIsThePolarMethodKeepingItsSecondValue() {
        NumpyRandom r = new NumpyRandom(42);
        r.rand();
        r.rand();
        r.rand();
        // numpy: RandomState(42); rand(3); randn() three times
        assertEquals(-1.1118801180469204, r.randn(), 1e-15);
        assertEquals(0.31890218468938336, r.randn(), 1e-15);
        assertEquals(0.2790412922001377, r.randn(), 1e-15);
    }

    @Test
    void permutationIsNumpys() {
        // numpy: RandomState(42).permutation(40), the permutation of sklearn's train_test_split
        int[] expected = {19, 16, 15, 26, 4, 12, 37, 27, 39, 6, 25, 9, 13, 31, 34, 8, 17, 24, 0, 33, 5, 11, 1, 29,
            21, 2, 30, 36, 3, 35, 23, 32, 10, 22, 18, 20, 7, 14, 28, 38};
        assertArrayEquals(expected, new NumpyRandom(42).permutation(40));
    }

    @Test
    void seedsOutsideThirtyTwoBitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new NumpyRandom(-1));
        assertThrows(IllegalArgumentException.class, () -> new NumpyRandom(1L << 32));
    }
}
