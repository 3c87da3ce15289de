package dev.backprop.playground.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Both wide kernels, the scalar loops and the Vector API tiles, give the same bits as the sums they
 * replaced: the forward pass against the plain loop in the documented order, the gradients against
 * EJML's products. Shapes cover the
 * image layer (64 x 784 -> 100), remainders of the four-term unrolling and the W blocks, and one row.
 */
class DenseKernelTest {

    @ParameterizedTest
    @CsvSource({"64, 784, 100", "64, 100, 10", "7, 13, 17", "1, 5, 3", "3, 1, 9", "33, 130, 21", "5, 4, 2048"})
    void forwardAddsTheTermsInOrderOfTheInput(int rows, int in, int out) {
        Random random = new Random(rows * 31L + in * 7L + out);
        DMatrixRMaj x = RandomMatrices_DDRM.rectangle(rows, in, -1, 1, random);
        DMatrixRMaj w = RandomMatrices_DDRM.rectangle(in, out, -1, 1, random);
        DMatrixRMaj b = RandomMatrices_DDRM.rectangle(1, out, -1, 1, random);
        double[] expected = new double[rows * out];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < out; c++) {
                double s = b.data[c];
                for (int k = 0; k < in; k++) {
                    s += x.get(r, k) * w.get(k, c);
                }
                expected[r * out + c] = s;
            }
        }
        double[] y = new double[rows * out];
        DenseKernel.scalarForward(x.data, rows, in, w.data, b.data, out, y);
        assertArrayEquals(expected, y, "scalar");
        double[] v = new double[rows * out];
        VectorKernel.multiplyAdd(x.data, rows, in, w.data, out, b.data, v);
        assertArrayEquals(expected, v, "Vector API");
    }

    @ParameterizedTest
    @CsvSource({"64, 784, 100", "64, 100, 10", "7, 13, 17", "1, 5, 3", "2, 20, 16", "33, 130, 21"})
    void gradientsEqualEjmlsProductsBitForBit(int rows, int in, int out) {
        Random random = new Random(rows * 17L + in * 5L + out);
        DMatrixRMaj x = RandomMatrices_DDRM.rectangle(rows, in, -1, 1, random);
        DMatrixRMaj g = RandomMatrices_DDRM.rectangle(rows, out, -1, 1, random);
        DMatrixRMaj w = RandomMatrices_DDRM.rectangle(in, out, -1, 1, random);
        DMatrixRMaj dw = new DMatrixRMaj(in, out);
        DMatrixRMaj db = new DMatrixRMaj(1, out);
        DMatrixRMaj dx = new DMatrixRMaj(rows, in);
        // EJML picks its reordered product at 15 columns or more: the order the kernel follows
        org.ejml.dense.row.mult.MatrixMatrixMult_DDRM.multTransA_reorder(x, g, dw);
        CommonOps_DDRM.sumCols(g, db);
        CommonOps_DDRM.multTransB(g, w, dx);

        double[] myDb = new double[out];
        double[] wt = new double[in * out];
        DenseKernel.columnSums(g.data, rows, out, myDb);
        assertArrayEquals(db.data, myDb);
        DenseKernel.transpose(w.data, in, out, wt);

        double[] myDw = new double[in * out];
        double[] myDx = new double[rows * in];
        DenseKernel.scalarWeightGradient(x.data, g.data, rows, in, out, myDw);
        DenseKernel.scalarInputGradient(g.data, wt, rows, in, out, myDx);
        assertArrayEquals(dw.data, myDw, "scalar dW");
        assertArrayEquals(dx.data, myDx, "scalar dx");

        double[] fromW = new double[rows * in];
        DenseKernel.inputGradientFromWeights(g.data, w.data, rows, in, out, fromW);
        assertArrayEquals(dx.data, fromW, "dx from W, per-sample shape");

        double[] vDw = new double[in * out];
        double[] vDx = new double[rows * in];
        VectorKernel.weightGradient(x.data, g.data, rows, in, out, vDw);
        VectorKernel.multiplyAdd(g.data, rows, out, wt, in, null, vDx);
        assertArrayEquals(dw.data, vDw, "Vector API dW");
        assertArrayEquals(dx.data, vDx, "Vector API dx");
    }

    @Test
    void theTestJvmRunsTheVectorKernel() {
        assertTrue(DenseKernel.vectorized(), "surefire's argLine adds jdk.incubator.vector, as the launchers do");
    }
}
