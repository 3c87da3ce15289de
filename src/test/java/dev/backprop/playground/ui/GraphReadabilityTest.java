package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.expr.Presets;
import dev.backprop.playground.graph.GraphModel;
import dev.backprop.playground.graph.GraphNode;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Readable at launch: on the screen size its Maven execution sets (1280x800 and 1600x1000), the app
 * opens at its default size with no saved window, and every number of the graph is drawn at 11 px
 * or more, for networks with 1 to 3 hidden layers and for every lab preset. Tests tagged
 * {@value WindowLayoutTest#ANY_SCREEN} check what the screen's size does not change and run on the 1280x800
 * screen only (the pom's 1600x1000 execution leaves them out).
 */
class GraphReadabilityTest extends QuickRobot {
    private static final String ANY_SCREEN = WindowLayoutTest.ANY_SCREEN;
    private PlaygroundApp app;
    private PlaygroundView view;
    private Stage stage;

    @BeforeEach
    void launch() throws Exception {
        WindowLayoutTest.forgetTheWindow(); // a first start: no remembered window
        stage = FxToolkit.registerPrimaryStage();
        app = (PlaygroundApp) FxToolkit.setupApplication(PlaygroundApp::new);
        WaitForAsyncUtils.waitForFxEvents();
        view = lookup(".playground").queryAs(PlaygroundView.class);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void theScreenIsTheSizeThisRunIsFor() {
        String expected = System.getProperty("readability.screen");
        org.junit.jupiter.api.Assumptions.assumeTrue(expected != null, "run by the readability executions of the pom");
        Rectangle2D screen = Screen.getPrimary().getBounds();
        assertEquals(expected, (int) screen.getWidth() + "x" + (int) screen.getHeight());
    }

    @Test
    void theFirstWindowLiesWithinTheScreen() {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Rectangle2D window = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        assertTrue(screen.contains(window), window + " within " + screen);
        assertTrue(stage.getWidth() >= Math.min(1280, screen.getWidth()) - 1, "the window uses the screen: " + window);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void everyNumberOfTheNetworkGraphIsAtLeast11Px(int hiddenLayers) throws Exception {
        GraphPane pane = view.graphPane();
        interact(() -> lookup("#layers").queryAs(Spinner.class).getValueFactory().setValue(hiddenLayers));
        String lastWeights = "W" + (hiddenLayers + 1);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> pane.graph() != null && pane.graph().contains(lastWeights)
                && !pane.graph().contains("W" + (hiddenLayers + 2)));
        GraphAndLabTest.waitForLayout(pane);
        assertTrue(pane.smallestTextPx() >= GraphPane.MIN_TEXT_PX - 1e-9,
                hiddenLayers + " hidden layers: text at " + pane.smallestTextPx() + " px");
        assertEquals(pane.graph().size(), pane.drawnNodeCount());
        // what is not in view can be reached: the start of the graph is on screen, the map shows the rest
        var x = pane.centreOf("x");
        assertTrue(x.getX() > 0 && x.getX() < pane.getWidth() && x.getY() > 0 && x.getY() < pane.getHeight(), "x at " + x);
    }

    @Test
    void everyLabPresetIsReadableAtLaunch() throws Exception {
        interact(() -> lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        ExpressionLab lab = view.lab();
        GraphPane pane = lab.graphPane();
        for (Presets.Preset p : Presets.ALL) {
            interact(() -> lab.editor().setText(p.script()));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lab.graph() != null
                    && lab.graph().title().equals(expectedTitle(p)));
            GraphAndLabTest.waitForLayout(pane);
            assertTrue(pane.smallestTextPx() >= GraphPane.MIN_TEXT_PX - 1e-9, p.name() + ": " + pane.smallestTextPx() + " px");
            for (GraphNode n : lab.graph().nodes()) {
                assertFalse(n.label().matches("t[0-9]+"), p.name() + ": a temporary name " + n.label());
            }
        }
    }

    /** The title the lab's graph has once it shows preset {@code p} (the graph of its output). */
    private static String expectedTitle(Presets.Preset p) {
        var out = dev.backprop.playground.expr.Evaluator.run(p.script(), null).output();
        GraphModel g = dev.backprop.playground.graph.ValueGraphBuilder.build(out);
        return g.title();
    }

    @Test
    @Tag(ANY_SCREEN)
    void afterASliderDragTheArrowsStillStepAndLeaveTheSliderAlone() throws Exception {
        GraphPane pane = view.graphPane();
        GraphAndLabTest.waitForLayout(pane);
        clickOn(pane);
        type(KeyCode.RIGHT);
        var session = app.session();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> session.latest().stepping() != null
                && session.latest().stepping().position() == 1);
        Slider lr = lookup("#learning-rate").queryAs(Slider.class);
        drag(lr).moveBy(30, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double value = lr.getValue();
        assertTrue(lr.isFocused(), "the drag gave the slider the focus");
        type(KeyCode.RIGHT, KeyCode.RIGHT);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> session.latest().stepping().position() == 3);
        assertEquals(value, lr.getValue(), 0.0, "Right stepped the backprop, not the slider");
        type(KeyCode.LEFT);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> session.latest().stepping().position() == 2);
        assertEquals(value, lr.getValue(), 0.0);
    }
}
