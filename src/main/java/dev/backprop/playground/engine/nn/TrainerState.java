package dev.backprop.playground.engine.nn;

import java.util.Arrays;

/**
 * Everything a {@link Trainer} needs to go on exactly as it would have from one step: the network's
 * shape and weights, the optimizer's kind and state (momentum, Adam's moments), the sampling
 * generator's state and the mini-batch order. Made by {@link Trainer#capture}, used by
 * {@link Trainer#restore}. Treat as immutable: the arrays are copies nobody writes again.
 *
 * @param weights        every parameter's values, in {@link Sequential#parameters()} order
 * @param optimizerState {@link Optimizer#saveState()}; empty for SGD or when not known (a checkpoint file)
 * @param sampling       the sampling generator's state, or null for a fresh one from the seed
 * @param order          the mini-batch order (shared with the previous state when unchanged)
 * @param samplesSeen    training examples the steps so far took (a batch size changed on the way counts
 *                       each step at its own size), or -1 when not known (a file): then step x batch
 */
public record TrainerState(long step, NetworkSpec spec, double[] weights, OptimizerKind optimizer,
                           double[] optimizerState, double learningRate, int batchSize, SamplingState sampling,
                           int[] order, int cursor, double lastLoss, long samplesSeen) {

    /** A state whose examples seen are not known (-1): they are taken as step x batch. */
    public TrainerState(long step, NetworkSpec spec, double[] weights, OptimizerKind optimizer,
                        double[] optimizerState, double learningRate, int batchSize, SamplingState sampling,
                        int[] order, int cursor, double lastLoss) {
        this(step, spec, weights, optimizer, optimizerState, learningRate, batchSize, sampling, order, cursor, lastLoss,
                -1);
    }

    /** A state known only by its weights (a checkpoint file): fresh optimizer, sampling from the seed. */
    public static TrainerState ofWeights(long step, NetworkSpec spec, Sequential net, OptimizerKind optimizer,
                                         double learningRate, int batchSize) {
        return new TrainerState(step, spec, Trainer.weightsOf(net), optimizer, new double[0], learningRate, batchSize,
                null, null, 0, Double.NaN);
    }

    /** Bytes this state holds, the order array included ({@code sharedOrder}: counted elsewhere). */
    public long bytes(boolean sharedOrder) {
        long b = 96 + 8L * weights.length + 8L * optimizerState.length + (sampling == null ? 0 : 32);
        return order == null || sharedOrder ? b : b + 16 + 4L * order.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainerState s && step == s.step && spec.equals(s.spec) && Arrays.equals(weights, s.weights)
                && optimizer == s.optimizer && Arrays.equals(optimizerState, s.optimizerState)
                && Double.compare(learningRate, s.learningRate) == 0 && batchSize == s.batchSize
                && java.util.Objects.equals(sampling, s.sampling) && Arrays.equals(order, s.order) && cursor == s.cursor;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(step) * 31 + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "TrainerState[step=" + step + ", " + spec.describe() + ", " + optimizer.id() + "]";
    }
}
