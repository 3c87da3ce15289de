package dev.backprop.playground.engine.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * What every layer of this engine keeps between forward and backward, and shows to the graph:
 * the last input (a reference: the previous stage keeps it until the next step), its own output
 * and grad-input buffers, and the last upstream gradient.
 */
abstract class CachingLayer implements Layer {
    protected final DMatrixRMaj output = new DMatrixRMaj(1, 1);
    protected final DMatrixRMaj gradInput = new DMatrixRMaj(1, 1);
    protected DMatrixRMaj input;
    protected DMatrixRMaj gradOutput;

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x) {
        this.input = x;
        apply(x, output);
        return output;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj upstream) {
        this.gradOutput = upstream;
        computeGradients(upstream);
        return gradInput;
    }

    /** Fills {@link #gradInput} (and any parameter gradients) from d loss / d output. */
    protected abstract void computeGradients(DMatrixRMaj upstream);

    public DMatrixRMaj lastOutput() {
        return output;
    }

    /** d loss / d output received by the last backward (null before the first). */
    public DMatrixRMaj lastGradOutput() {
        return gradOutput;
    }

    /** d loss / d input returned by the last backward. */
    public DMatrixRMaj lastGradInput() {
        return gradInput;
    }
}
