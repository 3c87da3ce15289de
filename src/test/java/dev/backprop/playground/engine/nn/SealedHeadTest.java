package dev.backprop.playground.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Head is a sealed interface with one record per head: each kind names exactly one class. */
class SealedHeadTest {

    @Test
    void oneRecordPerKind() {
        Class<?>[] permitted = Head.class.getPermittedSubclasses();
        assertEquals(Set.of(BinaryHead.class, MulticlassHead.class, RegressionHead.class, PerceptronHead.class,
                AdalineHead.class), Arrays.stream(permitted).collect(Collectors.toSet()));
        assertTrue(Arrays.stream(permitted).allMatch(Class::isRecord));
        Head[] heads = {Head.binary(), Head.multiclass(3), Head.regression(), Head.of(Loss.PERCEPTRON, 2),
            Head.of(Loss.ADALINE, 2)};
        assertEquals(Head.Kind.values().length, Arrays.stream(heads).map(Head::kind).distinct().count());
    }

    @Test
    void theFactoriesPickTheRecordTheLossMeans() {
        assertEquals(new BinaryHead(Loss.MSE), Head.of(Loss.MSE, 2));
        assertInstanceOf(MulticlassHead.class, Head.of(Loss.CE, 2));
        assertEquals(new RegressionHead(3), Head.of(Loss.MSE, 0, 3));
        assertEquals(new PerceptronHead(StepLayer.THRESHOLD), Head.of(Loss.PERCEPTRON, 2));
        assertEquals(new AdalineHead(), Head.of(Loss.ADALINE, 2));
        assertNotEquals(Head.of(Loss.MSE, 2), Head.binary(), "bce and mse are two sigmoid heads");
    }

    @Test
    void onlyThePerceptronMovesItsStep() {
        Head moved = Head.of(Loss.PERCEPTRON, 2).withThreshold(0);
        assertEquals(0, moved.threshold());
        assertEquals("step at z >= 0 + perceptron", moved.describe());
        assertEquals(Head.binary(), Head.binary().withThreshold(StepLayer.THRESHOLD));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Head.binary().withThreshold(0));
        assertEquals("--threshold is the perceptron's unit step (--loss perceptron); bce has none", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PerceptronHead(StepLayer.MAX_THRESHOLD * 2));
        assertThrows(IllegalArgumentException.class, () -> new MulticlassHead(Head.MAX_CLASSES + 1));
        assertThrows(IllegalArgumentException.class, () -> new RegressionHead(0));
        assertThrows(IllegalArgumentException.class, () -> new BinaryHead(Loss.CE));
    }
}
