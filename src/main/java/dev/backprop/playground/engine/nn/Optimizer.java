package dev.backprop.playground.engine.nn;

import java.util.List;

/**
 * Updates a fixed list of parameters from their gradients. State (velocities, moments) is
 * allocated once, at construction; changing the learning rate keeps it.
 */
public abstract class Optimizer {
    protected final List<Parameter> parameters;
    private double learningRate;

    protected Optimizer(List<Parameter> parameters, double learningRate) {
        this.parameters = List.copyOf(parameters);
        setLearningRate(learningRate);
    }

    /** One update of every parameter from its current grad. */
    public abstract void step();

    public abstract OptimizerKind kind();

    /** A copy of the optimizer's state (velocities, moments, step count), flattened; empty for SGD. */
    public double[] saveState() {
        return new double[0];
    }

    /**
     * Puts back a state from {@link #saveState()} of an optimizer of the same kind on parameters of
     * the same shapes; an empty array means a fresh state. So a run resumed from a snapshot goes on
     * exactly as it would have.
     */
    public void restoreState(double[] state) {
        if (state.length != 0) {
            throw new IllegalArgumentException(kind().id() + " keeps no state, got " + state.length + " numbers");
        }
    }

    /** Copies {@code arrays} one after the other into {@code out} from {@code at}; returns the next position. */
    static int flatten(double[][] arrays, double[] out, int at) {
        for (double[] a : arrays) {
            System.arraycopy(a, 0, out, at, a.length);
            at += a.length;
        }
        return at;
    }

    /** The reverse of {@link #flatten}. */
    static int unflatten(double[] in, int at, double[][] arrays) {
        for (double[] a : arrays) {
            System.arraycopy(in, at, a, 0, a.length);
            at += a.length;
        }
        return at;
    }

    /** One zeroed array per parameter, of its size: an optimizer's per-weight state. */
    static double[][] zerosLike(List<Parameter> parameters) {
        double[][] arrays = new double[parameters.size()][];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = new double[parameters.get(i).value().getNumElements()];
        }
        return arrays;
    }

    /** A state of one array per parameter, flattened. */
    double[] saveArrays(double[][] arrays) {
        double[] state = new double[parameterCount()];
        flatten(arrays, state, 0);
        return state;
    }

    /** Puts back a state of {@link #saveArrays}; an empty one zeroes the arrays. */
    void restoreArrays(double[] state, double[][] arrays) {
        checkStateLength(state, parameterCount());
        if (state.length == 0) {
            for (double[] a : arrays) {
                java.util.Arrays.fill(a, 0);
            }
        } else {
            unflatten(state, 0, arrays);
        }
    }

    /** Numbers in all parameters together. */
    int parameterCount() {
        int n = 0;
        for (Parameter p : parameters) {
            n += p.value().getNumElements();
        }
        return n;
    }

    /** Checks a state's length against what this optimizer keeps; an empty state is always accepted. */
    void checkStateLength(double[] state, int expected) {
        if (state.length != 0 && state.length != expected) {
            throw new IllegalArgumentException(kind().id() + " state of " + state.length + " numbers, expected "
                    + expected);
        }
    }

    public double learningRate() {
        return learningRate;
    }

    public void setLearningRate(double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
        this.learningRate = learningRate;
    }
}
