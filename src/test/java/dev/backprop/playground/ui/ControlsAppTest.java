package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.Activation;
import dev.backprop.playground.engine.nn.Initializer;
import dev.backprop.playground.engine.nn.Loss;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.io.ModelJson;
import dev.backprop.playground.train.Command;
import dev.backprop.playground.train.Snapshot;
import dev.backprop.playground.train.TrainingSession;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The controls and the exports in the whole app, headless, against a real training session. */
class ControlsAppTest extends AppHarness {

    @TempDir
    Path dir;

    /** A 1280-px screen's window: the controls must fit it. */
    ControlsAppTest() {
        super(1280, 760);
    }

    @Test
    void aHiddenSizeDragWhileTrainingRebuildsOnce() throws Exception {
        interact(() -> view.controls().speedSlider().setValue(3)); // 1,000 steps/s: the drag spans many steps
        clickOn("#play");
        waitFor("training", s -> s.step() > 50);
        int before = session().latest().rebuilds().size();
        var drag = drag((Node) lookup("#hidden-size .thumb").query(), MouseButton.PRIMARY);
        for (int i = 0; i < 25; i++) {
            drag.moveBy(-3, 0);
            Thread.sleep(15); // a hand's pace: the engine trains between moves
        }
        drag.release(MouseButton.PRIMARY);
        int size = view.controls().hiddenSize();
        assertTrue(size < 40, "the drag crossed many sizes: " + size);
        Snapshot s = waitFor("hidden size " + size, x -> x.config().network().hidden()[0] == size);
        Thread.sleep(300);
        assertEquals(before + 1, session().latest().rebuilds().size(), "one rebuild mark: " + s.rebuilds());
    }

