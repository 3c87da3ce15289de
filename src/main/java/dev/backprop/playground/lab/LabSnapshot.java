package dev.backprop.playground.lab;

import dev.backprop.playground.engine.value.BackwardRule;
import dev.backprop.playground.engine.value.MlpTraining;
import dev.backprop.playground.graph.GraphModel;
import java.util.List;

/**
 * Everything the expression lab shows, as one immutable state published by {@link LabModel}: the
 * graph with its known data and gradients, the step log, the current step's line (and whether it
 * reports something wrong, drawn red), the last script error, the switches as the model applied
 * them, and the MLP's loss per epoch.
 *
 * @param graph      the graph as shown now, null before the first script ran
 * @param error      the last script's error, or null when it ran
 * @param stepText   one line about the last command
 * @param wrong      true when stepText reports a failed check, so the view colours it as an error
 * @param epochs     the MLP's epochs so far (empty outside MLP training)
 * @param mlpShown   true when the graph is the MLP's loss rather than the script's output
 * @param canUndo    true when a nudge can be undone
 * @param applied    the sequence number of the last command applied
 */
public record LabSnapshot(GraphModel graph, List<String> log, String stepText, boolean wrong, ScriptError error,
                          BackwardRule rule, boolean zeroFirst, double eta, List<MlpTraining.Epoch> epochs,
                          boolean mlpShown, boolean canUndo, long applied) {
    public LabSnapshot {
        log = List.copyOf(log);
        epochs = List.copyOf(epochs);
    }

    /** A script that did not run: the message and where, with the script it was found in. */
    public record ScriptError(String message, int line, int column, String script) {
    }
}
