package dev.backprop.playground.lesson;

/**
 * One step of a lesson: what it explains, what the student does, the control or pane it concerns,
 * and the check that marks it done.
 *
 * @param title     a short heading
 * @param text      the explanation, plain text (formulas and code written as text)
 * @param action    what to do, in words ("press Right until dL/dz2 is lit")
 * @param highlight the id of the control or pane to highlight (without '#'), or null
 * @param check     what the app must see for the step to count as done
 * @param line      the line of the lesson file the step begins on
 */
public record LessonStep(String title, String text, String action, String highlight, LessonCheck check, int line) {
}
