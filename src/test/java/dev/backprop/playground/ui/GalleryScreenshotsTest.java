package dev.backprop.playground.ui;

import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.train.Command;
import dev.backprop.playground.train.DataChoice;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ChoiceBox;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes the image gallery while training as PNGs when {@code -Dscreenshots.dir=DIR} is set (skipped
 * otherwise), in a 1280x760 window: the 8x8 digits and Fashion-MNIST, each playing with batches of 32,
 * and the digits' gallery beside the neuron view's weight pictures.
 * {@code mvn -o test-compile surefire:test -Dtest=GalleryScreenshotsTest -Dscreenshots.dir=assets}.
 */
class GalleryScreenshotsTest extends ScreenshotHarness {
    GalleryScreenshotsTest() {
        super(1280, 760);
    }

    @Test
    void digitsWhileTraining() throws Exception {
        trainAndSave(DataChoice.DIGITS, 300, "gallery-digits-training.png");
    }

    @Test
    void fashionWhileTraining() throws Exception {
        trainAndSave(DataChoice.FASHION, 300, "gallery-fashion-training.png");
    }

    /** The gallery beside the neuron view, whose first-layer units show their weights as 8x8 pictures. */
    @Test
    void digitsGalleryWithTheWeightPictures() throws Exception {
        trainAndSave(DataChoice.DIGITS, 1000, "gallery-digits-weights.png", true);
    }

    private void trainAndSave(DataChoice choice, long steps, String name) throws Exception {
        trainAndSave(choice, steps, name, false);
    }

    @SuppressWarnings("unchecked")
    private void trainAndSave(DataChoice choice, long steps, String name, boolean neurons) throws Exception {
        interact(() -> lookup("#dataset").queryAs(ChoiceBox.class).setValue(choice));
        DatasetKind kind = choice.kind();
        // the full Fashion-MNIST takes longer to read than the harness's 20 s on a loaded machine
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> session().latest().config().dataset() == kind
                && session().latest().predictions() != null);
        session().send(new Command.SetBatchSize(32));
        session().send(new Command.Play());
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> session().latest().predictions() != null
                && session().latest().predictions().step() >= steps);
        // paused, the predictions' pass runs at one state: the gallery and the matrix then show the network
        // the status line names (while playing, a pass over 70,000 images spans many steps)
        session().send(new Command.Pause());
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !session().latest().running()
                && session().latest().predictions() != null
                && session().latest().predictions().step() == session().latest().step()
                && session().latest().confusion().step() == session().latest().step());
        if (neurons) {
            interact(() -> lookup("#view-neurons").queryAs(javafx.scene.control.ToggleButton.class).fire());
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> session().latest().graph().title().startsWith("neurons"));
            GraphAndLabTest.waitForLayout(view.graphPane());
            Thread.sleep(1500); // GraphStream paints on its own timer
            WaitForAsyncUtils.waitForFxEvents();
        }
        SceneShot.save(view.getScene(), DIR, name);
        session().send(new Command.Pause());
    }
}
