package dev.backprop.playground.engine.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * What every layer of this engine keeps between forward and backward, and shows to the graph:
 * the last input (a reference: the previous stage keeps it until the next step), its own output
 * and grad-input buffers, and the last upstream gradient.
 */
public abstract class CachingLayer implements Layer {
    protected final DMatrixRMaj output = new DMatrixRMaj(1, 1);
    protected final DMatrixRMaj gradInput = new DMatrixRMaj(1, 1);
    protected DMatrixRMaj input;
    protected DMatrixRMaj gradOutput;
    private boolean fusedBackward;

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x) {
        this.input = x;
        apply(x, output);
        return output;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj upstream) {
        this.gradOutput = upstream;
        fusedBackward = false;
        computeGradients(upstream);
        return gradInput;
    }

    /**
     * Backward for a layer fused with the loss (softmax with cross-entropy): the loss already gave
     * d loss / d input, computed stably from the logits, so it is taken as it is. There is no
     * separate d loss / d output ({@link #lastGradOutput()} is null after this).
     */
    DMatrixRMaj passLogitGradient(DMatrixRMaj gradLogits) {
        this.gradOutput = null;
        gradInput.reshape(gradLogits.numRows, gradLogits.numCols);
        System.arraycopy(gradLogits.data, 0, gradInput.data, 0, gradLogits.getNumElements());
        fusedBackward = true;
        return gradInput;
    }

    /** True when the last backward came through {@link #passLogitGradient}. */
    public boolean lastBackwardFused() {
        return fusedBackward;
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
