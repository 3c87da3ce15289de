package dev.backprop.playground.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.data.DatasetKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one place the rules of what fits what live: the session applies them, the controls read them. */
class ProblemRulesTest {
    @Test
    void classCountsFollowTheDataset() {
        assertEquals(4, ProblemRules.classesFor(DatasetKind.SPIRAL, 4), "spiral keeps the count in use");
        assertEquals(2, ProblemRules.classesFor(DatasetKind.SPIRAL, 0), "coming from regression: its own 2");
        assertEquals(3, ProblemRules.classesFor(DatasetKind.IRIS, 5), "iris has 3 whatever was in use");
        assertEquals(0, ProblemRules.classesFor(DatasetKind.PLANE, 2), "plane is a regression target");
        assertEquals(ProblemRules.classesFor(DatasetKind.IRIS, 2),
                TrainingConfig.defaults().withData(DatasetKind.IRIS, 150, 0, 0).classes(), "the config applies the rule");
    }

    @Test
    void lossesThatFitAClassCount() {
        assertEquals(List.of(Loss.BCE, Loss.CE, Loss.MSE, Loss.PERCEPTRON, Loss.ADALINE), ProblemRules.lossesFor(2),
                "seed 004's single neurons fit two classes too");
        assertEquals(List.of(Loss.CE), ProblemRules.lossesFor(3));
        assertEquals(List.of(Loss.MSE), ProblemRules.lossesFor(0));
        assertEquals(Loss.CE, ProblemRules.lossFor(Loss.BCE, 3), "bce does not fit 3 classes: the default");
        assertEquals(Loss.MSE, ProblemRules.lossFor(Loss.MSE, 2), "mse fits 2 classes: kept");
        assertEquals(Loss.BCE, ProblemRules.lossFor(null, 2));
        assertFalse(ProblemRules.fits(null, 2));
        assertTrue(ProblemRules.fits(Loss.CE, 6));
    }

    @Test
    void aHeadOnNewDataStaysWhenItFitsTheClassesElseTheDataGetsItsDefault() {
        Head perceptron = Head.of(Loss.PERCEPTRON, 2).withThreshold(0.5);
        assertEquals(perceptron, ProblemRules.headOnNewData(perceptron, 2), "two classes again: kept, threshold and all");
        assertEquals(Loss.CE, ProblemRules.headOnNewData(perceptron, 3).loss(), "iris: a softmax");
        assertEquals(Loss.MSE, ProblemRules.headOnNewData(Head.of(Loss.CE, 2), 0).loss(), "plane: an identity");
        assertEquals(ProblemRules.headOnNewData(TrainingConfig.defaults().network().head(), 3),
                TrainingConfig.defaults().withData(DatasetKind.IRIS, 150, 0, 0).network().head(), "the config applies it");
        assertEquals(Head.of(Loss.MSE, 2), ProblemRules.headFor(Loss.MSE, 2));
        assertEquals(Head.of(Loss.CE, 4), ProblemRules.headFor(Loss.BCE, 4), "bce does not fit 4 classes");
        assertEquals(DatasetKind.PLANE, ProblemRules.datasetFor(true));
        assertEquals(DatasetKind.MOONS, ProblemRules.datasetFor(false));
    }

    @Test
    void mismatchesAndClassCountRefusalsSayWhy() {
        TrainingConfig iris = TrainingConfig.defaults().withData(DatasetKind.IRIS, 150, 0, 0);
        assertNull(ProblemRules.headMismatch(iris.network(), iris));
        String why = ProblemRules.headMismatch(TrainingConfig.defaults().network(), iris);
        assertTrue(why.contains("does not fit iris with 3 classes (use ce)"), why);
        assertNull(ProblemRules.classCountRefusal(DatasetKind.BLOBS));
        assertTrue(ProblemRules.classCountRefusal(DatasetKind.MOONS).contains("only spiral and blobs"));
    }
}
