package dev.backprop.playground.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** A curated screenshot for the docs: the window's scene as a PNG, once its graph has repainted. */
final class SceneShot {
    private SceneShot() {
    }

    /** Lets GraphStream repaint (at most every 40 ms), then writes the scene to {@code dir/name}. */
    static void save(Scene scene, String dir, String name) throws Exception {
        for (int i = 0; i < 6; i++) {
            Thread.sleep(200);
            WaitForAsyncUtils.waitForFxEvents();
        }
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
        Path folder = Files.createDirectories(Path.of(dir));
        // opaque RGB: a window has no transparency, and the PNG is a quarter smaller without the alpha channel
        java.awt.image.BufferedImage rgb = new java.awt.image.BufferedImage((int) image.getWidth(), (int) image.getHeight(),
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        ImageIO.write(SwingFXUtils.fromFXImage(image, rgb), "png", new File(folder.toFile(), name));
    }
}
