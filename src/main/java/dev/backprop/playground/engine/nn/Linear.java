package dev.backprop.playground.engine.nn;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** y = x W + b, with W of shape in x out and b of shape 1 x out (seed 000's convention). */
public final class Linear implements Layer {
    private final int inputSize;
    private final int outputSize;
    private final Parameter weight;
    private final Parameter bias;
    private final DMatrixRMaj output = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj gradInput = new DMatrixRMaj(1, 1);
    private DMatrixRMaj input;
    private DMatrixRMaj gradOutput;

    public Linear(int inputSize, int outputSize, int index) {
        this.inputSize = inputSize;
        this.outputSize = outputSize;
        this.weight = new Parameter("W" + index, inputSize, outputSize);
        this.bias = new Parameter("b" + index, 1, outputSize);
    }

    public Parameter weight() {
        return weight;
    }

    public Parameter bias() {
        return bias;
    }

    public int inputSize() {
        return inputSize;
    }

    /** The input of the last forward (a reference: the previous stage keeps it until the next step). */
    public DMatrixRMaj lastInput() {
        return input;
    }

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

    @Override
    public DMatrixRMaj forward(DMatrixRMaj input) {
        this.input = input;
        apply(input, output);
        return output;
    }

    @Override
    public void apply(DMatrixRMaj x, DMatrixRMaj y) {
        y.reshape(x.numRows, outputSize);
        CommonOps_DDRM.mult(x, weight.value(), y);
        double[] b = bias.value().data;
        double[] out = y.data;
        for (int r = 0, k = 0; r < x.numRows; r++) {
            for (int c = 0; c < outputSize; c++, k++) {
                out[k] += b[c];
            }
        }
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj gradOutput) {
        this.gradOutput = gradOutput;
        // dL/dW = x^T g, dL/db = column sums of g, dL/dx = g W^T
        CommonOps_DDRM.multTransA(input, gradOutput, weight.grad());
        CommonOps_DDRM.sumCols(gradOutput, bias.grad());
        gradInput.reshape(gradOutput.numRows, inputSize);
        CommonOps_DDRM.multTransB(gradOutput, weight.value(), gradInput);
        return gradInput;
    }

    @Override
    public int outputSize(int inputSize) {
        return outputSize;
    }

    @Override
    public String kind() {
        return "linear";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }
}
