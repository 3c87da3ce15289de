package dev.backprop.playground.train;

import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.OptimizerKind;

/** What the UI asks of the training session. Sent through a queue; the engine thread applies them in order. */
public sealed interface Command {
    /** Train continuously at the current speed. */
    record Play() implements Command {
    }

    record Pause() implements Command {
    }

    /** Take {@code steps} steps, then pause. */
    record Step(int steps) implements Command {
    }

    /** Step-through: pause and reveal the next node of the current step (starting one if needed). */
    record NodeForward() implements Command {
    }

    /** Step-through: hide the last revealed node. */
    record NodeBack() implements Command {
    }

    /** Step-through: run to the end of the current pass (forward, backward, or the update). */
    record FinishPass() implements Command {
    }

    /** Re-initialise the network from the seed: the same seed replays the same run. */
    record Reset() implements Command {
    }

    /** Keeps the weights and the optimizer's state. */
    record SetLearningRate(double learningRate) implements Command {
    }

    /** Steps per second; {@link TrainingSession#UNTHROTTLED} for as fast as possible. */
    record SetSpeed(double stepsPerSecond) implements Command {
    }

    /** Rebuilds the network (new weights) when the shape, activation, loss or init changes. */
    record SetNetwork(NetworkSpec spec) implements Command {
    }

    /** A fresh optimizer of this kind on the current weights. */
    record SetOptimizer(OptimizerKind kind) implements Command {
    }

    record SetBatchSize(int batchSize) implements Command {
    }

    /** New data (and a new network on it): dataset, sample count, noise, seed. */
    record SetData(DatasetKind dataset, int samples, double noise, long seed) implements Command {
    }

    /** Writes the current network as model.json (on the engine thread, which owns it). */
    record SaveModel(java.nio.file.Path file) implements Command {
    }

    /** Replaces the network with one read from a model.json file; the weights go on training. */
    record LoadModel(java.nio.file.Path file) implements Command {
    }

    /** Stops the engine thread. */
    record Shutdown() implements Command {
    }
}
