package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.Activation;
import dev.backprop.playground.engine.nn.OptimizerKind;
import dev.backprop.playground.lesson.ShippedLessons;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every shipped lesson walked in the window (Monocle, 1280x760): opened, each step's "do:" done with
 * the control it names, its check seen to pass (the step marked done), then Next. The Value-graph
 * lesson is walked by {@link LessonsAppTest}.
 */
class ShippedLessonsAppTest extends AppHarness {
    ShippedLessonsAppTest() {
        super(1280, 760);
    }

    /** One step's action, done through the window's controls. */
    private interface Action {
        void run() throws Exception;
    }

    @Test
    void seeds000And002() throws Exception {
        walk("000-moons-mlp", () -> clickOn("#step"), this::nodeUntilDone, () -> clickOn("#play"));
        walk("002-softmax-ce", () -> { }, this::nodeUntilDone, () -> clickOn("#play"));
        assertTrue(session().latest().latest().trainAccuracy() >= 0.99);
    }

    @Test
    void seed001sLabLessons() throws Exception {
        walk("001-accumulate", () -> clickOn("#backward-pass"),
                () -> {
                    clickOn("#zero-first");
                    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !view.lab().zeroFirst());
                    WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // the switch reaches the lab's thread first
                    clickOn("#backward-pass");
                },
                () -> clickOn("#zero-grad"));
        walk("001-micrograd-mlp", () -> {
            clickOn("#mlp-tab");
            clickOn("#mlp-train");
        }, () -> {
            clickOn("#zero-first");
            WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
            clickOn("#mlp-reset");
            WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
            clickOn("#mlp-train");
        });
        String check = lookup("#lesson-check").queryAs(Label.class).getText();
        assertTrue(check.contains("the lesson is complete"), check);
    }

    @Test
    void seed003() throws Exception {
        walk("003-gradient-descent", () -> clickOn("#play"), () -> clickOn("#view-tensors"));
        walk("003-batch-sizes", () -> {
            batch(1);
            clickOn("#play");
        }, () -> batch(16));
        walk("003-multinomial", () -> clickOn("#play"), () -> clickOn("#view-tensors"));
        walk("003-optimizers", () -> clickOn("#play"), () -> {
            pause();
            optimizer(OptimizerKind.MOMENTUM);
            clickOn("#reset");
            clickOn("#play");
        }, () -> {
            pause();
            optimizer(OptimizerKind.ADAM);
            Slider lr = lookup("#learning-rate").queryAs(Slider.class);
            interact(() -> lr.setValue(LearningRateScale.nearest(0.01)));
            clickOn("#reset");
            clickOn("#play");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void seed003OnTheDigits() throws Exception {
        walk("003-digits", () -> { }, () -> clickOn("#play"), () -> {
            Slider hidden = lookup("#hidden-size").queryAs(Slider.class);
            interact(() -> hidden.setValue(32));
            Spinner<Integer> layers = lookup("#layers").queryAs(Spinner.class);
            interact(() -> layers.getValueFactory().setValue(1));
            ChoiceBox<Activation> activation = lookup("#activation").queryAs(ChoiceBox.class);
            interact(() -> activation.setValue(Activation.RELU));
        });
        assertEquals("64-32-10", session().latest().config().network().toString().substring(0, 8));
    }

    @Test
    void seed004() throws Exception {
        walk("004-perceptron", () -> clickOn("#play"));
        assertEquals(1.0, session().latest().latest().trainAccuracy(), "no error left");
        walk("004-adaline", () -> clickOn("#play"), () -> batch(16));
        walk("004-mlp", () -> clickOn("#play"), () -> {
            pause();
            nodeUntilDone();
        });
    }

    /** Opens the lesson, does each step's action, waits for its check, then Next. */
    private void walk(String name, Action... actions) throws Exception {
        pause();
        Path file = ShippedLessons.files().stream().filter(f -> f.getFileName().toString().equals(name + ".lesson"))
                .findFirst().orElseThrow();
        interact(() -> view.openLesson(file));
        until(name + " set up", () -> view.lessons().active() && view.lessons().lesson().title()
                .equals(titleOf(file)) && !lookup("#lesson-check").queryAs(Label.class).getText().contains("set-up"));
        int steps = view.lessons().lesson().steps().size();
        assertEquals(steps, actions.length, name + ": one action a step");
        for (int i = 0; i < steps; i++) {
            int step = i;
            assertEquals(i, view.lessons().at());
            actions[i].run();
            until(name + " step " + (i + 1), () -> view.lessons().done()[step]);
            if (i + 1 < steps) {
                clickOn("#lesson-next");
            }
        }
    }

    private static String titleOf(Path file) {
        String label = ShippedLessons.menuLabel(file.getFileName().toString());
        return label.substring(label.indexOf('\u00b7') + 2);
    }

    /** Node ▸ until the step's check (a node lit) is met. */
    private void nodeUntilDone() throws Exception {
        int step = view.lessons().at();
        for (int i = 0; i < 80 && !view.lessons().done()[step]; i++) {
            clickOn("#node-next");
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private void pause() throws Exception {
        if (session().latest().running()) {
            clickOn("#play");
            waitFor("paused", s -> !s.running());
        }
    }

    @SuppressWarnings("unchecked")
    private void batch(int size) {
        ChoiceBox<Integer> batch = lookup("#batch").queryAs(ChoiceBox.class);
        interact(() -> batch.setValue(size));
    }

    @SuppressWarnings("unchecked")
    private void optimizer(OptimizerKind kind) {
        ChoiceBox<OptimizerKind> box = lookup("#optimizer").queryAs(ChoiceBox.class);
        interact(() -> box.setValue(kind));
    }

    private void until(String what, BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "; status: "
                    + lookup("#status").queryAs(Label.class).getText() + "; check: "
                    + lookup("#lesson-check").queryAs(Label.class).getText());
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
