package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.graph.GraphModel;
import dev.backprop.playground.graph.ImageNetworks;
import dev.backprop.playground.graph.NodeCard;
import dev.backprop.playground.graph.Tensor;
import dev.backprop.playground.render.PixelShade;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The graph pane showing an image network (64-16-10 on digits, built as the CLI builds it): the x
 * card draws the example's pixels as its picture, every number at 11 px or more.
 */
class ImageGraphPaneTest extends QuickRobot {
    private GraphPane pane;

    @AfterEach
    void close() throws Exception {
        interact(() -> pane.dispose());
        FxToolkit.cleanupStages();
    }

    @Test
    void theXCardShowsTheDigitPixelForPixelAtAReadableSize() throws Exception {
        GraphModel graph = ImageNetworks.digitsGraph();
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            pane = new GraphPane();
            // about the graph pane of a 1280x800 window
            s.setScene(new Scene(pane, 858, 430));
            s.show();
            pane.show(graph);
        });
        GraphAndLabTest.waitForLayout(pane);
        assertTrue(pane.smallestTextPx() >= GraphPane.MIN_TEXT_PX - 1e-9, "text at " + pane.smallestTextPx() + " px");
        Rectangle2D card = pane.cardOnPane("x");
        assertTrue(pane.viewBounds().contains(card), "the graph opens at its input: " + card);
        NodeCard.Row pixels = NodeCard.of(graph.node("x")).rows().get(2);
        Tensor x = graph.node("x").data();
        assertTrue(java.util.Arrays.stream(x.values()).filter(v -> v > 0.5).count() > 5, "a digit with ink to see");
        double scale = pane.scale();
        double left = card.getMinX() + pixels.pictureX() * scale;
        double top = card.getMinY() + (pixels.y() + pixels.pictureTop()) * scale;
        double cellW = pixels.pictureW() * scale / x.cols();
        double cellH = pixels.pictureHeight() * scale / x.rows();
        // GraphStream paints on its own timer: wait for a frame with the cards on it
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> mismatches(left, top, cellW, cellH, x) == 0);
    }

    /** How many of x's pixels the pane does not show in their grey (a snapshot, sampled at each cell's centre). */
    private int mismatches(double left, double top, double cellW, double cellH, Tensor x) throws Exception {
        WritableImage[] shot = new WritableImage[1];
        interact(() -> shot[0] = pane.snapshot(null, null));
        int wrong = 0;
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < x.cols(); c++) {
                int argb = shot[0].getPixelReader().getArgb((int) (left + (c + 0.5) * cellW), (int) (top + (r + 0.5) * cellH));
                int expected = PixelShade.rgb(x.get(r, c));
                for (int shift = 0; shift <= 16; shift += 8) {
                    if (Math.abs((argb >> shift & 0xFF) - (expected >> shift & 0xFF)) > 12) {
                        wrong++;
                        break;
                    }
                }
            }
        }
        return wrong;
    }
}