    @Test
    void aQuickLearningRateDragWhileTrainingAtFullSpeedNeverJumpsBackAndItsLastValueSticks() throws Exception {
        interact(() -> view.controls().speedSlider().setValue(TransportRow.MAX_LOG_SPEED)); // unthrottled
        interact(() -> view.controls().setLearningRate(1e-4)); // notch 0: the drag goes up from there
        clickOn("#play");
        // 5,000 steps: well past the first flat-out slice, after which the engine rests for the window's frames
        waitFor("training at full speed with 0.0001", s -> s.step() > 5_000 && s.config().learningRate() == 1e-4);
        Node thumb = lookup("#learning-rate .thumb").query();
        var drag = drag(thumb, MouseButton.PRIMARY);
        double shown = view.controls().learningRate();
        // up to 0.1 at most: a rate of 2 or 10 blows the run up, and a diverged run pauses (a different test)
        for (int i = 0; i < 40 && shown < 0.1; i++) {
            drag.moveBy(2, 0); // a quick hand: no pause between moves, a command every few moves
            double now = view.controls().learningRate();
            assertTrue(now >= shown, "move " + i + ": the thumb went back from " + shown + " to " + now);
            shown = now;
        }
        drag.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double last = view.controls().learningRate();
        assertTrue(last >= 0.01, "the drag crossed many notches: " + last);
        waitFor("the engine at " + last, s -> s.config().learningRate() == last);
        long frames = session().frames().frames();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> session().frames().frames() >= frames + 20);
        assertEquals(last, view.controls().learningRate(), 0.0, "the final value sticks, 20 frames on");
        assertTrue(session().latest().running() && session().latest().step() > 5_000);
    }

    @Test
    void theGraphViewToggleKeepsTheUsersChoiceUntilTheEngineHasTakenIt() throws Exception {
        Snapshot before = waitFor("the tensor view", x -> !x.graph().isNeuronView());
        javafx.scene.control.ToggleButton neurons = lookup("#view-neurons").queryAs(javafx.scene.control.ToggleButton.class);
        clickOn(neurons);
        Snapshot stale = copyOf(before); // a frame the engine published before it took the press (render skips the same one)
        interact(() -> view.render(stale));
        assertTrue(neurons.isSelected(), "the toggle does not flip back to tensors");
        waitFor("the neuron view", x -> x.graph().isNeuronView());
        assertTrue(neurons.isSelected());
        interact(() -> view.render(session().latest()));
        assertTrue(neurons.isSelected(), "acknowledged: the engine's view, which is the one asked for");
    }

    /** Another snapshot object with the same parts. */
    private static Snapshot copyOf(Snapshot s) throws ReflectiveOperationException {
        var parts = Snapshot.class.getRecordComponents();
        Object[] values = new Object[parts.length];
        Class<?>[] types = new Class<?>[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = parts[i].getAccessor().invoke(s);
            types[i] = parts[i].getType();
        }
        return Snapshot.class.getDeclaredConstructor(types).newInstance(values);
    }

    @Test
    void theControlsShowANetworkSetDirectlyOnTheSessionAndALoadedModel() throws Exception {
        NetworkSpec spec = new NetworkSpec(2, new int[] {12, 12}, Activation.TANH, Loss.MSE, Initializer.XAVIER);
        session().send(new Command.SetNetwork(spec));
        waitFor("the new network", s -> s.config().network().equals(spec));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.controls().hiddenSize() == 12);
        assertEquals(2, lookup("#layers").queryAs(Spinner.class).getValue());
        assertEquals(Activation.TANH, lookup("#activation").queryAs(ChoiceBox.class).getValue());
        assertEquals(Loss.MSE, choice("#loss").getValue());

        Path model = dir.resolve("model.json");
        ModelJson.write(model, new NetworkSpec(2, new int[] {7, 5, 3}, Activation.SIGMOID, Loss.BCE, Initializer.NORMAL)
                .build(new Random(1)));
        session().send(new Command.LoadModel(model));
        waitFor("the loaded model", s -> s.config().network().hidden().length == 3);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "7,5,3".equals(
                lookup("#hidden-size-text").queryAs(Label.class).getText()));
        assertEquals(3, lookup("#layers").queryAs(Spinner.class).getValue());
        assertEquals(Activation.SIGMOID, lookup("#activation").queryAs(ChoiceBox.class).getValue());
        Thread.sleep(300);
        Snapshot after = session().latest();
        assertEquals("7,5,3", java.util.Arrays.toString(after.config().network().hidden()).replaceAll("[\\[\\] ]", ""),
                "the controls did not send their own network back over the loaded one");
        assertTrue(after.message().startsWith("loaded"), after.message());
    }

    @Test
    void theChartExportIsTheChartAloneAtTwiceTheResolution() throws Exception {
        clickOn("#step-250");
        waitFor("a second chart row", s -> s.history().size() >= 2);
        LossChartPane chart = view.chart();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> chart.points() >= 2);
        Path png = dir.resolve("loss-chart.png");
        interact(() -> view.files().exportPanePng(chart, png)); // what File > Export loss chart does
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(png));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(2 * Math.ceil(Math.max(chart.plotWidth(), 480)), image.getWidth(), 1.0, "2x the plot's width");
        assertEquals(2 * Math.ceil(Math.max(chart.plotHeight(), 280)), image.getHeight(), 1.0,
                "2x the plot's height: the check box row is not in it");
        // where the pane has its "log scale" check box, the export has blank paper
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 60; x++) {
                assertEquals(0xFFFFFF, image.getRGB(x, y) & 0xFFFFFF, "paper at " + x + "," + y);
            }
        }
        int legendTrain = 0;
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                legendTrain += (image.getRGB(x, y) & 0xFFFFFF) == (rgb(LossChartPane.TRAIN)) ? 1 : 0;
            }
        }
        assertTrue(legendTrain > 20, "the legend's train-loss swatch is drawn in the image: " + legendTrain);
    }

    private static int rgb(javafx.scene.paint.Color c) {
        return (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    @Test
    void theBoundaryExportHasAxesAroundTheGrid() throws Exception {
        Path png = dir.resolve("boundary.png");
        interact(() -> view.files().exportBoundaryPng(png));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(png));
        BufferedImage image = ImageIO.read(png.toFile());
        var grid = session().latest().grid();
        java.awt.Rectangle plot = dev.backprop.playground.io.BoundaryPng.plotArea(grid);
        assertEquals(2 * TrainingSession.GRID_SIZE, plot.width, "the app's 200x200 grid at 2x2 pixels a cell");
        assertTrue(image.getWidth() > plot.x + plot.width + 100 && image.getHeight() > plot.y + plot.height + 30,
                image.getWidth() + "x" + image.getHeight());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> lookup("#status").queryAs(Label.class).getText()
                .startsWith("wrote "));
    }
}
