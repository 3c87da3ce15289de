package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.Head;
import dev.backprop.playground.engine.nn.Initializer;
import dev.backprop.playground.engine.nn.Loss;
import dev.backprop.playground.engine.nn.Metrics;
import dev.backprop.playground.train.Command;
import dev.backprop.playground.train.DataChoice;
import dev.backprop.playground.train.Snapshot;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes assets/adaline.png when {@code -Dscreenshots.dir=DIR} is set (skipped otherwise), at 1280x760:
 * seed 004's AdalineGD as the app offers it (blobs, no hidden layer, adaline, normal:0.01 with zero bias,
 * the full batch, lr 0.02 (the slider's notch nearest its 0.019), 50 epochs in order), and checks first that the status line, the chart's last
 * row and the boundary are of the same step.
 * {@code mvn -o test-compile surefire:test -Dtest=AdalineScreenshotTest -Dscreenshots.dir=assets}.
 */
class AdalineScreenshotTest extends ScreenshotHarness {
    AdalineScreenshotTest() {
        super(1280, 760);
    }


    @Test
    void seed004sAdalineFullBatchFiftyEpochs() throws Exception {
        interact(() -> this.<DataChoice>choice("#dataset").setValue(DataChoice.BLOBS));
        waitFor("blobs", s -> s.config().dataset() == DatasetKind.BLOBS);
        interact(() -> lookup("#layers").queryAs(Spinner.class).getValueFactory().setValue(0));
        waitFor("no hidden layer", s -> s.config().network().hidden().length == 0);
        interact(() -> this.<Loss>choice("#loss").setValue(Loss.ADALINE));
        waitFor("adaline", s -> s.config().network().head().kind() == Head.Kind.ADALINE);
        interact(() -> this.<Initializer>choice("#init").setValue(Initializer.fromId("normal:0.01")));
        waitFor("normal:0.01", s -> s.config().network().init().equals(Initializer.fromId("normal:0.01")));
        interact(() -> this.<TrainingOrder>choice("#order").setValue(TrainingOrder.EPOCHS_IN_ORDER));
        waitFor("by epochs", s -> s.config().epochs().byEpoch());
        interact(() -> this.<Integer>choice("#batch").setValue(dev.backprop.playground.engine.nn.Limits.APP_MAX_SAMPLES));
        Snapshot full = waitFor("the full batch", s -> s.config().batchSize() >= s.data().train().size());
        // the slider's notch nearest seed 004's 0.019 (the ladder is 1-2-5): what a student can set
        interact(() -> lookup("#learning-rate").queryAs(javafx.scene.control.Slider.class)
                .setValue(LearningRateScale.nearest(0.019)));
        waitFor("lr 0.02", s -> s.config().learningRate() == 0.02);
        long start = full.step();
        session().send(new Command.Step(50)); // a step of the whole set is an epoch: seed 004's n_iter=50
        Snapshot done = waitFor("50 epochs", s -> s.step() == start + 50 && !s.running() && s.grid() != null);
        Metrics row = done.history().get(done.history().size() - 1);
        assertEquals(done.step(), row.step(), "the chart's last row is of the step shown");
        assertTrue(row.trainAccuracy() > 0.99, "seed 004's Adaline separates the blobs: " + row.trainAccuracy());
        String expected = String.format(Locale.ROOT, "accuracy %.1f%%", 100 * row.trainAccuracy());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> lookup("#step-label").queryAs(Label.class).getText().contains(expected));
        String status = lookup("#step-label").queryAs(Label.class).getText();
        assertTrue(status.contains(String.format(Locale.ROOT, "loss %.4f", row.trainLoss())), status);
        assertTrue(status.contains("epoch"), status);
        SceneShot.save(view.getScene(), DIR, "adaline.png");
    }
}
