package dev.backprop.playground.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class InitializerTest {

    private static Linear layer(Initializer init, int in, int out, Activation next, long seed) {
        Linear l = new Linear(in, out, 1);
        init.initialize(l, next, new Random(seed));
        return l;
    }

    @Test
    void zerosLeavesEveryWeightAndBiasAtZero() {
        Linear l = layer(Initializer.ZEROS, 3, 4, Activation.RELU, 1);
        for (double w : l.weight().value().data) {
            assertEquals(0.0, w, 0);
        }
        for (double b : l.bias().value().data) {
            assertEquals(0.0, b, 0);
        }
    }

    @Test
    void sigmaScalesTheSameDrawsAndZeroesTheBiases() {
        Linear l = layer(Initializer.fromId("normal:0.01"), 2, 3, Activation.RELU, 7);
        Random r = new Random(7);
        for (double w : l.weight().value().data) {
            assertEquals(0.01 * r.nextGaussian(), w, 0);
        }
        for (double b : l.bias().value().data) {
            assertEquals(0.0, b, 0);
        }
    }

    @Test
    void seed000NormalDrawsWeightsThenBiases() {
        Linear l = layer(Initializer.NORMAL, 2, 3, null, 5);
        Random r = new Random(5);
        for (double w : l.weight().value().data) {
            assertEquals(r.nextGaussian(), w, 0);
        }
        for (double b : l.bias().value().data) {
            assertEquals(r.nextGaussian(), b, 0);
        }
    }

    @Test
    void uniformStaysInsideItsHalfWidthAndBiasSameDrawsThemToo() {
        Initializer init = Initializer.fromId("uniform:1").withBias(Initializer.BiasInit.SAME);
        Linear l = layer(init, 50, 50, Activation.TANH, 3);
        Random r = new Random(3);
        for (double w : l.weight().value().data) {
            assertEquals(2 * r.nextDouble() - 1, w, 0);
        }
        for (double b : l.bias().value().data) {
            assertEquals(2 * r.nextDouble() - 1, b, 0);
            assertTrue(b >= -1 && b < 1);
        }
    }

    @Test
    void autoIsHeBeforeReluFourXavierBeforeSigmoidAndXavierOtherwise() {
        Linear sigmoid = layer(Initializer.AUTO, 8, 4, Activation.SIGMOID, 11);
        assertEquals(4 * Math.sqrt(2.0 / 12) * new Random(11).nextGaussian(), sigmoid.weight().value().data[0], 0);
        Linear relu = layer(Initializer.AUTO, 8, 4, Activation.RELU, 11);
        Linear he = layer(Initializer.HE, 8, 4, Activation.TANH, 11);
        Linear tanh = layer(Initializer.AUTO, 8, 4, Activation.TANH, 11);
        Linear output = layer(Initializer.AUTO, 8, 4, null, 11);
        Linear xavier = layer(Initializer.XAVIER, 8, 4, Activation.RELU, 11);
        Random r = new Random(11);
        double g = r.nextGaussian();
        assertEquals(Math.sqrt(2.0 / 8) * g, relu.weight().value().data[0], 0);
        assertEquals(Math.sqrt(2.0 / 12) * g, tanh.weight().value().data[0], 0);
        assertEquals(he.weight().value().data[3], relu.weight().value().data[3], 0);
        assertEquals(xavier.weight().value().data[3], tanh.weight().value().data[3], 0);
        assertEquals(xavier.weight().value().data[3], output.weight().value().data[3], 0);
    }

    @Test
    void idsRoundTripAndBadOnesAreRefusedWithTheReason() {
        for (String id : new String[] {"auto", "normal", "normal:0.01", "uniform:1", "uniform:0.5", "zeros", "xavier", "he"}) {
            assertEquals(id, Initializer.fromId(id).id());
        }
        assertEquals(Initializer.BiasInit.SAME, Initializer.fromId("normal").bias());
        assertEquals(Initializer.BiasInit.ZEROS, Initializer.fromId("normal:1").bias());
        assertEquals("normal:0.01, biases same",
                Initializer.fromId("normal:0.01").withBias(Initializer.BiasInit.SAME).describe());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Initializer.fromId("normal:-1"));
        assertTrue(e.getMessage().contains("above 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Initializer.fromId("normal:x"));
        assertThrows(IllegalArgumentException.class, () -> Initializer.fromId("uniform:1000"));
        assertThrows(IllegalArgumentException.class, () -> Initializer.fromId("gauss"));
    }
}
