package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.backprop.playground.engine.nn.OptimizerKind;
import dev.backprop.playground.lesson.ShippedLessons;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Walks a shipped lesson in the window (Monocle, 1280x760): opened, each step's "do:" done with the control it
 * names, its check seen to pass (the step marked done), then Next. The lessons are shared between two test
 * classes so that the two test JVMs walk them side by side.
 */
abstract class ShippedLessonWalk extends AppHarness {
    ShippedLessonWalk() {
        super(1280, 760);
    }

    /** One step's action, done through the window's controls. */
    interface Action {
        void run() throws Exception;
    }

    /** Opens the lesson, does each step's action, waits for its check, then Next. */
    void walk(String name, Action... actions) throws Exception {
        pause();
        Path file = ShippedLessons.files().stream().filter(f -> f.getFileName().toString().equals(name + ".lesson"))
                .findFirst().orElseThrow();
        interact(() -> view.openLesson(file));
        until(name + " set up", () -> view.lessons().active() && view.lessons().lesson().title()
                .equals(titleOf(file)) && !lessonCheck().isEmpty() && !lessonCheck().contains("set-up"));
        // the speed slider at its top, as an impatient student has it: the checks ask for steps and accuracies,
        // not for time, and each second of training at the default 2,500 steps/s is a second of frames drawn
        interact(() -> view.controls().speedSlider().setValue(TransportRow.MAX_LOG_SPEED));
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
    void nodeUntilDone() throws Exception {
        int step = view.lessons().at();
        for (int i = 0; i < 80 && !view.lessons().done()[step]; i++) {
            clickOn("#node-next");
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    void pause() throws Exception {
        if (session().latest().running()) {
            clickOn("#play");
            waitFor("paused", s -> !s.running());
        }
    }

    void batch(int size) {
        ChoiceBox<Integer> batch = choice("#batch");
        interact(() -> batch.setValue(size));
    }

    void optimizer(OptimizerKind kind) {
        ChoiceBox<OptimizerKind> box = choice("#optimizer");
        interact(() -> box.setValue(kind));
    }

    /** Waits until the lab has applied every command sent and draws a state meeting {@code condition}. */
    void labShows(String what, BooleanSupplier condition) throws Exception {
        until(what, () -> view.lab().settled() && view.lab().shown() != null && condition.getAsBoolean());
    }

    private void until(String what, BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            var last = session().latest();
            throw new AssertionError("timed out waiting for " + what + "; status: "
                    + lookup("#status").queryAs(Label.class).getText() + "; check: " + lessonCheck()
                    + "; the engine at step " + last.step() + (last.running() ? ", running" : ", paused")
                    + ", commands applied " + last.appliedSeq() + " of " + session().send(null)
                    + (view.controls().refusal().isVisible() ? ", Play refused: " + view.controls().refusal().getText() : "")
                    + ", the play button reads " + lookup("#play").queryAs(javafx.scene.control.Button.class).getText());
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
