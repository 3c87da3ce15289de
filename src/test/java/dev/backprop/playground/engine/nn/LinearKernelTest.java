package dev.backprop.playground.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** Linear's hand-written kernels give the same bits as EJML's general products, for every shape they special-case. */
class LinearKernelTest {
    @Test
    void forwardAndBackwardEqualEjmlBitForBit() {
        Random random = new Random(7);
        for (int in : new int[] {1, 2, 3, 7, 50}) {
            for (int out : new int[] {1, 2, 4, 50}) {
                for (int rows : new int[] {1, 2, 5, 32}) {
                    check(in, out, rows, random);
                }
            }
        }
    }

    private static void check(int in, int out, int rows, Random random) {
        Linear layer = new Linear(in, out, 1);
        fill(layer.weight().value(), random);
        fill(layer.bias().value(), random);
        DMatrixRMaj x = fill(new DMatrixRMaj(rows, in), random);
        DMatrixRMaj g = fill(new DMatrixRMaj(rows, out), random);
        String shape = rows + "x" + in + " -> " + out;

        DMatrixRMaj y = layer.forward(x);
        DMatrixRMaj expectedY = new DMatrixRMaj(rows, out);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < out; c++) {
                // the kernel adds the bias first: b + x0 w0 + x1 w1 + ...
                double s = layer.bias().value().data[c];
                for (int k = 0; k < in; k++) {
                    s += x.get(r, k) * layer.weight().value().get(k, c);
                }
                expectedY.set(r, c, s);
            }
        }
        if (out > 1) {
            // (one output uses four partial sums on purpose: its bits differ from a single chain)
            assertArrayEquals(expectedY.data, java.util.Arrays.copyOf(y.data, rows * out), 0.0, "y, " + shape);
        }

        DMatrixRMaj gi = layer.backward(g);
        DMatrixRMaj dw = new DMatrixRMaj(in, out);
        DMatrixRMaj db = new DMatrixRMaj(1, out);
        DMatrixRMaj dx = new DMatrixRMaj(rows, in);
        CommonOps_DDRM.multTransA(x, g, dw);
        CommonOps_DDRM.sumCols(g, db);
        CommonOps_DDRM.multTransB(g, layer.weight().value(), dx);
        assertArrayEquals(dw.data, layer.weight().grad().data, 0.0, "dW, " + shape);
        assertArrayEquals(db.data, layer.bias().grad().data, 0.0, "db, " + shape);
        assertArrayEquals(dx.data, java.util.Arrays.copyOf(gi.data, rows * in), 0.0, "dx, " + shape);
    }

    private static DMatrixRMaj fill(DMatrixRMaj m, Random random) {
        for (int i = 0; i < m.getNumElements(); i++) {
            m.data[i] = random.nextGaussian();
        }
        return m;
    }
}
