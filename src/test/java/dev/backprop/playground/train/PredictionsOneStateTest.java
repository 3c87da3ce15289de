package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.Head;
import dev.backprop.playground.engine.nn.ProblemRules;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainingConfig;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * A predictions pass that training runs through (70,000 Fashion-MNIST images take many steps) is stamped
 * with the step it began at, so a paused session sees it is not the network shown and makes a pass of its
 * own: stamped with the step it ended at, its rows passed for the paused network's while the test images'
 * were the network of step 250 (9.8% right beside a matrix of 79%).
 */
class PredictionsOneStateTest {
    @Test
    void aPassTrainingRanThroughIsStampedWithItsFirstStepAndThePausedNetworkGetsItsOwn() throws Exception {
        DataChoice.Read digits = DataChoice.DIGITS.read(0.2, 0);
        Trainer t = new Trainer(digits.split(), TrainingConfig.defaults().withBatchSize(32));
        PredictionSlice predictions = new PredictionSlice();
        predictions.restart(true);
        predictions.frame(t, false);
        assertFalse(predictions.advance(t, 0), "one chunk of 1,797 rows: the pass goes on");
        for (int i = 0; i < 100; i++) {
            t.step(); // training goes on while the pass is under way
        }
        while (!predictions.advance(t, Long.MAX_VALUE)) {
            // the rest of the pass
        }
        assertEquals(0, predictions.published().step(), "its first step, whose network made all its rows");
        assertTrue(predictions.owed(t, false), "paused at step 100, a pass of step 100 is owed");
        predictions.advance(t, Long.MAX_VALUE);
        while (predictions.published().step() != 100 || predictions.owed(t, false)) {
            predictions.advance(t, Long.MAX_VALUE);
        }
        assertEquals(100, predictions.published().step());
        assertEquals(100, predictions.confusion().step());
        assertFalse(predictions.owed(t, false), "then nothing more while paused");
    }

    /**
     * Playing: training slices with a little of the pass after each (here one 256-row chunk, what the
     * 2 ms after a slice allow on a loaded machine), so a pass over the 1,797 digits spans 8 slices of 5
     * steps (a full Fashion-MNIST pass spans tens of thousands of steps). Every predictions published is
     * the network of the step it is stamped with: a second trainer, replayed from the same config to that
     * step, predicts the same classes and probabilities to the bit and the same matrix. Reading the live
     * network, a pass's rows were the networks of 40 steps. Pictures publish the test rows first (the
     * gallery's test page): the training rows are then all the last whole pass's.
     */
    @Test
    void whilePlayingEveryPublishedPassIsTheNetworkOfTheStepItIsStampedWith() throws Exception {
        DataSplit data = DataChoice.DIGITS.read(0.2, 0).split();
        int early = playAndCheckEveryPass(data, DatasetKind.DIGITS, 10, "64-50-10");
        assertTrue(early >= 4, "the test rows published first: " + early);
    }

    /** A table plot draws every row at once: 600 rows of four inputs (three chunks) publish whole passes only. */
    @Test
    void aTablePublishesWholePassesOnly() throws Exception {
        Random random = new Random(3);
        DMatrixRMaj x = new DMatrixRMaj(600, 4);
        DMatrixRMaj y = new DMatrixRMaj(600, 1);
        for (int row = 0; row < 600; row++) {
            int label = row % 3;
            y.set(row, 0, label);
            for (int c = 0; c < 4; c++) {
                x.set(row, c, random.nextGaussian() + (c == label ? 2 : 0));
            }
        }
        DataSplit data = DataSplit.of(new Dataset(x, y), 0.25, new Random(4));
        assertEquals(0, playAndCheckEveryPass(data, DatasetKind.BLOBS, 3, "4-50-3"));
    }

    /**
     * Trains on {@code data} 5 steps a slice with one chunk of predictions after each, checks every
     * publication against a replayed trainer until five whole passes are checked, and returns how many
     * were early (test rows only).
     */
    private static int playAndCheckEveryPass(DataSplit data, DatasetKind kind, int classes, String network) {
        TrainingConfig onData = TrainingConfig.defaults().withData(kind, data.all().size(), 0, 0, classes)
                .withBatchSize(32);
        // the app's network for the data (as SessionEngine fits it to new data): softmax over the classes
        TrainingConfig config = onData.withNetwork(ProblemRules.networkFor(onData.network(), data.all().inputs()));
        Trainer t = new Trainer(data, config);
        Trainer replay = new Trainer(data, config);
        assertEquals(Head.Kind.MULTICLASS, t.network().head().kind());
        assertEquals(network, t.spec().describe());
        PredictionSlice predictions = new PredictionSlice();
        predictions.restart(true);
        Predictions last = null;
        Predictions lastWhole = null;
        int early = 0;
        int complete = 0;
        for (int slice = 0; slice < 1000 && complete < 5; slice++) {
            for (int i = 0; i < 5; i++) {
                t.step();
            }
            predictions.advance(t, 0); // one chunk: the deadline has passed
            Predictions p = predictions.published();
            if (p == null || p == last) {
                continue;
            }
            last = p;
            boolean whole = predictions.confusion().step() == p.step();
            assertTrue(whole || data.all().inputs().isImage(), "a table publishes whole passes only: one of step "
                    + p.step() + " came before its training rows");
            assertTrue(p.step() < t.steps(), "training went on while the pass ran: stamped " + p.step() + " at " + t.steps());
            while (replay.steps() < p.step()) {
                replay.step();
            }
            int[] predicted = new int[data.all().size()];
            float[] probability = new float[predicted.length];
            predictAll(replay, data, predicted, probability);
            for (int row = 0; row < predicted.length; row++) {
                String where = "row " + row + " of the pass stamped " + p.step();
                if (whole || data.isTest(row)) {
                    assertEquals(predicted[row], p.predicted(row), where);
                    assertEquals(probability[row], (float) p.probability(row), where);
                } else {
                    // published early: the training rows are the last whole pass's, or none yet
                    assertEquals(lastWhole == null ? -1 : lastWhole.predicted(row), p.predicted(row), where);
                }
            }
            if (whole) {
                int[][] counts = replay.confusion(data.train());
                for (int a = 0; a < classes; a++) {
                    for (int b = 0; b < classes; b++) {
                        assertEquals(counts[a][b], predictions.confusion().count(a, b), "matrix " + a + "," + b + " at " + p.step());
                    }
                }
                lastWhole = p;
                complete++;
            } else {
                early++;
            }
        }
        assertEquals(5, complete, "five whole passes checked");
        return early;
    }

    /** Every row's class (argmax of the softmax) and its probability, by {@code trainer}'s network as it is. */
    private static void predictAll(Trainer trainer, DataSplit data, int[] classes, float[] probability) {
        DMatrixRMaj out = new DMatrixRMaj(1, 1);
        trainer.network().predict(data.all().features(), out);
        for (int row = 0; row < classes.length; row++) {
            int best = 0;
            for (int c = 1; c < out.numCols; c++) {
                if (out.get(row, c) > out.get(row, best)) {
                    best = c;
                }
            }
            classes[row] = best;
            probability[row] = (float) out.get(row, best);
        }
    }
}
