package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.backprop.playground.engine.nn.Activation;
import dev.backprop.playground.engine.nn.OptimizerKind;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import org.junit.jupiter.api.Test;

/** Seed 003's lessons walked in the window ({@link ShippedLessonWalk}). */
class ShippedLessons003AppTest extends ShippedLessonWalk {
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
}
