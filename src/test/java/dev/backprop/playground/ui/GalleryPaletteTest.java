package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** The gallery's captions at 11 px read in both themes: each ink at least 4.5:1 on its own paper. */
class GalleryPaletteTest {

    @Test
    void everyInkReadsOnItsPaperInBothThemes() {
        for (GalleryCanvas.Palette p : new GalleryCanvas.Palette[] {GalleryCanvas.Palette.LIGHT, GalleryCanvas.Palette.DARK}) {
            for (Color ink : new Color[] {p.ink(), p.right(), p.wrong(), p.traced()}) {
                double ratio = Contrast.ratio(ink, p.paper());
                assertTrue(ratio >= Contrast.READABLE, ink + " on " + p.paper() + ": " + ratio);
            }
        }
        assertTrue(Contrast.luminance(GalleryCanvas.Palette.DARK.paper()) < 0.05, "dark paper in the dark theme");
    }
}
