package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.train.Command;
import dev.backprop.playground.train.DataChoice;
import dev.backprop.playground.train.FirstLayer;
import dev.backprop.playground.train.Snapshot;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The weight pictures in the window: a toggle for image data, one picture per first-layer unit, following training. */
class WeightPicturesAppTest extends AppHarness {

    @Test
    void digitsOfferTheWeightPicturesAndTheyFollowTraining() throws Exception {
        assertTrue(lookup("#weights-toggle").tryQuery().isEmpty(), "the plane: no weight pictures");
        session().send(new Command.ChooseData(DataChoice.DIGITS));
        Snapshot s = waitFor("digits", x -> x.firstLayer() != null);
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> lookup("#weights-toggle").tryQuery().isPresent());
        ToggleButton toggle = lookup("#weights-toggle").queryAs(ToggleButton.class);
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, toggle::isVisible);
        clickOn(toggle);
        WaitForAsyncUtils.waitForFxEvents();
        WeightPictures pictures = view.weightPictures();
        assertTrue(view.dataPane().current() == pictures, "the data pane shows the weights");
        assertEquals(Math.min(WeightPictures.PAGE, s.firstLayer().units()), pictures.pictures().size());
        FirstLayer before = pictures.shown();
        session().send(new Command.Step(250));
        waitFor("step 250", x -> x.firstLayer() != null && x.firstLayer().step() == 250);
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> pictures.shown() != null && pictures.shown().step() == 250);
        assertNotSame(before, pictures.shown());
    }
}
