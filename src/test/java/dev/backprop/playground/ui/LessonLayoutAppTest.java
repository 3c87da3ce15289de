package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.graph.GraphNode;
import dev.backprop.playground.lesson.ShippedLessons;
import dev.backprop.playground.train.Command;
import dev.backprop.playground.train.Snapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window a 1280x800 screen leaves (1280x760), with a lesson's column open: no label is cut with an
 * ellipsis, the timeline bar stays inside the chart's pane, and the graph's map leaves the stepped card
 * in view.
 */
class LessonLayoutAppTest extends AppHarness {
    LessonLayoutAppTest() {
        super(1280, 760);
    }

    /** Labels on screen whose text is drawn cut ("Dr…" for "Drag the chart…"), as "shown [of full]". */
    static List<String> cutLabels(Parent root) {
        List<String> cut = new ArrayList<>();
        for (Node n : root.lookupAll(".text")) {
            Labeled owner = null;
            for (Node p = n.getParent(); p != null && owner == null; p = p.getParent()) {
                owner = p instanceof Labeled l ? l : null;
            }
            if (n instanceof Text t && owner != null && t.getText() != null && !t.getText().equals(owner.getText())
                    && shown(t)) {
                cut.add(t.getText() + " [of " + owner.getText() + "]");
            }
        }
        return cut;
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code inner} lies within {@code outer} on the screen (to half a pixel). */
    private static boolean inside(Node inner, Node outer) {
        Bounds i = inner.localToScene(inner.getBoundsInLocal());
        Bounds o = outer.localToScene(outer.getBoundsInLocal());
        return i.getMinX() >= o.getMinX() - 0.5 && i.getMaxX() <= o.getMaxX() + 0.5;
    }

    private void assertBarInsideTheChartPane() {
        Node bar = lookup(".timeline-bar").query();
        Node chartBox = lookup("#loss-chart").query();
        while (!(chartBox instanceof javafx.scene.control.TitledPane)) {
            chartBox = chartBox.getParent(); // the chart's titled pane
        }
        for (Node child : ((Parent) bar).getChildrenUnmodifiable()) {
            if (child.isVisible()) {
                assertTrue(inside(child, chartBox), child + " lies outside the chart's pane");
            }
        }
    }

    /** The inspector wraps to its narrow column: nothing in it is wider than the scroll pane's view. */
    private void assertInspectorFitsItsColumn() {
        Node inspector = lookup("#inspector").query();
        Node p = inspector;
        while (!(p instanceof javafx.scene.control.ScrollPane)) {
            p = p.getParent();
        }
        double viewport = ((javafx.scene.control.ScrollPane) p).getViewportBounds().getWidth();
        assertTrue(viewport > 0, "the inspector is on screen");
        for (Node child : ((Parent) inspector).getChildrenUnmodifiable()) {
            double right = inspector.localToScene(child.getBoundsInParent()).getMaxX()
                    - p.localToScene(p.getBoundsInLocal()).getMinX();
            assertTrue(right <= viewport + 1, child + " reaches " + right + " px in an inspector " + viewport + " px wide");
        }
    }

