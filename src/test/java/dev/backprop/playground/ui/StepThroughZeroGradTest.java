package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.Trainer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The network step-through with its zero_grad switch off: the W1 card shows two steps' gradients summed. */
class StepThroughZeroGradTest extends AppHarness {

    private void stepThroughOneTrainingStep(long stepAfter) throws Exception {
        var session = app.session();
        clickOn("#node-next");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> session.latest().stepping() != null
                && session.latest().stepping().position() >= 1);
        int total = session.latest().stepping().total();
        for (int i = 1; i < total; i++) {
            clickOn("#node-next");
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> session.latest().stepping() != null
                && session.latest().stepping().complete() && session.latest().step() == stepAfter);
    }

    @Test
    void withoutZeroGradTheSecondStepShowsTheSumOfBothSteps() throws Exception {
        javafx.scene.control.CheckBox box = lookup("#step-zero-grad").queryAs(javafx.scene.control.CheckBox.class);
        assertTrue(!box.isMnemonicParsing() && box.getText().equals("zero_grad"), "the underscore is shown");
        clickOn("#step-zero-grad");
        stepThroughOneTrainingStep(1);
        stepThroughOneTrainingStep(2);
        var done = app.session().latest();
        Trainer plain = Trainer.fromConfig(done.config());
        plain.step();
        double[] first = plain.network().parameters().get(0).grad().data.clone();
        plain.step(); // the same batch at the same weights: the second step's own gradient
        double[] second = plain.network().parameters().get(0).grad().data;
        double[] shown = done.graph().node("W1").grad().values();
        double differs = 0;
        for (int j = 0; j < shown.length; j++) {
            assertEquals(first[j] + second[j], shown[j], 1e-12, "W1 grad " + j);
            differs += Math.abs(shown[j] - second[j]);
        }
        assertTrue(differs > 1e-6, "the card does not show the second step's gradient alone");
        assertTrue(done.stepping().lines().stream().anyMatch(l -> l.contains("the last step's (zero_grad off)")),
                done.stepping().lines().toString());
    }
}
