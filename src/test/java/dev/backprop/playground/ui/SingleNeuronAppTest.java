package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.Head;
import dev.backprop.playground.engine.nn.Initializer;
import dev.backprop.playground.engine.nn.Loss;
import dev.backprop.playground.engine.nn.OptimizerKind;
import dev.backprop.playground.train.Command;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The app's controls for seed 004's single neurons, the inits and the momentum. */
class SingleNeuronAppTest extends AppHarness {


    @Test
    void perceptronFromTheControlsTrainsAndStepsThrough() throws Exception {
        assertEquals(Initializer.AUTO, choice("#init").getValue(), "the default init learns");
        interact(() -> lookup("#layers").queryAs(Spinner.class).getValueFactory().setValue(0));
        waitFor("no hidden layer", s -> s.config().network().hidden().length == 0);
        interact(() -> this.<Loss>choice("#loss").setValue(Loss.PERCEPTRON));
        waitFor("the perceptron", s -> s.config().network().head().kind() == Head.Kind.PERCEPTRON);
        session().send(new Command.Step(3000));
        waitFor("3000 steps", s -> s.step() == 3000 && !s.running());
        for (int i = 0; i < 6; i++) {
            session().send(new Command.NodeForward());
        }
        waitFor("the step-through under way", s -> s.message().startsWith("step-through 6/"));
        shoot("perceptron");
    }

    @Test
    void thePerceptronsThresholdIsSentAndABadOneRefused() throws Exception {
        TextField field = control("#threshold");
        assertTrue(field.isDisabled(), "no threshold for the default bce");
        interact(() -> lookup("#layers").queryAs(Spinner.class).getValueFactory().setValue(0));
        waitFor("no hidden layer", s -> s.config().network().hidden().length == 0);
        interact(() -> this.<Loss>choice("#loss").setValue(Loss.PERCEPTRON));
        waitFor("the perceptron", s -> s.config().network().head().kind() == Head.Kind.PERCEPTRON);
        assertEquals("0.5", field.getText(), "seed 004's threshold");
        interact(() -> {
            field.requestFocus();
            field.setText("1e9");
        });
        assertTrue(field.getPseudoClassStates().contains(SpinnerValidation.INVALID), "marked invalid");
        assertTrue(field.getTooltip().getText().contains("-1000.0 to 1000.0"), field.getTooltip().getText());
        interact(() -> field.getOnAction().handle(null));
        assertEquals("0.5", field.getText(), "the value in force is put back");
        interact(() -> field.setText("0"));
        interact(() -> field.getOnAction().handle(null));
        waitFor("the textbook threshold", s -> s.config().network().head().threshold() == 0);
    }

    @Test
    void aMomentumOfOneIsRefusedAndTheValueInForceStays() throws Exception {
        interact(() -> this.<OptimizerKind>choice("#optimizer").setValue(OptimizerKind.MOMENTUM));
        waitFor("momentum", s -> s.config().optimizer() == OptimizerKind.MOMENTUM);
        TextField field = control("#momentum");
        interact(() -> {
            field.requestFocus();
            field.setText("1");
        });
        assertTrue(field.getPseudoClassStates().contains(SpinnerValidation.INVALID), "marked invalid");
        assertTrue(field.getTooltip().getText().contains("0 to 0.999"), field.getTooltip().getText());
        interact(() -> field.getOnAction().handle(null));
        assertEquals("0.9", field.getText(), "the value in force is put back");
        interact(() -> field.setText("0.5"));
        interact(() -> field.getOnAction().handle(null));
        waitFor("momentum 0.5", s -> s.config().optimizerSettings().momentum() == 0.5);
    }

    /** A picture for the README when BP_SHOTS names a folder; nothing otherwise. */
    private void shoot(String name) throws Exception {
        String dir = System.getenv("BP_SHOTS");
        if (dir != null) {
            SceneShot.save(view.getScene(), dir, name + ".png");
        }
    }
}
