package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.train.FirstLayer;
import dev.backprop.playground.train.Snapshot;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The weight pictures alone, headless: one picture per unit (a page at most), a hovered pixel's weight. */
class WeightPicturesTest extends QuickRobot {
    private WeightPictures view;

    @BeforeEach
    void show() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            view = new WeightPictures();
            stage.setScene(new Scene(new ScrollPane(view), 1280, 800));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    /** A layer whose W1[i, j] is (i - j) / 1000, so any weight is known by its indices. */
    private static FirstLayer layer(int rows, int cols, int units, boolean output) {
        int inputs = rows * cols;
        float[] w = new float[inputs * units];
        double max = 0;
        for (int i = 0; i < inputs; i++) {
            for (int j = 0; j < units; j++) {
                w[i * units + j] = (i - j) / 1000f;
                max = Math.max(max, Math.abs(w[i * units + j]));
            }
        }
        return new FirstLayer(250, inputs, units, new int[] {rows, cols}, output, w, new float[units], max);
    }

    private static Snapshot with(FirstLayer first) {
        return Snapshot.builder().step(first.step()).running(true).firstLayer(first).build();
    }

    @Test
    void noHiddenLayerGivesOnePicturePerClass() {
        interact(() -> view.show(with(layer(8, 8, 10, true))));
        assertEquals(10, view.pictures().size());
        assertFalse(lookup("#weight-page").queryAs(Label.class).isVisible()
                && lookup("#weight-page").queryAs(Label.class).getParent().isManaged(), "ten fit: no pager");
    }

    @Test
    void aHundredUnitsArePagedThirtyTwoAtATime() {
        interact(() -> view.show(with(layer(28, 28, 100, false))));
        assertEquals(WeightPictures.PAGE, view.pictures().size());
        assertEquals("units 1\u201332 of 100", lookup("#weight-page").queryAs(Label.class).getText());
        Button next = lookup("#weight-next").queryAs(Button.class);
        for (int i = 0; i < 3; i++) {
            interact(next::fire);
        }
        assertEquals(4, view.pictures().size(), "the last page holds units 97 to 100");
        assertEquals("units 97\u2013100 of 100", lookup("#weight-page").queryAs(Label.class).getText());
        assertTrue(next.isDisabled());
    }

    @Test
    void hoveringAPixelGivesItsWeight() {
        interact(() -> view.show(with(layer(28, 28, 12, false))));
        Canvas third = view.pictures().get(2);
        Bounds b = third.localToScreen(third.getBoundsInLocal());
        // pixel row 5, column 7 of unit 2: 3 screen pixels a weight (84 / 28)
        moveTo(b.getMinX() + 7 * 3 + 1.5, b.getMinY() + 5 * 3 + 1.5);
        WaitForAsyncUtils.waitForFxEvents();
        int i = 5 * 28 + 7;
        assertEquals(String.format(java.util.Locale.ROOT, "W1[5*28+7, 2] = %.5g  (pixel row 5, column 7 \u2192 unit 3)",
                (i - 2) / 1000f), view.hoverLabel());
        assertTrue(view.hoverLabel().startsWith("W1[5*28+7, 2] = 0.145"), view.hoverLabel());
    }

    @Test
    void aNewCopyIsDrawnAndTheSameCopyIsNot() {
        FirstLayer first = layer(8, 8, 16, false);
        interact(() -> view.show(with(first)));
        assertEquals(first, view.shown());
        FirstLayer later = layer(8, 8, 16, false);
        interact(() -> view.show(with(later)));
        assertTrue(view.shown() == later);
        assertEquals(16, view.pictures().size());
    }
}
