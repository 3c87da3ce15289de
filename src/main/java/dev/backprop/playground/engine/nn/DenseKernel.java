package dev.backprop.playground.engine.nn;

/**
 * The three products of a dense layer on row-major arrays, written for wide layers (784 inputs and
 * more) at mini-batch sizes: y = b + x W, dL/dW = x^T g, dL/dx = g W^T.
 *
 * <p>Each output element is summed in the same order as the narrow code and EJML's kernels this
 * replaces (over the shared index from its first term to its last, one rounding per multiply and
 * per add, no fused multiply-add), so every result keeps its bits. Speed comes from the loop shapes
 * instead: the inner loop always runs along a contiguous row, which C2 compiles to SIMD; four terms
 * are added per pass, so each output element is loaded and stored a quarter as often; and the
 * forward pass walks W in blocks that stay in the L1 cache while every row of the batch uses them.
 */
public final class DenseKernel {
    /** About a third of a 32-48 KB L1 data cache, in doubles: the W block the forward pass reuses. */
    private static final int L1_BLOCK_DOUBLES = 2048;

    /**
     * Below {@link VectorKernel#TILE_ROWS} rows (per-sample steps) the plain loops are used: a lone
     * row leaves the tiles one long chain of dependent adds per vector, slower than the loops.
     *
     * True when this JVM has the Vector API ({@code --add-modules jdk.incubator.vector}, as the
     * launchers, the tests and the bench give it): the products run on {@link VectorKernel}, same bits,
     * several times faster. {@code -Dbackprop.vector=false} keeps the scalar loops.
     */
    static final boolean VECTORIZED = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"false".equals(System.getProperty("backprop.vector"));

    private DenseKernel() {
    }

    /** Whether the products run on the Vector API in this JVM (for the bench's report). */
    public static boolean vectorized() {
        return VECTORIZED;
    }

    /**
     * y = b + x W: y[r][c] = b[c] + x[r][0] W[0][c] + x[r][1] W[1][c] + ..., added left to right.
     *
     * @param x rows x in, not modified
     * @param w in x out, not modified
     * @param b out, not modified
     * @param y rows x out, overwritten
     */
    static void forward(double[] x, int rows, int in, double[] w, double[] b, int out, double[] y) {
        if (VECTORIZED && rows >= VectorKernel.TILE_ROWS) {
            VectorKernel.multiplyAdd(x, rows, in, w, out, b, y);
        } else {
            scalarForward(x, rows, in, w, b, out, y);
        }
    }

