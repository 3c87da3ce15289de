package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.train.Snapshot;
import dev.backprop.playground.train.TrainingSession;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The app end to end, headless (Monocle): launch, train, drag sliders, step, diverge. */
class PlaygroundAppTest extends AppHarness {
    @Test
    void playAdvancesTheStepCounterAndTheChart() throws Exception {
        clickOn("#play");
        waitFor("1,000 steps", s -> s.step() >= 1000);
        WaitForAsyncUtils.waitForFxEvents();
        String text = lookup("#step-label").queryAs(Label.class).getText();
        assertTrue(text.matches("step [0-9,]+ .*"), text);
        assertNotEquals("step 0", text.substring(0, 6));
        LossChartPane chart = lookup("#loss-chart").queryAs(LossChartPane.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chart.points() >= 4);
        assertTrue(chart.points() >= 4, "chart rows: step 0 and every 250 steps");
        BoundaryPane boundary = lookup("#boundary-pane").queryAs(BoundaryPane.class);
        assertEquals(TrainingSession.GRID_SIZE, boundary.grid().width(), "a 200x200 frame");
    }

    @Test
    void learningRateSliderChangesTheRateWithoutAReset() throws Exception {
        clickOn("#step-250");
        Snapshot before = waitFor("250 steps", s -> s.step() == 250 && !s.running());
        Slider lr = lookup("#learning-rate").queryAs(Slider.class);
        drag((javafx.scene.Node) lookup("#learning-rate .thumb").query(), MouseButton.PRIMARY).moveBy(35, 0).release(MouseButton.PRIMARY);
        double expected = lookup(".control-bar").queryAs(ControlBar.class).learningRate();
        assertNotEquals(0.01, expected, 1e-6, "the drag moved the slider");
        Snapshot after = waitFor("the new rate", s -> Math.abs(s.config().learningRate() - expected) < 1e-12);
        assertEquals(250, after.step(), "no reset");
        assertEquals(before.history().size(), after.history().size(), "history kept");
        assertTrue(after.rebuilds().isEmpty(), "the network was not rebuilt");
        // the weights are the same tensors as before the drag
        assertEquals(before.graph().node("W1").data(), after.graph().node("W1").data());
    }

    @Test
    void hiddenSizeSliderRebuildsTheNetworkWithThatSize() throws Exception {
        clickOn("#view-tensors"); // a small network would otherwise open as neurons
        clickOn("#step-250");
        waitFor("250 steps", s -> s.step() == 250);
        drag((javafx.scene.Node) lookup("#hidden-size .thumb").query(), MouseButton.PRIMARY).moveBy(-50, 0).release(MouseButton.PRIMARY);
        int size = lookup("#hidden-size").queryAs(Slider.class).valueProperty().intValue();
        assertNotEquals(50, size, "the drag moved the slider");
        Snapshot s = waitFor("hidden size " + size, x -> x.config().network().hidden()[0] == size
                && x.graph().node("W1").data().cols() == size);
        assertEquals(List.of(250L), s.rebuilds(), "the chart marks the rebuild at step 250");
        assertEquals(size, s.graph().node("W2").data().rows());
        assertTrue(lookup("#status").queryAs(Label.class).getText().contains("rebuilt"));
    }

    @Test
    void pauseThenStepTakesExactlyOneStep() throws Exception {
        clickOn("#play");
        waitFor("training", s -> s.step() > 100);
        clickOn("#play"); // now "Pause"
        Snapshot paused = waitFor("pause", s -> !s.running());
        Thread.sleep(200);
        long at = session().latest().step();
        assertEquals(paused.step(), at, "paused means no more steps");
        clickOn("#step");
        waitFor("one step", s -> s.step() == at + 1);
        Thread.sleep(200);
        assertEquals(at + 1, session().latest().step());
    }

    @Test
    void learningRateTenDivergesAndShowsTheBanner() throws Exception {
        ControlBar controls = lookup(".control-bar").queryAs(ControlBar.class);
        interact(() -> controls.setLearningRate(10));
        clickOn("#play");
        Snapshot s = waitFor("divergence", Snapshot::diverged);
        assertTrue(!s.running(), "training paused");
        WaitForAsyncUtils.waitForFxEvents();
        Label banner = lookup("#divergence-banner").queryAs(Label.class);
        assertTrue(banner.isVisible());
        assertTrue(banner.getText().contains("diverged") && banner.getText().contains("smaller learning rate"),
                banner.getText());
        interact(() -> controls.setLearningRate(0.01));
        clickOn("#reset");
        waitFor("recovery", x -> !x.diverged() && x.step() == 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!banner.isVisible(), "reset clears the banner");
        clickOn("#step-250");
        waitFor("training again", x -> x.step() == 250 && !x.diverged());
    }

    @Test
    void twoThousandRandomSliderDragsWhileTraining() throws Exception {
        clickOn("#play");
        waitFor("training", s -> s.step() > 0);
        ControlBar controls = lookup(".control-bar").queryAs(ControlBar.class);
        List<Slider> sliders = List.of(controls.learningRateSlider(), controls.hiddenSlider(), controls.speedSlider());
        Random r = new Random(1);
        for (int batch = 0; batch < 25; batch++) { // 25 FX-thread turns of 80 drags: the engine takes commands between them
            interact(() -> {
                for (int i = 0; i < 80; i++) {
                    Slider s = sliders.get(r.nextInt(sliders.size()));
                    s.setValueChanging(true);
                    s.setValue(s.getMin() + r.nextDouble() * (s.getMax() - s.getMin()));
                    s.setValueChanging(false);
                }
            });
        }
        // the engine is alive and applies a final, sane setting
        interact(() -> {
            controls.setLearningRate(0.01);
            controls.hiddenSlider().setValue(12);
        });
        clickOn("#reset");
        clickOn("#step-250");
        Snapshot s = waitFor("a clean run after the storm", x -> x.step() == 250 && x.config().network().hidden()[0] == 12);
        assertTrue(session().isAlive());
        assertEquals(12, s.graph().node("W1").data().cols());
    }
}
