package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.lesson.ShippedLessons;
import dev.backprop.playground.train.Command;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** Lessons in the window (Monocle, 1280x760): opened from the menu, walked by doing each step, left. */
class LessonsAppTest extends AppHarness {
    @TempDir
    Path dir;

    LessonsAppTest() {
        super(1280, 760);
    }

    private static Path shipped(String name) {
        return ShippedLessons.files().stream().filter(f -> f.getFileName().toString().equals(name + ".lesson"))
                .findFirst().orElseThrow();
    }

    private void until(String what, BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> condition.getAsBoolean());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "; status: "
                    + lookup("#status").queryAs(Label.class).getText() + "; check: "
                    + lessonCheck());
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean done(int step) {
        return view.lessons().active() && view.lessons().done()[step];
    }

    @Test
    void aStepAboutAFoldedSettingOpensTheSettingsOnceAndHighlightsIt() throws Exception {
        SettingsPanel settings = view.controls().settings();
        assertFalse(settings.isShown(), "a first start folds the settings away");
        interact(() -> view.openLesson(shipped("003-batch-sizes"))); // step 1: "Set Batch to 1", batch highlighted
        until("the lesson's set-up", () -> view.lessons().active()
                && !lessonCheck().isEmpty() && !lessonCheck().contains("set-up"));
        assertTrue(settings.isShown() && settings.getScene() != null, "the step's control is in the window");
        assertTrue(lookup("#batch").query().getStyleClass().contains(LessonGuide.HIGHLIGHT));
        // the student folds them away again: the same step does not force them open at every frame
        clickOn("#settings-toggle");
        long step = session().latest().step();
        session().send(new Command.Step(5)); // new states for the guide to show
        waitFor("five more steps", x -> x.step() == step + 5);
        assertFalse(settings.isShown(), "folded, as the student left them");
        assertTrue(view.controls().control("batch").getStyleClass().contains(LessonGuide.HIGHLIGHT));
    }

    @Test
    void theLineLessonSetsUpWalksThroughAndLeavingPutsTheStudentsSettingsBack() throws Exception {
        session().send(new Command.SetLearningRate(0.03));
        waitFor("the student's learning rate", s -> s.config().learningRate() == 0.03);

        clickOn("Lessons").clickOn("003 \u00b7 Gradient descent on a line");
        until("the lesson's set-up", () -> view.lessons().active() && session().latest().config().network().hidden().length == 0);
        Node panel = lookup("#lesson-panel").query();
        assertTrue(panel.isVisible());
        assertEquals(0.1, session().latest().config().learningRate(), 1e-12, "the experiment's lr 0.1");
        assertTrue(lookup("#play").query().getStyleClass().contains(LessonGuide.HIGHLIGHT), "step 1 concerns Play");
        assertTrue(lessonCheck().startsWith("Waiting for step >= 1000"));

        // beside the graph, never over it; readable
        Bounds graph = lookup("#graph-pane").query().localToScene(lookup("#graph-pane").query().getBoundsInLocal());
        Bounds side = panel.localToScene(panel.getBoundsInLocal());
        assertTrue(side.getMinX() >= graph.getMaxX() - 0.5, "the panel is right of the graph: " + side + " " + graph);
        for (Node n : lookup(".lesson-panel .label").queryAll()) {
            assertTrue(((Label) n).getFont().getSize() >= 11, "text of at least 11 px");
        }

        clickOn("#lesson-hide");
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(panel.getScene(), "hidden, the panel leaves the window");
        interact(() -> view.lessons().panelShown().set(true)); // Lessons > Show lesson panel
        assertTrue(panel.getScene() != null && panel.isVisible() && panel.isManaged());

        clickOn("#play");
        until("step 1 done", () -> done(0));
        assertTrue(lessonCheck().startsWith("\u2713 Done"));
        clickOn("#lesson-next");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lookup("#view-tensors").query().getStyleClass().contains(LessonGuide.HIGHLIGHT));
        assertFalse(lookup("#play").query().getStyleClass().contains(LessonGuide.HIGHLIGHT), "one highlight at a time");
        clickOn("#view-tensors");
        until("step 2 done: W1 = 1.969, b1 = 1.024", () -> done(1));
        assertEquals(1.969, session().latest().graph().node("W1").data().first(), 1e-3);
        assertEquals(1.024, session().latest().graph().node("b1").data().first(), 1e-3);
        assertTrue(lookup("#lesson-marks").queryAs(Label.class).getText().contains("1 \u2713   2 \u2713"));

        clickOn("#lesson-leave");
        until("the student's settings back", () -> session().latest().config().learningRate() == 0.03
                && session().latest().config().network().hidden().length == 1);
        assertTrue(lookup("#lesson-panel").tryQuery().isEmpty(), "the panel left the window");
        assertFalse(lookup("#view-tensors").query().getStyleClass().contains(LessonGuide.HIGHLIGHT));

        // progress is kept in the session: the lesson opens again at the step it was left at, its marks kept
        interact(() -> view.openLesson(shipped("003-gradient-descent")));
        until("the lesson again", () -> view.lessons().active());
        assertEquals(1, view.lessons().at());
        assertArrayEquals(new boolean[] {true, true}, view.lessons().done());
    }

    @Test
    void theValueGraphLessonIsWalkedInTheLab() throws Exception {
        clickOn("Lessons").clickOn("001 \u00b7 A Value graph, backward by hand");
        until("the lab lesson", () -> view.lessons().active() && view.lab().state() != null
                && view.lab().state().graph() != null && view.lab().state().graph().nodes().stream().anyMatch(n -> n.label().equals("f")));
        assertEquals(1, view.tabs().getSelectionModel().getSelectedIndex(), "the lab's tab is in front");
        assertTrue(lookup("#backward-step").query().getStyleClass().contains(LessonGuide.HIGHLIGHT));
        for (int i = 0; i < 4 && !done(0); i++) {
            clickOn("#backward-step");
            until("a backward step drawn", () -> view.lab().settled() && view.lab().state().applied() > 0);
            long frame = session().frames().frames();
            // the guide checks the lab's state on each frame: two frames on, the step's check has seen it
            until("two frames", () -> session().frames().frames() >= frame + 2);
        }
        until("f.grad 4 and d.grad -2", () -> done(0));
        clickOn("#lesson-next");
        clickOn("#finish");
        until("a.grad 6 and b.grad -4", () -> done(1));
        assertTrue(lessonCheck().contains("the lesson is complete"));
        clickOn("#lesson-leave");
        until("the network tab again", () -> view.tabs().getSelectionModel().getSelectedIndex() == 0);
    }

    @Test
    void aBadLessonFileIsRefusedNamingItsLine() throws Exception {
        Path bad = dir.resolve("bad.lesson");
        Files.writeString(bad, "lesson: Mine\nnotebook: 004\nsection: s\nstep: One\ntext: t\ndo: d\ncheck: accuracy => 0.9\n");
        interact(() -> view.openLesson(bad));
        until("the refusal", () -> lookup("#status").queryAs(Label.class).getText().startsWith("The lesson bad.lesson is refused"));
        assertTrue(lookup("#status").queryAs(Label.class).getText().contains("line 7: check: expected 'accuracy OP VALUE'"),
                lookup("#status").queryAs(Label.class).getText());
        assertFalse(view.lessons().active());
        assertTrue(lookup("#lesson-panel").tryQuery().isEmpty(), "no lesson: no panel in the window");
    }
}