    @Test
    void withoutALessonNoLabelIsCutEither() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), cutLabels(view), "labels cut with an ellipsis on opening");
        clickOn("#step");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> session().latest().step() >= 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), cutLabels(view), "labels cut with an ellipsis after a step");
    }

    @Test
    void aLessonsColumnCutsNoLabelAndHidesNoSteppedCard() throws Exception {
        Path file = ShippedLessons.file("000-moons-mlp.lesson");
        interact(() -> view.openLesson(file));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.lessons().active());
        clickOn("#step");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.lessons().done()[0]);
        clickOn("#lesson-next");
        for (int i = 0; i < 8; i++) {
            clickOn("#node-next"); // forward to L: the card at the graph's bottom right, where the map sits
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), cutLabels(view), "labels cut with an ellipsis");
        assertBarInsideTheChartPane();
        assertInspectorFitsItsColumn();

        GraphPane graph = view.graphPane();
        dev.backprop.playground.graph.GraphModel shown = graph.graph();
        String stepped = shown.nodes().stream().filter(GraphNode::highlighted).map(GraphNode::id).findFirst()
                .orElseThrow();
        assertEquals("L", shown.node(stepped).label(), "stepped forward to the loss");
        java.util.Set<String> lit = new java.util.TreeSet<>(List.of(stepped));
        shown.flow().forEach(e -> lit.addAll(List.of(e.from(), e.to())));
        Node map = lookup(".minimap").query();
        javafx.geometry.Rectangle2D viewport = graph.viewBounds();
        for (String id : lit) {
            javafx.geometry.Rectangle2D card = graph.cardOnPane(id);
            assertTrue(viewport.contains(card), id + " at " + card + " not wholly in the view " + viewport);
            Bounds onMap = graph.sceneToLocal(map.localToScene(map.getBoundsInLocal()));
            assertFalse(graph.minimapShown() && onMap.intersects(card.getMinX(), card.getMinY(), card.getWidth(),
                    card.getHeight()), "the map at " + onMap + " covers the lit card " + id + " at " + card);
        }
    }

    /**
     * The lesson's column narrows the chart (270 px): its bar wraps to two rows and its legend to three lines.
     * The graph gives up the height the chart then needs, so the plot keeps room for its axis labels and its
     * curve (it was 26 px tall, its labels on top of each other, and the chart's foot cut by its row), and
     * gets it back when the lesson is left.
     */
    @Test
    void aLessonsColumnLeavesTheLossChartReadable() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        double graphBefore = view.graphPane().getHeight();
        Path file = ShippedLessons.file("000-moons-mlp.lesson");
        interact(() -> view.openLesson(file));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.lessons().active());
        clickOn("#step");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.lessons().done()[0]);
        LossChartPane chart = view.chart();
        settle(() -> chart.framedPlotHeight() >= LossChartPane.MIN_PLOT_HEIGHT - 0.5);
        assertTrue(chart.framedPlotHeight() >= LossChartPane.MIN_PLOT_HEIGHT - 0.5, "the plot is "
                + chart.framedPlotHeight() + " px tall under its legend in a chart " + chart.plotWidth() + " px wide");
        assertTrue(chart.points() >= 1, "a curve to draw");
        Node chartBox = lookup("#loss-chart").query().getParent();
        while (!(chartBox instanceof javafx.scene.control.TitledPane)) {
            chartBox = chartBox.getParent();
        }
        Node row = chartBox.getParent();
        while (!(row instanceof javafx.scene.control.SplitPane)) {
            row = row.getParent();
        }
        double chartFoot = chartBox.localToScene(chartBox.getBoundsInLocal()).getMaxY();
        double rowFoot = row.localToScene(row.getBoundsInLocal()).getMaxY();
        assertTrue(chartFoot <= rowFoot + 0.5, "the chart's pane ends at " + chartFoot + ", its row at " + rowFoot);
        assertTrue(view.graphPane().getHeight() >= 0.4 * 760, "the graph keeps " + view.graphPane().getHeight() + " px");

        clickOn("#lesson-leave");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !view.lessons().active());
        settle(() -> Math.abs(view.graphPane().getHeight() - graphBefore) < 1);
        assertEquals(graphBefore, view.graphPane().getHeight(), 1, "the graph's height back after the lesson");
    }

    /** Waits up to 10 s for {@code laidOut} (the layout moves over a few pulses), then for the FX thread. */
    private static void settle(java.util.concurrent.Callable<Boolean> laidOut) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, laidOut);
        } catch (java.util.concurrent.TimeoutException e) {
            // the assertion after it says what is wrong
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void scrubbingShowsTheStepAndItsButtonsWhole() throws Exception {
        session().send(new Command.Step(1000));
        waitFor("1,000 steps", s -> s.step() >= 1000 && s.timeline().steps().size() >= 4);
        session().send(new Command.ScrubTo(500));
        waitFor("scrubbing", s -> s.timeline().scrubbing());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lookup("#resume-here").query().isVisible() && lookup("#back-to-live").query().isVisible());
        assertTrue(lookup("#timeline-where").queryLabeled().getText().startsWith("step 500 of 1,000"));
        assertEquals(List.of(), cutLabels(view), "labels cut with an ellipsis");
        assertBarInsideTheChartPane();
        session().send(new Command.LeaveScrub());
        waitFor("live", s -> !s.timeline().scrubbing());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(lookup("#resume-here").query().isVisible(), "Resume from here only while scrubbing");
        assertEquals(List.of(), cutLabels(view), "labels cut with an ellipsis");
    }
}
