package dev.backprop.playground.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A pass taken one step at a time, so a student can watch it: the Value graph's forward and
 * backward passes and the network's forward, backward and update. {@code S} is what a step did.
 */
public interface Stepper<S> {
    /** Steps in the whole pass. */
    int total();

    /** Steps taken so far. */
    int position();

    boolean hasNext();

    /**
     * Takes the next step.
     *
     * @throws IllegalStateException when the pass is complete
     */
    S next();

    /** Takes the remaining steps; returns them in order. */
    default List<S> finish() {
        List<S> steps = new ArrayList<>();
        while (hasNext()) {
            steps.add(next());
        }
        return steps;
    }
}
