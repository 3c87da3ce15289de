package dev.backprop.playground.ui;

import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.train.Command;
import dev.backprop.playground.train.DataChoice;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ChoiceBox;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes the image gallery while training as PNGs when {@code -Dscreenshots.dir=DIR} is set (skipped
 * otherwise), in a 1280x760 window: the 8x8 digits and Fashion-MNIST, each playing with batches of 32.
 * {@code mvn -o test-compile surefire:test -Dtest=GalleryScreenshotsTest -Dscreenshots.dir=assets}.
 */
class GalleryScreenshotsTest extends AppHarness {
    private static final String DIR = System.getProperty("screenshots.dir");

    GalleryScreenshotsTest() {
        super(1280, 760);
    }

    /** Before the harness launches the app: a skipped run costs no window. */
    @BeforeAll
    static void onlyWhenAsked() {
        Assumptions.assumeTrue(DIR != null, "-Dscreenshots.dir not set");
    }

    @Test
    void digitsWhileTraining() throws Exception {
        trainAndSave(DataChoice.DIGITS, 300, "gallery-digits-training.png");
    }

    @Test
    void fashionWhileTraining() throws Exception {
        trainAndSave(DataChoice.FASHION, 300, "gallery-fashion-training.png");
    }

    @SuppressWarnings("unchecked")
    private void trainAndSave(DataChoice choice, long steps, String name) throws Exception {
        interact(() -> lookup("#dataset").queryAs(ChoiceBox.class).setValue(choice));
        DatasetKind kind = choice.kind();
        waitFor(choice.toString(), s -> s.config().dataset() == kind && s.predictions() != null);
        session().send(new Command.SetBatchSize(32));
        session().send(new Command.Play());
        waitFor(steps + " steps predicted", s -> s.predictions() != null && s.predictions().step() >= steps);
        for (int i = 0; i < 6; i++) { // GraphStream repaints at most every 40 ms
            Thread.sleep(200);
            WaitForAsyncUtils.waitForFxEvents();
        }
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> view.getScene().snapshot(null)).get();
        session().send(new Command.Pause());
        Path dir = Files.createDirectories(Path.of(DIR));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(dir.toFile(), name));
    }
}