    static void scalarForward(double[] x, int rows, int in, double[] w, double[] b, int out, double[] y) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(b, 0, y, r * out, out);
        }
        int block = Math.max(4, (L1_BLOCK_DOUBLES / out) & ~3);
        for (int k0 = 0; k0 < in; k0 += block) {
            int k1 = Math.min(in, k0 + block);
            for (int r = 0; r < rows; r++) {
                accumulateRow(x, r * in, k0, k1, w, out, y, r * out);
            }
        }
    }

    /** y[o..o+out) += sum over k in [k0, k1) of a[base + k] * m[k][.], in order of k. */
    private static void accumulateRow(double[] a, int base, int k0, int k1, double[] m, int out, double[] y, int o) {
        int k = k0;
        for (; k + 3 < k1; k += 4) {
            double a0 = a[base + k];
            double a1 = a[base + k + 1];
            double a2 = a[base + k + 2];
            double a3 = a[base + k + 3];
            int m0 = k * out;
            int m1 = m0 + out;
            int m2 = m1 + out;
            int m3 = m2 + out;
            for (int c = 0; c < out; c++) {
                // Java adds left to right: (((y + a0 m0) + a1 m1) + a2 m2) + a3 m3, term by term as before
                y[o + c] = y[o + c] + a0 * m[m0 + c] + a1 * m[m1 + c] + a2 * m[m2 + c] + a3 * m[m3 + c];
            }
        }
        for (; k < k1; k++) {
            double ak = a[base + k];
            int mk = k * out;
            for (int c = 0; c < out; c++) {
                y[o + c] = y[o + c] + ak * m[mk + c];
            }
        }
    }

    /**
     * dL/dW = x^T g: dw[k][c] = x[0][k] g[0][c] + x[1][k] g[1][c] + ..., added over the batch rows in
     * order, the first term taken as it is (EJML's multTransA order).
     *
     * @param x rows x in, not modified
     * @param g rows x out, not modified
     * @param dw in x out, overwritten
     */
    static void weightGradient(double[] x, double[] g, int rows, int in, int out, double[] dw) {
        if (VECTORIZED && rows >= VectorKernel.TILE_ROWS) {
            VectorKernel.weightGradient(x, g, rows, in, out, dw);
        } else {
            scalarWeightGradient(x, g, rows, in, out, dw);
        }
    }

    static void scalarWeightGradient(double[] x, double[] g, int rows, int in, int out, double[] dw) {
        for (int k = 0; k < in; k++) {
            int d = k * out;
            double x0 = x[k];
            for (int c = 0; c < out; c++) {
                dw[d + c] = x0 * g[c];
            }
            int r = 1;
            for (; r + 3 < rows; r += 4) {
                double a0 = x[r * in + k];
                double a1 = x[(r + 1) * in + k];
                double a2 = x[(r + 2) * in + k];
                double a3 = x[(r + 3) * in + k];
                int g0 = r * out;
                int g1 = g0 + out;
                int g2 = g1 + out;
                int g3 = g2 + out;
                for (int c = 0; c < out; c++) {
                    dw[d + c] = dw[d + c] + a0 * g[g0 + c] + a1 * g[g1 + c] + a2 * g[g2 + c] + a3 * g[g3 + c];
                }
            }
            for (; r < rows; r++) {
                double a = x[r * in + k];
                int gr = r * out;
                for (int c = 0; c < out; c++) {
                    dw[d + c] = dw[d + c] + a * g[gr + c];
                }
            }
        }
    }

    /**
     * dL/dx = g W^T: dx[r][k] = 0 + g[r][0] W[k][0] + g[r][1] W[k][1] + ..., added in order of the
     * output column from zero (EJML's multTransB order), read from W^T so the inner loop is a row.
     *
     * @param g rows x out, not modified
     * @param wt W transposed, out x in, not modified (see {@link #transpose})
     * @param dx rows x in, overwritten
     */
    static void inputGradient(double[] g, double[] wt, int rows, int in, int out, double[] dx) {
        if (VECTORIZED && rows >= VectorKernel.TILE_ROWS) {
            VectorKernel.multiplyAdd(g, rows, out, wt, in, null, dx);
        } else {
            scalarInputGradient(g, wt, rows, in, out, dx);
        }
    }

    static void scalarInputGradient(double[] g, double[] wt, int rows, int in, int out, double[] dx) {
        for (int r = 0; r < rows; r++) {
            java.util.Arrays.fill(dx, r * in, (r + 1) * in, 0.0);
            accumulateRow(g, r * out, 0, out, wt, in, dx, r * in);
        }
    }

    /**
     * dL/dx = g W^T straight from W, one dot product per element, in EJML's multTransB order: for a
     * few rows (per-sample steps), where transposing W would cost as much as the product.
     *
     * @param g rows x out, not modified
     * @param w in x out, not modified
     * @param dx rows x in, overwritten
     */
    static void inputGradientFromWeights(double[] g, double[] w, int rows, int in, int out, double[] dx) {
        for (int r = 0; r < rows; r++) {
            int gr = r * out;
            for (int k = 0; k < in; k++) {
                int wk = k * out;
                double s = 0;
                for (int c = 0; c < out; c++) {
                    s += g[gr + c] * w[wk + c];
                }
                dx[r * in + k] = s;
            }
        }
    }

    /** wt = w^T for w of rows x cols. */
    static void transpose(double[] w, int rows, int cols, double[] wt) {
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                wt[j * rows + i] = w[base + j];
            }
        }
    }

    /** db = column sums of g (rows x out), over the rows in order from zero (EJML's sumCols order). */
    static void columnSums(double[] g, int rows, int out, double[] db) {
        java.util.Arrays.fill(db, 0, out, 0.0);
        for (int r = 0; r < rows; r++) {
            int gr = r * out;
            for (int c = 0; c < out; c++) {
                db[c] += g[gr + c];
            }
        }
    }
}
