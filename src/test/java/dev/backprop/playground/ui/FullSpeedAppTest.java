package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.DecisionGrid;
import dev.backprop.playground.train.Snapshot;
import dev.backprop.playground.train.TrainingSession;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Slider;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app opened with {@code --speed max --play} (as Main passes them): it trains at once, unthrottled, the
 * slider at its far right; the window reports its frames to the engine; a new boundary grid only replaces the
 * shading's pixels (the canvas of points is not drawn again while the points stay).
 */
class FullSpeedAppTest extends AppHarness {
    static {
        PlaygroundApp.startWith(TrainingSession.UNTHROTTLED, true); // taken by the first window, which this test's is
    }

    @Test
    void startsTrainingUnthrottledAndRedrawsOnlyTheShadingAsTheBoundaryMoves() throws Exception {
        Snapshot s = waitFor("unthrottled training", x -> x.running() && x.step() > 50_000);
        assertTrue(s.running());
        Slider speed = lookup("#speed").queryAs(Slider.class);
        assertEquals(TransportRow.MAX_LOG_SPEED, speed.getValue(), 1e-12, "the slider shows max");
        assertEquals(TrainingSession.UNTHROTTLED, view.controls().speed(), "and sends max");

        long frames = session().frames().frames();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> session().frames().frames() >= frames + 10);
        assertTrue(session().frames().frames() >= frames + 10, "the window reports its frames to the engine");

        BoundaryPane boundary = lookup("#boundary-pane").queryAs(BoundaryPane.class);
        DecisionGrid first = boundary.grid();
        int draws = boundary.canvasDraws();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> boundary.grid() != first);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotSame(first, boundary.grid(), "a new boundary was shown");
        assertEquals(draws, boundary.canvasDraws(), "the same points: only the shading's pixels were replaced");
    }
}
