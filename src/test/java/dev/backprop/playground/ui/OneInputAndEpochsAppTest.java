package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.train.DataChoice;
import dev.backprop.playground.engine.nn.Head;
import dev.backprop.playground.engine.nn.Loss;
import dev.backprop.playground.engine.nn.NetworkCurve;
import dev.backprop.playground.train.Command;
import dev.backprop.playground.train.Snapshot;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Spinner;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Line and quadratic drawn as curves, the run by epochs, and the perceptron's errors per epoch, at 1280x760. */
class OneInputAndEpochsAppTest extends AppHarness {
    OneInputAndEpochsAppTest() {
        super(1280, 760);
    }


    @Test
    void choosingLineShowsItsCurveWhichTrainingBringsOntoThePoints() throws Exception {
        assertTrue(choice("#dataset").getItems().containsAll(java.util.List.of(DataChoice.LINE, DataChoice.QUADRATIC)));
        interact(() -> this.<DataChoice>choice("#dataset").setValue(DataChoice.LINE));
        waitFor("the line", s -> s.config().dataset() == DatasetKind.LINE && !s.curve().isEmpty());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.curveView().getScene() != null
                && !view.curveView().curve().isEmpty());
        assertEquals("curve", view.dataPane().current().id(), "no plane for one input: the curve");
        assertNull(view.boundaryPane().getScene(), "the plane is out of the window");
        assertTrue(view.curveView().getWidth() >= 300, "a large plot: " + view.curveView().getWidth());
        session().send(new Command.SetLearningRate(0.1));
        session().send(new Command.SetBatchSize(80));
        session().send(new Command.Step(2000));
        Snapshot trained = waitFor("trained", s -> s.step() == 2000 && !s.running() && s.curve().step() == 2000);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.curveView().curve().step() == 2000);
        NetworkCurve c = view.curveView().curve();
        Dataset train = trained.data().train();
        double residual = 0;
        for (int i = 0; i < train.size(); i++) {
            residual += Math.abs(at(c, train.x1(i)) - train.labels().get(i, 0)) / train.size();
        }
        // noise 0.1: a fitted line misses a point by 0.08 on average; the untrained network missed by about 2
        assertTrue(residual < 0.12, "mean distance of the curve from the training points: " + residual);
        shoot("line-curve");
    }

    /** The curve's value at {@code x}, linear between its two nearest samples. */
    private static double at(NetworkCurve c, double x) {
        for (int i = 1; i < c.size(); i++) {
            if (c.x(i) >= x) {
                double t = (x - c.x(i - 1)) / (c.x(i) - c.x(i - 1));
                return c.y(i - 1) + t * (c.y(i) - c.y(i - 1));
            }
        }
        return c.y(c.size() - 1);
    }

    @Test
    void thePerceptronsChartShowsErrorsPerEpochAndTheAxisReadsEpochs() throws Exception {
        interact(() -> this.<DataChoice>choice("#dataset").setValue(DataChoice.BLOBS));
        waitFor("blobs", s -> s.config().dataset() == DatasetKind.BLOBS);
        interact(() -> lookup("#layers").queryAs(Spinner.class).getValueFactory().setValue(0));
        waitFor("no hidden layer", s -> s.config().network().hidden().length == 0);
        interact(() -> this.<Loss>choice("#loss").setValue(Loss.PERCEPTRON));
        waitFor("the perceptron", s -> s.config().network().head().kind() == Head.Kind.PERCEPTRON);
        assertTrue(view.epochErrorsChart().isVisible(), "the errors chart comes with the perceptron");
        interact(() -> this.<TrainingOrder>choice("#order").setValue(TrainingOrder.EPOCHS_IN_ORDER));
        Snapshot byEpochs = waitFor("by epochs", s -> s.config().epochs().byEpoch() && !s.config().epochs().shuffle());
        int n = byEpochs.data().train().size();
        session().send(new Command.Step(10L * n)); // batch 1: ten epochs
        Snapshot done = waitFor("ten epochs", s -> s.step() == 10L * n && !s.running());
        assertEquals(10, done.epochErrors().size());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.epochErrorsChart().epochs() == 10);
        assertEquals(n, view.chart().stepsPerEpoch(), "the chart's axis reads epochs of " + n + " steps");
        assertTrue(done.epochErrors().errors(0) > 0, "the first epoch misclassifies");
        shoot("perceptron-errors");
        interact(() -> this.<Loss>choice("#loss").setValue(Loss.ADALINE));
        waitFor("adaline", s -> s.config().network().head().kind() == Head.Kind.ADALINE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !view.epochErrorsChart().isVisible());
        session().send(new Command.SetBatchSize(n));
        session().send(new Command.Step(200));
        Snapshot adaline = waitFor("adaline trained", s -> s.step() == 10L * n + 200 && !s.running());
        dev.backprop.playground.engine.nn.Metrics row = adaline.history().get(adaline.history().size() - 1);
        assertEquals(adaline.step(), row.step(), "the status line's row is of the step reached, not the rebuild's");
        assertTrue(row.trainAccuracy() > 0.95, "the trained Adaline: " + row.trainAccuracy());
        String accuracy = String.format(java.util.Locale.ROOT, "accuracy %.1f%%", 100 * row.trainAccuracy());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> lookup("#step-label").queryAs(javafx.scene.control.Label.class).getText().contains(accuracy));
        shoot("adaline");
    }

    private void shoot(String name) throws Exception {
        String dir = System.getenv("BP_SHOTS");
        if (dir != null) {
            SceneShot.save(view.getScene(), dir, name + ".png");
        }
    }
}
