package dev.backprop.playground.lesson;

import dev.backprop.playground.graph.GraphModel;
import dev.backprop.playground.lab.LabSnapshot;
import dev.backprop.playground.train.Snapshot;

/**
 * What a lesson's checks read at one moment: the training session's snapshot and the expression
 * lab's, and which of the two graphs the lesson is about.
 *
 * @param network the session's latest snapshot
 * @param lab     the lab's latest snapshot, or null before the lab was opened
 * @param onLab   true when the lesson works in the expression lab: node checks read the lab's graph
 */
public record LessonState(Snapshot network, LabSnapshot lab, boolean onLab) {

    /** The graph node checks read, or null when there is none yet. */
    public GraphModel graph() {
        if (onLab) {
            return lab == null ? null : lab.graph();
        }
        return network == null ? null : network.graph();
    }
}
