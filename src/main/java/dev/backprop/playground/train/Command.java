package dev.backprop.playground.train;

import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.Limits;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.OptimizerKind;
import dev.backprop.playground.engine.nn.Regularization;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the UI asks of the training session. Sent through a queue; the engine thread applies them in
 * order. This file is the one list of commands: each says what makes it invalid ({@link #problem()},
 * checked before anything changes: a bad command is refused with that message, never applied),
 * how the queue treats it, and which {@link CommandHandler} method applies it.
 */
public sealed interface Command {
    /** The largest {@link Step}: about an hour of unthrottled training. */
    long MAX_STEPS = 1_000_000_000L;
    /** The largest learning rate accepted (the app's slider ends at 10). */
    double MAX_LEARNING_RATE = 1000;
    /** The largest noise accepted for generated data (the points are in a few units). */
    double MAX_NOISE = 100;

    /** Why this command cannot be applied, or null when it can. */
    default String problem() {
        return null;
    }

    /** A setting that a later command of the same kind overrides (a slider drag sends many). */
    default boolean isSetting() {
        return false;
    }

    /** True if a step-through in progress cannot go on after this command. */
    default boolean endsStepThrough() {
        return false;
    }

    /** Calls the handler method that applies this command. */
    void dispatch(CommandHandler handler);

    /** Train continuously at the current speed. Refused (with the reason) after divergence. */
    record Play() implements Command {
        public boolean endsStepThrough() {
            return true;
        }

        public void dispatch(CommandHandler h) {
            h.play();
        }
    }

    record Pause() implements Command {
        public void dispatch(CommandHandler h) {
            h.pause();
        }
    }

    /** Take {@code steps} steps (1 to {@link #MAX_STEPS}), then pause. */
    record Step(long steps) implements Command {
        public String problem() {
            return steps >= 1 && steps <= MAX_STEPS ? null : "steps must be 1 to " + MAX_STEPS + ", got " + steps;
        }

        public boolean endsStepThrough() {
            return true;
        }

        public void dispatch(CommandHandler h) {
            h.step(steps);
        }
    }

    /** Step-through: pause and reveal the next node of the current step (starting one if needed). */
    record NodeForward() implements Command {
        public void dispatch(CommandHandler h) {
            h.nodeForward();
        }
    }

    /** Step-through: hide the last revealed node. */
    record NodeBack() implements Command {
        public void dispatch(CommandHandler h) {
            h.nodeBack();
        }
    }

    /** Step-through: run to the end of the current pass (forward, backward, or the update). */
    record FinishPass() implements Command {
        public void dispatch(CommandHandler h) {
            h.finishPass();
        }
    }

    /**
     * Step-through: whether each stepped training step zeroes the gradients first (on, as every
     * training loop does); off, its backward adds to the last step's gradients and the update uses
     * the sum. Applies from the next step begun.
     */
    record SetZeroGrad(boolean on) implements Command {
        public void dispatch(CommandHandler h) {
            h.setZeroGrad(on);
        }
    }

    /** Re-initialise the network from the seed: the same seed replays the same run. Always possible. */
    record Reset() implements Command {
        public boolean endsStepThrough() {
            return true;
        }

        public void dispatch(CommandHandler h) {
            h.reset();
        }
    }

    /** Keeps the weights and the optimizer's state. A number in (0, {@link #MAX_LEARNING_RATE}]. */
    record SetLearningRate(double learningRate) implements Command {
        public String problem() {
            return learningRate > 0 && learningRate <= MAX_LEARNING_RATE ? null
                    : "the learning rate must be a number in (0, " + (int) MAX_LEARNING_RATE + "], got " + learningRate;
        }

        public boolean isSetting() {
            return true;
        }

        public void dispatch(CommandHandler h) {
            h.setLearningRate(learningRate);
        }
    }

    /** Steps per second, a positive number; {@link TrainingSession#UNTHROTTLED} for as fast as possible. */
    record SetSpeed(double stepsPerSecond) implements Command {
        public String problem() {
            return stepsPerSecond > 0 ? null : "the speed must be a positive number of steps per second, got "
                    + stepsPerSecond;
        }

        public boolean isSetting() {
            return true;
        }

        public void dispatch(CommandHandler h) {
            h.setSpeed(stepsPerSecond);
        }
    }

    /**
     * Rebuilds the network (new weights) when the features, shape, activation, loss or init change.
     * A head that does not fit the data (mse on 3 classes, bce on a regression target) is refused.
     */
    record SetNetwork(NetworkSpec spec) implements Command {
        public String problem() {
            return spec == null ? "no network given" : appProblem(spec);
        }

        public boolean isSetting() {
            return true;
        }

        public boolean endsStepThrough() {
            return true;
        }

        public void dispatch(CommandHandler h) {
            h.setNetwork(spec);
        }
    }

    /** A fresh optimizer of this kind on the current weights. */
    record SetOptimizer(OptimizerKind kind) implements Command {
        public String problem() {
            return kind == null ? "no optimizer given" : null;
        }

        public boolean isSetting() {
            return true;
        }

        public void dispatch(CommandHandler h) {
            h.setOptimizer(kind);
        }
    }

    /** The optimizer's momentum, betas and eps: a fresh optimizer of the same kind on the current weights. */
    record SetOptimizerSettings(dev.backprop.playground.engine.nn.OptimizerSettings settings) implements Command {
        public String problem() {
            return settings == null ? "no optimizer settings given" : null;
        }

        public boolean isSetting() {
            return true;
        }

        public void dispatch(CommandHandler h) {
            h.setOptimizerSettings(settings);
        }
    }

    /** Training by epochs (shuffled at each or in file order) or by steps with random draws ({@link Epochs#NONE}). */
    record SetEpochs(dev.backprop.playground.engine.nn.Epochs epochs) implements Command {
        public String problem() {
            return epochs == null ? "no epochs given" : null;
        }

        public boolean isSetting() {
            return true;
        }

        public void dispatch(CommandHandler h) {
            h.setEpochs(epochs);
        }
    }

    /** Examples per step, 1 to {@link Limits#APP_MAX_SAMPLES} (at most the training set is used). */
    record SetBatchSize(int batchSize) implements Command {
        public String problem() {
            return batchSize >= 1 && batchSize <= Limits.APP_MAX_SAMPLES ? null
                    : "the batch size must be 1 to " + Limits.APP_MAX_SAMPLES + ", got " + batchSize;
        }

        public boolean isSetting() {
            return true;
        }

        public void dispatch(CommandHandler h) {
            h.setBatchSize(batchSize);
        }
    }

    /** New data (and a new network on it): dataset, 2 to {@link Limits#APP_MAX_SAMPLES} points, noise, seed. */
    record SetData(DatasetKind dataset, int samples, double noise, long seed) implements Command {
        public String problem() {
            if (dataset == null) {
                return "no dataset given";
            }
            if (samples < 2 || samples > Limits.APP_MAX_SAMPLES) {
                return "the number of points must be 2 to " + Limits.APP_MAX_SAMPLES + ", got " + samples;
            }
            return noise >= 0 && noise <= MAX_NOISE ? null
                    : "the noise must be a number from 0 to " + (int) MAX_NOISE + ", got " + noise;
        }

        public boolean isSetting() {
            return true;
        }

        public boolean endsStepThrough() {
            return true;
        }

        public void dispatch(CommandHandler h) {
            h.setData(dataset, samples, noise, seed);
        }
    }

    /**
     * New data with {@code classes} classes (2 to {@link DatasetKind#MAX_CLASSES}) for a dataset that
     * takes a count (spiral, blobs), and a new network whose head fits them.
     */
    record SetClasses(int classes) implements Command {
        public String problem() {
            return classes >= 2 && classes <= DatasetKind.MAX_CLASSES ? null
                    : "the number of classes must be 2 to " + DatasetKind.MAX_CLASSES + ", got " + classes;
        }

        public boolean isSetting() {
            return true;
        }

        public boolean endsStepThrough() {
            return true;
        }

        public void dispatch(CommandHandler h) {
            h.setClasses(classes);
        }
    }

    /** The penalty on the weights from the next step on, weights kept: a kind and a rate in [0, {@link Regularization#MAX_RATE}]. */
    record SetRegularization(Regularization kind, double rate) implements Command {
        public String problem() {
            if (kind == null) {
                return "no regularization given";
            }
            return rate >= 0 && rate <= Regularization.MAX_RATE ? null
                    : "the regularization rate must be a number from 0 to " + (int) Regularization.MAX_RATE + ", got " + rate;
        }

        public boolean isSetting() {
            return true;
        }

        public void dispatch(CommandHandler h) {
            h.setRegularization(kind, rate);
        }
    }

    /** Writes the current network as model.json (on the engine thread, which owns it). */
    record SaveModel(Path file) implements Command {
        public String problem() {
            return file == null ? "no file given" : null;
        }

        public void dispatch(CommandHandler h) {
            h.saveModel(file);
        }
    }

    /**
     * Replaces the network with one read from a model.json file; the weights go on training. The file
     * is checked completely first: a bad one is refused and the network stays.
     */
    record LoadModel(Path file) implements Command {
        public String problem() {
            return file == null ? "no file given" : null;
        }

        public boolean endsStepThrough() {
            return true;
        }

        public void dispatch(CommandHandler h) {
            h.loadModel(file);
        }
    }

    /** Shows the network's graph as tensors or as neurons; null picks by the network's widths. */
    record SetGraphView(dev.backprop.playground.graph.GraphView view) implements Command {
        public void dispatch(CommandHandler h) {
            h.setGraphView(view);
        }
    }

    /**
     * Which tab is in front: with the network tab hidden (the expression lab in front) the session
     * builds neither the network's graph nor the boundary grid, and makes both when it comes back.
     */
    record SetVisible(boolean networkTab) implements Command {
        public boolean isSetting() {
            return true;
        }

        public void dispatch(CommandHandler h) {
            h.setVisible(networkTab);
        }
    }

    /** Neuron view: show up to 32 units of hidden layer {@code layer} (1 for h1), or 8 again. */
    record ToggleExpandedLayer(int layer) implements Command {
        public String problem() {
            return layer >= 1 && layer <= dev.backprop.playground.engine.nn.Limits.MAX_HIDDEN_LAYERS ? null
                    : "there is no hidden layer " + layer;
        }

        public void dispatch(CommandHandler h) {
            h.toggleExpandedLayer(layer);
        }
    }

    /** The largest |coordinate| of a traced point (the data lie within a few units). */
    double MAX_TRACE_COORDINATE = 1000;

    /**
     * Trace one example through the network under the current weights, until {@link ClearTrace}: a
     * data point ({@code index} its row in the data, with its own label) or a probe at (x1, x2) with
     * a chosen label ({@code index} -1). The step-through then walks a training step on it.
     */
    record TracePoint(double x1, double x2, double label, int index) implements Command {
        public String problem() {
            if (!(Math.abs(x1) <= MAX_TRACE_COORDINATE) || !(Math.abs(x2) <= MAX_TRACE_COORDINATE)) {
                return "a traced point must lie within " + (int) MAX_TRACE_COORDINATE + " of the origin, got ("
                        + x1 + ", " + x2 + ")";
            }
            if (!Double.isFinite(label) || Math.abs(label) > MAX_TRACE_COORDINATE) {
                return "a traced point's label must be a finite number (a class index, or a target), got " + label;
            }
            return index >= -1 ? null : "a data point's index must be 0 or more (-1 for a probe), got " + index;
        }

        public boolean isSetting() {
            return true;
        }

        public boolean endsStepThrough() {
            return true;
        }

        public void dispatch(CommandHandler h) {
            h.tracePoint(x1, x2, label, index);
        }
    }

    /**
     * Traces row {@code index} of the data (all points, training then test as {@code DataSplit.all()}
     * holds them) through the network, as {@link TracePoint} traces a point: a picture clicked in the
     * gallery, a row of a table. The graph, the stepping and the neuron view follow it.
     */
    record TraceRow(int index) implements Command {
        public String problem() {
            return index >= 0 ? null : "a row's index must be 0 or more, got " + index;
        }

        public boolean isSetting() {
            return true;
        }

        public boolean endsStepThrough() {
            return true;
        }

        public void dispatch(CommandHandler h) {
            h.traceRow(index);
        }
    }

    /**
     * Data that is read, not generated ({@link DataChoice#generated()} false): iris's four measurements,
     * the digits, Fashion-MNIST. The session reads it off the engine thread, then starts a fresh network
     * on it whose first layer takes its inputs and whose head fits its classes.
     */
    record ChooseData(DataChoice choice) implements Command {
        public String problem() {
            if (choice == null) {
                return "no data chosen";
            }
            return choice.generated() ? choice + " is generated: new data comes with its noise and count" : null;
        }

        public boolean endsStepThrough() {
            return true;
        }

        public void dispatch(CommandHandler h) {
            h.chooseData(choice);
        }
    }

    /** Stop tracing: the graph shows the last training batch again. */
    record ClearTrace() implements Command {
        public boolean endsStepThrough() {
            return true;
        }

        public void dispatch(CommandHandler h) {
            h.clearTrace();
        }
    }

    /**
     * Pause and show the kept state nearest {@code step} (0 or more): its boundary, graph and
     * metrics. Until {@link ResumeFromScrub} or {@link LeaveScrub}, the run's own state waits.
     */
    record ScrubTo(long step) implements Command {
        public String problem() {
            return step >= 0 ? null : "a timeline step must be 0 or more, got " + step;
        }

        public boolean isSetting() {
            return true;
        }

        public boolean endsStepThrough() {
            return true;
        }

        public void dispatch(CommandHandler h) {
            h.scrubTo(step);
        }
    }

    /** Stop scrubbing: back to where the run was. */
    record LeaveScrub() implements Command {
        public void dispatch(CommandHandler h) {
            h.leaveScrub();
        }
    }

    /**
     * Continue training from the step being scrubbed, exactly as the run went on from it (weights,
     * optimizer state, sampling); the later history is dropped (and shown as a ghost curve).
     */
    record ResumeFromScrub() implements Command {
        public void dispatch(CommandHandler h) {
            h.resumeFromScrub();
        }
    }

    /**
     * Open a run directory written by {@code train --out} (dataset.csv, metrics.csv, checkpoints/):
     * its points, its curve and its checkpoints replace the session, to be scrubbed. Read and checked
     * completely first; a bad directory is refused with what is wrong and the session stays.
     */
    record OpenRun(Path dir) implements Command {
        public String problem() {
            return dir == null ? "no run directory given" : null;
        }

        public boolean endsStepThrough() {
            return true;
        }

        public void dispatch(CommandHandler h) {
            h.openRun(dir);
        }
    }

    /**
     * Replaces the points with a CSV file's (x1,x2,label[,split]; see PointsCsv), read on the engine
     * thread and checked whole first: a bad file is refused naming its line, and the data stays.
     */
    record ImportData(Path file) implements Command {
        public String problem() {
            return file == null ? "no file given" : null;
        }

        public boolean endsStepThrough() {
            return true;
        }

        public void dispatch(CommandHandler h) {
            h.importData(file);
        }
    }

    /** Writes the points as x1,x2,label,split (the train command's dataset.csv). */
    record ExportData(Path file) implements Command {
        public String problem() {
            return file == null ? "no file given" : null;
        }

        public void dispatch(CommandHandler h) {
            h.exportData(file);
        }
    }

    /**
     * Writes the whole set-up as an experiment file (.bpg.json): settings, own points, the trainer's
     * state and {@code shown} (which panes and controls the window shows).
     */
    record SaveExperiment(Path file, java.util.Map<String, Boolean> shown) implements Command {
        public String problem() {
            return file == null || shown == null ? "no file given" : null;
        }

        public void dispatch(CommandHandler h) {
            h.saveExperiment(file, shown);
        }
    }

    /** Replaces the session with an experiment file's set-up, checked whole first; the training goes on from it. */
    record OpenExperiment(Path file) implements Command {
        public String problem() {
            return file == null ? "no file given" : null;
        }

        public boolean endsStepThrough() {
            return true;
        }

        public void dispatch(CommandHandler h) {
            h.openExperiment(file);
        }
    }

    /** Most points one {@link AddPoints} adds (a drag paints a few dozen). */
    int MAX_POINTS_PER_EDIT = 1_000;

    /**
     * Edit mode: adds the points {x1, x2, x1, x2, ...} with {@code label} (a class index, or a target
     * for regression); the weights go on training on the new data. Undone by {@link UndoEdit}.
     */
    record AddPoints(double[] points, double label) implements Command {
        public String problem() {
            if (points == null || points.length < 2 || points.length % 2 != 0 || points.length > 2 * MAX_POINTS_PER_EDIT) {
                return "give 1 to " + MAX_POINTS_PER_EDIT + " points as x1, x2 pairs";
            }
            for (double v : points) {
                if (!(Math.abs(v) <= MAX_TRACE_COORDINATE)) {
                    return "a point must lie within " + (int) MAX_TRACE_COORDINATE + " of the origin, got " + v;
                }
            }
            return Double.isFinite(label) && Math.abs(label) <= MAX_TRACE_COORDINATE ? null
                    : "a point's label must be a finite number (a class index, or a target), got " + label;
        }

        public boolean endsStepThrough() {
            return true;
        }

        public void dispatch(CommandHandler h) {
            h.addPoints(points.clone(), label);
        }
    }

    /** Edit mode: deletes the point nearest (x1, x2). Undone by {@link UndoEdit}. */
    record DeletePointNear(double x1, double x2) implements Command {
        public String problem() {
            return Double.isFinite(x1) && Double.isFinite(x2) ? null : "the place must be finite, got (" + x1 + ", " + x2 + ")";
        }

        public boolean endsStepThrough() {
            return true;
        }

        public void dispatch(CommandHandler h) {
            h.deletePointNear(x1, x2);
        }
    }

    /** Puts the points back as they were before the last edit (bit for bit); the weights stay. */
    record UndoEdit() implements Command {
        public boolean endsStepThrough() {
            return true;
        }

        public void dispatch(CommandHandler h) {
            h.undoEdit();
        }
    }

    /**
     * Edit mode's Clear: every point goes, the plane is empty (training is refused until points of
     * two classes, or two targets, are back). Undone by {@link UndoEdit}.
     */
    record ClearPoints() implements Command {
        public boolean endsStepThrough() {
            return true;
        }

        public void dispatch(CommandHandler h) {
            h.clearPoints();
        }
    }

    /** Applies again the edit the last {@link UndoEdit} took back. */
    record RedoEdit() implements Command {
        public boolean endsStepThrough() {
            return true;
        }

        public void dispatch(CommandHandler h) {
            h.redoEdit();
        }
    }

    /** Stops the engine thread. */
    record Shutdown() implements Command {
        public void dispatch(CommandHandler h) {
            h.shutdown();
        }
    }

    /** Why the app's live engine will not train {@code spec} (it redraws its boundary as it trains), or null. */
    static String appProblem(NetworkSpec spec) {
        if (spec.hidden().length > Limits.APP_MAX_HIDDEN_LAYERS) {
            return spec.hidden().length + " hidden layers: the app trains at most " + Limits.APP_MAX_HIDDEN_LAYERS
                    + " (the train command more)";
        }
        if (spec.parameterCount() > Limits.APP_MAX_PARAMETERS) {
            return String.format(Locale.ROOT, "%s has %,d parameters: the app trains at most %,d live "
                    + "(the train command up to %,d)", spec.describe(), spec.parameterCount(),
                    Limits.APP_MAX_PARAMETERS, Limits.MAX_PARAMETERS);
        }
        return null;
    }
}
