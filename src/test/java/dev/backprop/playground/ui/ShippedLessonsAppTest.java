package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Seeds 000, 001, 002 and 004's lessons walked in the window ({@link ShippedLessonWalk}); seed 003's are in
 * {@link ShippedLessons003AppTest}, the Value-graph lesson in {@link LessonsAppTest}.
 */
class ShippedLessonsAppTest extends ShippedLessonWalk {
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
                    labShows("zero_grad off", () -> !view.lab().shown().zeroFirst());
                    clickOn("#backward-pass");
                },
                () -> clickOn("#zero-grad"));
        walk("001-micrograd-mlp", () -> {
            clickOn("#mlp-tab");
            clickOn("#mlp-train");
        }, () -> {
            clickOn("#zero-first");
            labShows("zero_grad off", () -> !view.lab().shown().zeroFirst());
            clickOn("#mlp-reset");
            labShows("the MLP reset", () -> view.lab().shown().epochs().isEmpty());
            clickOn("#mlp-train");
        });
        String check = lessonCheck();
        assertTrue(check.contains("the lesson is complete"), check);
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
}
