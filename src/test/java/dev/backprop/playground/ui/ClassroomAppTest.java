package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.io.Experiment;
import dev.backprop.playground.io.ExperimentFile;
import dev.backprop.playground.train.Command;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Classroom mode end to end (Monocle): hide parts, save them in an experiment, open it in a fresh window. */
class ClassroomAppTest extends AppHarness {
    @TempDir
    Path dir;

    @Test
    void hiddenPartsLeaveTheWindowAndComeBackFromTheExperimentFile() throws Exception {
        assertShowsEverything();
        double stepLogWidth = lookup("#network-step-log").query().getBoundsInLocal().getWidth();

        clickOn("View").clickOn("Classroom\u2026");
        clickOn("#classroom-optimizer");
        clickOn("#classroom-chart");
        clickOn("#classroom-ok");
        WaitForAsyncUtils.waitForFxEvents();
        assertHidesOptimizerAndChart();
        assertTrue(lookup("#network-step-log").query().getBoundsInLocal().getWidth() > stepLogWidth * 1.5,
                "the inspector and step log take the chart's place: the gap closes");

        Path file = dir.resolve("lesson" + ExperimentFile.SUFFIX);
        interact(() -> currentView().files().saveExperiment(file));
        waitFor("the saved experiment", s -> s.message().startsWith("saved the experiment"));
        Experiment saved = ExperimentFile.read(file, 1 << 26, 10_000);
        assertEquals(false, saved.shown().get("optimizer"));
        assertEquals(false, saved.shown().get("chart"));
        assertEquals(true, saved.shown().get("learning-rate"), "the rest is saved as shown");
        assertEquals(true, saved.shown().get("boundary"));
        assertTrue(Files.readString(file).contains("\"optimizer\":false"));

        // a fresh app remembers nothing of it; opening the file hides the same parts
        FxToolkit.cleanupApplication(app);
        app = (PlaygroundApp) FxToolkit.setupApplication(PlaygroundApp::new);
        WaitForAsyncUtils.waitForFxEvents();
        assertShowsEverything();
        session().send(new Command.OpenExperiment(file));
        waitFor("the opened experiment", s -> s.shown().serial() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertHidesOptimizerAndChart();

        clickOn("View").clickOn("Classroom\u2026");
        clickOn("#classroom-show-everything");
        clickOn("#classroom-ok");
        WaitForAsyncUtils.waitForFxEvents();
        assertShowsEverything();
    }

    /** The view of the app running now: this test starts a fresh one midway. */
    private PlaygroundView currentView() {
        return lookup(".playground").queryAs(PlaygroundView.class);
    }

    private void assertShowsEverything() {
        Node optimizerGroup = currentView().controls().control("optimizer").getParent(); // folded away or not
        assertTrue(optimizerGroup.isVisible() && optimizerGroup.isManaged(), "the optimizer is shown");
        assertNotNull(lookup("#loss-chart").tryQuery().orElse(null), "the chart is in the window");
        assertTrue(currentView().classroom().shown().values().stream().allMatch(b -> b), "everything is shown");
    }

    private void assertHidesOptimizerAndChart() {
        Node optimizerGroup = currentView().controls().control("optimizer").getParent();
        assertFalse(optimizerGroup.isVisible() || optimizerGroup.isManaged(), "the optimizer left the control bar");
        assertNull(lookup("#loss-chart").tryQuery().orElse(null), "the chart left the window");
        assertTrue(lookup("#learning-rate").query().isVisible(), "the other controls stay");
        assertNotNull(lookup("#boundary-pane").tryQuery().orElse(null), "the other panes stay");
    }
}
