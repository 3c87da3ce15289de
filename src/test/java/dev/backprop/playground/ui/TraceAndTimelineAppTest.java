package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.train.Snapshot;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Tracing a point by clicking it, and scrubbing the loss chart, end to end (Monocle). */
class TraceAndTimelineAppTest extends AppHarness {
    @Test
    void clickingAPointTracesItThroughTheGraphAndEscClearsIt() throws Exception {
        BoundaryPane boundary = lookup("#boundary-pane").queryAs(BoundaryPane.class);
        Dataset all = session().latest().data().all();
        int index = 5;
        Point2D local = boundary.toScreen(all.x1(index), all.x2(index));
        clickOn(boundary.localToScreen(local), MouseButton.PRIMARY);
        Snapshot s = waitFor("the trace", x -> x.trace() != null);
        // several points may lie under the mouse: the nearest one is traced, with its own label
        int traced = s.trace().index();
        assertTrue(traced >= 0, "a data point, not a probe");
        assertEquals(all.x1(traced), s.trace().x1());
        assertEquals(all.label(traced), s.trace().label());
        assertEquals(all.x1(traced), s.graph().node("x").data().values()[0], "the graph shows that example");
        assertEquals(all.x2(traced), s.graph().node("x").data().values()[1]);
        assertEquals(all.label(traced), s.graph().node("y").data().first());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> boundary.trace() != null);
        assertEquals(traced, boundary.trace().index(), "the boundary marks it");

        type(KeyCode.ESCAPE);
        Snapshot cleared = waitFor("the trace cleared", x -> x.trace() == null);
        assertNull(cleared.trace());
    }

    @Test
    void draggingTheChartCursorShowsEarlierStepsAndPausesTraining() throws Exception {
        clickOn("#play");
        waitFor("3,000 steps", s -> s.step() >= 3000 && s.timeline().steps().size() >= 12);
        LossChartPane chart = lookup("#loss-chart").queryAs(LossChartPane.class);
        javafx.scene.canvas.Canvas canvas = from(chart).lookup((javafx.scene.Node n) -> n instanceof javafx.scene.canvas.Canvas)
                .queryAs(javafx.scene.canvas.Canvas.class);
        double y = canvas.getHeight() / 2;
        Point2D from = canvas.localToScreen(canvas.getWidth() * 0.25, y);
        Point2D to = canvas.localToScreen(canvas.getWidth() * 0.45, y);
        drag(from, MouseButton.PRIMARY);
        Snapshot first = waitFor("scrubbing", s -> s.timeline().scrubbing());
        assertFalse(first.running(), "training pauses while scrubbing");
        long firstStep = first.step();
        assertEquals(first.timeline().scrubbed(), firstStep, "the snapshot shows the scrubbed step");
        moveTo(to);
        Snapshot second = waitFor("a later step", s -> s.timeline().scrubbed() > firstStep);
        release(MouseButton.PRIMARY);
        assertFalse(second.running());
        assertNotEquals(firstStep, second.step(), "the step shown changes");
        assertTrue(second.history().get(second.history().size() - 1).step() > second.step(), "nothing dropped yet");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> chart.scrubbedStep() == second.step());

        type(KeyCode.PAGE_UP);
        Snapshot earlier = waitFor("the kept step before", s -> s.timeline().scrubbed() < second.step());
        assertTrue(earlier.timeline().steps().contains(earlier.step()));

        clickOn("#resume-here");
        Snapshot resumed = waitFor("resumed", s -> !s.timeline().scrubbing() && s.running());
        assertTrue(resumed.step() >= earlier.step());
        assertFalse(resumed.timeline().abandoned().isEmpty(), "the later history stays as a ghost");
    }
}
