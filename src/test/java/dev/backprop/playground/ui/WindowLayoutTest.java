package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.graph.GraphNode;
import dev.backprop.playground.train.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window at its default size on the screen its Maven execution sets (1280x800 and 1600x1000; any
 * screen when run alone): the graph and the data get the room, the whole default graph is in view at a
 * readable size with no overlay on a card, the controls take at most two rows, the splits move, a
 * refusal leaves the graph where it is, and Right steps through backprop whatever slider was used. Tests
 * tagged {@value #ANY_SCREEN} check what the screen's size does not change and run on the 1280x800 screen
 * only (the pom's 1600x1000 execution leaves them out).
 */
class WindowLayoutTest extends QuickRobot {
    /** The tag of the tests one screen size is enough for. */
    static final String ANY_SCREEN = "any-screen";
    private PlaygroundApp app;
    private PlaygroundView view;
    private Stage stage;

    @BeforeEach
    void launch() throws Exception {
        forgetTheWindow();
        stage = FxToolkit.registerPrimaryStage();
        app = (PlaygroundApp) FxToolkit.setupApplication(PlaygroundApp::new);
        WaitForAsyncUtils.waitForFxEvents();
        view = lookup(".playground").queryAs(PlaygroundView.class);
        GraphAndLabTest.waitForLayout(view.graphPane());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.boundaryPane().plotSide() > 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * A first start: no remembered window. Other JVMs on the machine may hold the preferences' file
     * lock for a moment, so a failed removal is tried again (twenty times, a tenth of a second apart).
     */
    static void forgetTheWindow() throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                Preferences.userNodeForPackage(WindowMemory.class).node("window").removeNode();
                return;
            } catch (java.util.prefs.BackingStoreException e) {
                if (attempt == 20) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void atMostTwoRowsOfControlsAboveTheGraphWithTheSettingsFolded() {
        assertFalse(view.controls().settings().isShown(), "a first start folds the settings away");
        assertNull(view.controls().settings().getScene(), "folded away, the panel is in no window: nothing to style");
        Node toolbar = lookup("#toolbar").query();
        TreeSet<Double> centres = new TreeSet<>();
        for (Node group : ((javafx.scene.layout.Pane) toolbar).getChildren()) {
            if (group.isManaged()) { // a row's groups share their centre line (the row centres them)
                var b = group.getBoundsInParent();
                centres.add((b.getMinY() + b.getMaxY()) / 2);
            }
        }
        int rows = 1;
        for (Double c : centres) {
            Double above = centres.lower(c);
            if (above != null && c - above > 8) {
                rows++;
            }
        }
        assertTrue(rows <= 2, "control rows: " + rows + " (centres " + centres + ") at " + windowSize());
        double controlsBottom = view.controls().localToScene(view.controls().getBoundsInLocal()).getMaxY();
        double graphTop = view.graphPane().localToScene(view.graphPane().getBoundsInLocal()).getMinY();
        assertTrue(graphTop - controlsBottom < 40, "nothing but the tab's edge between controls and graph: "
                + controlsBottom + " to " + graphTop);
    }

    @Test
    void theGraphPaneHasAtLeastHalfTheWindowsHeight() {
        double share = view.graphPane().getHeight() / stage.getHeight();
        assertTrue(share >= 0.5, "graph pane " + view.graphPane().getHeight() + " of " + stage.getHeight() + " px at "
                + windowSize());
    }

    /**
     * The first screen: the whole default 2-50-1 graph in the viewport at launch, without
     * panning, every number at 11 px or more, and no overlay (the map, the colour legend, the view
     * toggle, a notice) on any card.
     */
    @Test
    void theWholeDefaultGraphIsInViewAtLaunchReadableAndUncovered() {
        GraphPane pane = view.graphPane();
        assertTrue(pane.graph().contains("W1") && pane.graph().contains("W2") && !pane.graph().contains("W3"),
                "the default 2-50-1 graph");
        assertTrue(pane.smallestTextPx() >= GraphPane.MIN_TEXT_PX - 1e-9, "text at " + pane.smallestTextPx() + " px");
        assertTrue(pane.showsWholeGraph(), "the whole graph in view at " + windowSize() + ": layout "
                + pane.graphLayout().width() + "x" + pane.graphLayout().height() + " at scale " + pane.scale()
                + " in a view of " + pane.viewBounds());
        assertFalse(pane.minimapShown(), "no map over a graph that is all in view");
        List<Bounds> overlays = new ArrayList<>(pane.legendBounds());
        overlays.addAll(pane.overlayBounds());
        Node toggle = view.viewToggle();
        overlays.add(pane.sceneToLocal(toggle.localToScene(toggle.getBoundsInLocal())));
        Rectangle2D viewport = pane.viewBounds();
        for (GraphNode n : pane.graph().nodes()) {
            Rectangle2D card = pane.cardOnPane(n.id());
            assertTrue(viewport.contains(card), n.id() + " at " + card + " outside " + viewport + " at " + windowSize());
            for (Bounds o : overlays) {
                assertFalse(o.intersects(card.getMinX(), card.getMinY(), card.getWidth(), card.getHeight()),
                        n.id() + " at " + card + " under an overlay at " + o);
            }
        }
    }

    @Test
    @Tag(ANY_SCREEN)
    void theFirstStepsHintShowsUntilAStepIsTaken() throws Exception {
        Node hint = lookup("#first-steps").query();
        assertTrue(hint.isVisible(), "a newcomer sees what to do first");
        clickOn("#step");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !hint.isVisible());
        clickOn("#reset");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.session().latest().step() == 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(hint.isVisible(), "once used, gone for good");
    }

    @Test
    void theDataPlotIsAtLeast300PxSquare() {
        assertTrue(view.boundaryPane().plotSide() >= 300, "plot " + view.boundaryPane().plotSide() + " px at " + windowSize());
    }

    @Test
    @Tag(ANY_SCREEN)
    void theSplitsCanBeDragged() {
        for (String which : List.of("graph over the rest", "chart beside inspector", "network beside output")) {
            SplitPane split = split(which);
            double before = split.getDividerPositions()[0];
            Node divider = split.lookupAll(".split-pane-divider").stream().filter(d -> d.getParent() == split)
                    .findFirst().orElseThrow();
            boolean vertical = split.getOrientation() == javafx.geometry.Orientation.VERTICAL;
            drag(divider, MouseButton.PRIMARY).moveBy(vertical ? 0 : -40, vertical ? -40 : 0).release(MouseButton.PRIMARY);
            WaitForAsyncUtils.waitForFxEvents();
            assertNotEquals(before, split.getDividerPositions()[0], which + " did not move");
        }
    }

    /** The graph's split (graph over the rest), the one under it, or the network column beside the output. */
    private SplitPane split(String which) {
        Node graphSide = view.viewToggle().getParent(); // the stack of graph and toggle
        SplitPane network = (SplitPane) graphSide.getParent().getParent();
        SplitPane main = (SplitPane) network.getParent().getParent();
        return switch (which) {
            case "chart beside inspector" -> (SplitPane) network.getItems().get(1);
            case "graph over the rest" -> network;
            default -> main;
        };
    }

    @Test
    @Tag(ANY_SCREEN)
    void aRefusalLeavesTheGraphWhereItIs() throws Exception {
        double top = view.graphPane().localToScene(0, 0).getY();
        double height = view.graphPane().getHeight();
        app.session().send(new Command.SetLearningRate(-1));
        Node banner = lookup("#divergence-banner").query();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, banner::isVisible);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(top, view.graphPane().localToScene(0, 0).getY(), 0.5, "the graph's top stays");
        assertTrue(view.graphPane().getHeight() >= height - 60, "the graph keeps most of its height: "
                + view.graphPane().getHeight() + " of " + height);
    }

    @Test
    @Tag(ANY_SCREEN)
    void rightStepsAfterAnySliderWasUsedAndUpMovesTheSlider() throws Exception {
        var session = app.session();
        int position = 0;
        for (String id : List.of("#learning-rate", "#hidden-size", "#speed")) {
            Slider slider = lookup(id).queryAs(Slider.class);
            clickOn(slider.lookup(".thumb")); // focus; a click on the thumb does not move it
            double value = slider.getValue();
            assertTrue(slider.isFocused(), id + " has the focus");
            type(KeyCode.RIGHT);
            int expected = ++position;
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> session.latest().stepping() != null
                    && session.latest().stepping().position() == expected);
            assertEquals(value, slider.getValue(), 0.0, "Right stepped the backprop, not " + id);
        }
        Slider lr = lookup("#learning-rate").queryAs(Slider.class);
        clickOn(lr.lookup(".thumb"));
        double before = lr.getValue();
        type(KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 1, lr.getValue(), 1e-9, "Up moves the slider one notch");
        type(KeyCode.DOWN, KeyCode.DOWN);
        assertEquals(before - 1, lr.getValue(), 1e-9);
    }

    /**
     * The digits in the default window: the gallery shows at least two rows of images and the 10-class
     * confusion matrix is whole (inside its slot, no count cut to an ellipsis), every number at 11 px or more.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theDigitsGalleryHasTwoRowsAndTheWholeTenClassMatrix() throws Exception {
        interact(() -> lookup("#dataset").queryAs(javafx.scene.control.ChoiceBox.class)
                .setValue(dev.backprop.playground.train.DataChoice.DIGITS));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.session().latest().confusion().classes() == 10
                && app.session().latest().confusion().total() > 0);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.confusion().shown().classes() == 10
                && view.dataPane().current() instanceof ImageGallery g && g.pageRows().size() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        ImageGallery gallery = (ImageGallery) view.dataPane().current();
        int columns = gallery.canvas().columns();
        assertTrue(columns >= 4 && gallery.pageRows().size() >= 2 * columns, "two rows of at least four images: "
                + gallery.pageRows().size() + " in " + columns + " columns at " + windowSize());
        ConfusionMatrixPane matrix = view.confusion();
        assertMatrixWhole(matrix);
        // the full Fashion-MNIST's counts (6,000 a class, four digits) fit as well
        int[][] fashion = new int[10][10];
        for (int i = 0; i < 10; i++) {
            fashion[i][i] = 5888;
            fashion[i][(i + 1) % 10] = 112;
        }
        interact(() -> matrix.show(new dev.backprop.playground.train.Confusion(fashion, 1)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("5888", matrix.cellText(3, 3));
        assertMatrixWhole(matrix);
    }

    /** The matrix inside its slot at its whole size, every label at 11 px or more and none cut to an ellipsis. */
    private void assertMatrixWhole(ConfusionMatrixPane matrix) {
        Node slot = matrix.getParent();
        Bounds inSlot = matrix.getBoundsInParent();
        Bounds slotBounds = slot.getLayoutBounds();
        assertTrue(inSlot.getMaxX() <= slotBounds.getMaxX() + 0.5 && inSlot.getMaxY() <= slotBounds.getMaxY() + 0.5,
                "the matrix " + inSlot + " inside its slot " + slotBounds + " at " + windowSize());
        assertTrue(matrix.getHeight() >= matrix.prefHeight(matrix.getWidth()) - 0.5
                && matrix.getWidth() >= matrix.prefWidth(-1) - 0.5, "the matrix at its whole size: "
                + matrix.getWidth() + "x" + matrix.getHeight());
        List<javafx.scene.control.Label> labels = matrix.lookupAll(".label").stream()
                .map(javafx.scene.control.Label.class::cast).toList();
        assertTrue(labels.size() >= 1 + 20 + 100, "headers and 100 cells: " + labels.size());
        for (javafx.scene.control.Label l : labels) {
            assertTrue(l.getFont().getSize() >= 11, "'" + l.getText() + "' at " + l.getFont().getSize() + " px");
            javafx.scene.text.Text shownText = (javafx.scene.text.Text) l.lookup(".text");
            if (!l.getText().isEmpty() && !l.isWrapText()) {
                assertEquals(l.getText(), shownText == null ? null : shownText.getText(), "shown whole");
            }
        }
    }

    private String windowSize() {
        return (int) stage.getWidth() + "x" + (int) stage.getHeight();
    }
}
