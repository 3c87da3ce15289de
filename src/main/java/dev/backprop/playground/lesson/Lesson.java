package dev.backprop.playground.lesson;

import java.nio.file.Path;
import java.util.List;

/**
 * A guided path through the app that follows one section of a notebook: its set-up (an experiment
 * file, and for the expression lab a script) and its steps, in order.
 *
 * @param title      the lesson's name
 * @param notebook   the seed notebook it follows ("000" to "004")
 * @param section    the notebook's section, as the notebook titles it
 * @param experiment the experiment file applied when the lesson opens, or null (a lab-only lesson)
 * @param onLab      true when the lesson works in the expression lab tab, false for the network tab
 * @param labScript  the script the lab runs when the lesson opens, or null to leave the lab's script
 * @param steps      at least one
 */
public record Lesson(String title, String notebook, String section, Path experiment, boolean onLab,
                     String labScript, List<LessonStep> steps) {
    public Lesson {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a lesson needs at least one step");
        }
    }

    /** "Seed 004 · The perceptron learning rule": the line under the title. */
    public String follows() {
        return "Seed " + notebook + " \u00b7 " + section;
    }
}
