package dev.backprop.playground.engine.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DenseKernel}'s products on the JDK's Vector API (the incubator module jdk.incubator.vector),
 * for a JVM started with {@code --add-modules jdk.incubator.vector}. A tile of 4 output rows x 8
 * columns lives in eight registers while the shared index runs, so each W value loaded serves four
 * rows and each output is stored once, not once per term.
 *
 * <p>Every element is still summed in the scalar kernel's order, with a multiply and then an add
 * (no fused multiply-add, which rounds once instead of twice): the results are the same bits. Only
 * {@link DenseKernel} touches this class, and only when the module is there, so a plain
 * {@code java -jar} never loads it.
 */
final class VectorKernel {
    /** 4 doubles: on AVX-512 and AVX2 alike; 100 columns are 12 tiles of 8 and one vector, no scalar tail. */
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    private static final int L = S.length();
    /** Rows a tile covers: {@link DenseKernel} sends fewer to its plain loops. */
    static final int TILE_ROWS = 4;

    private VectorKernel() {
    }

    /**
     * y[r][c] = start[c] + a[r][0] m[0][c] + a[r][1] m[1][c] + ..., added left to right; the start
     * is 0 when {@code start} is null.
     *
     * @param a rows x inner, not modified
     * @param m inner x cols, not modified
     * @param y rows x cols, overwritten
     */
    static void multiplyAdd(double[] a, int rows, int inner, double[] m, int cols, double[] start, double[] y) {
        int r = 0;
        for (; r + 3 < rows; r += 4) {
            int c = 0;
            for (; c + 2 * L <= cols; c += 2 * L) {
                tile4x2(a, r, inner, m, cols, c, start, y);
            }
            for (int i = r; i < r + 4; i++) {
                rest(a, i, inner, m, cols, c, start, y);
            }
        }
        for (; r < rows; r++) {
            rest(a, r, inner, m, cols, 0, start, y);
        }
    }

    private static DoubleVector begin(double[] start, int c) {
        return start == null ? DoubleVector.zero(S) : DoubleVector.fromArray(S, start, c);
    }

    /** Rows r..r+3, columns c..c+7. */
    private static void tile4x2(double[] a, int r, int inner, double[] m, int cols, int c, double[] start, double[] y) {
        DoubleVector s0 = begin(start, c);
        DoubleVector s1 = begin(start, c + L);
        DoubleVector y00 = s0;
        DoubleVector y01 = s1;
        DoubleVector y10 = s0;
        DoubleVector y11 = s1;
        DoubleVector y20 = s0;
        DoubleVector y21 = s1;
        DoubleVector y30 = s0;
        DoubleVector y31 = s1;
        int a0 = r * inner;
        int a1 = a0 + inner;
        int a2 = a1 + inner;
        int a3 = a2 + inner;
        for (int k = 0; k < inner; k++) {
            int mk = k * cols + c;
            DoubleVector m0 = DoubleVector.fromArray(S, m, mk);
            DoubleVector m1 = DoubleVector.fromArray(S, m, mk + L);
            double v0 = a[a0 + k];
            double v1 = a[a1 + k];
            double v2 = a[a2 + k];
            double v3 = a[a3 + k];
            y00 = y00.add(m0.mul(v0));
            y01 = y01.add(m1.mul(v0));
            y10 = y10.add(m0.mul(v1));
            y11 = y11.add(m1.mul(v1));
            y20 = y20.add(m0.mul(v2));
            y21 = y21.add(m1.mul(v2));
            y30 = y30.add(m0.mul(v3));
            y31 = y31.add(m1.mul(v3));
        }
        int o = r * cols + c;
        y00.intoArray(y, o);
        y01.intoArray(y, o + L);
        y10.intoArray(y, o + cols);
        y11.intoArray(y, o + cols + L);
        y20.intoArray(y, o + 2 * cols);
        y21.intoArray(y, o + 2 * cols + L);
        y30.intoArray(y, o + 3 * cols);
        y31.intoArray(y, o + 3 * cols + L);
    }

    /** Row r from column c on: one vector at a time, then one element at a time. */
    private static void rest(double[] a, int r, int inner, double[] m, int cols, int c, double[] start, double[] y) {
        int base = r * inner;
        for (; c + L <= cols; c += L) {
            DoubleVector s = begin(start, c);
            for (int k = 0; k < inner; k++) {
                s = s.add(DoubleVector.fromArray(S, m, k * cols + c).mul(a[base + k]));
            }
            s.intoArray(y, r * cols + c);
        }
        for (; c < cols; c++) {
            double s = start == null ? 0.0 : start[c];
            for (int k = 0; k < inner; k++) {
                s += a[base + k] * m[k * cols + c];
            }
            y[r * cols + c] = s;
        }
    }

    /**
     * dw[k][c] = x[0][k] g[0][c] + x[1][k] g[1][c] + ..., over the rows in order, the first term as
     * it is. Tiles of 4 rows of dW (4 inputs k) x 8 columns; the batch row r runs inside.
     */
    static void weightGradient(double[] x, double[] g, int rows, int in, int out, double[] dw) {
        int k = 0;
        for (; k + 3 < in; k += 4) {
            int c = 0;
            for (; c + 2 * L <= out; c += 2 * L) {
                gradientTile(x, g, rows, in, out, k, c, dw);
            }
            for (int i = k; i < k + 4; i++) {
                gradientRest(x, g, rows, in, out, i, c, dw);
            }
        }
        for (; k < in; k++) {
            gradientRest(x, g, rows, in, out, k, 0, dw);
        }
    }

    private static void gradientTile(double[] x, double[] g, int rows, int in, int out, int k, int c, double[] dw) {
        DoubleVector g0 = DoubleVector.fromArray(S, g, c);
        DoubleVector g1 = DoubleVector.fromArray(S, g, c + L);
        DoubleVector d00 = g0.mul(x[k]);
        DoubleVector d01 = g1.mul(x[k]);
        DoubleVector d10 = g0.mul(x[k + 1]);
        DoubleVector d11 = g1.mul(x[k + 1]);
        DoubleVector d20 = g0.mul(x[k + 2]);
        DoubleVector d21 = g1.mul(x[k + 2]);
        DoubleVector d30 = g0.mul(x[k + 3]);
        DoubleVector d31 = g1.mul(x[k + 3]);
        for (int r = 1; r < rows; r++) {
            int gr = r * out + c;
            int xr = r * in + k;
            g0 = DoubleVector.fromArray(S, g, gr);
            g1 = DoubleVector.fromArray(S, g, gr + L);
            double v0 = x[xr];
            double v1 = x[xr + 1];
            double v2 = x[xr + 2];
            double v3 = x[xr + 3];
            d00 = d00.add(g0.mul(v0));
            d01 = d01.add(g1.mul(v0));
            d10 = d10.add(g0.mul(v1));
            d11 = d11.add(g1.mul(v1));
            d20 = d20.add(g0.mul(v2));
            d21 = d21.add(g1.mul(v2));
            d30 = d30.add(g0.mul(v3));
            d31 = d31.add(g1.mul(v3));
        }
        int o = k * out + c;
        d00.intoArray(dw, o);
        d01.intoArray(dw, o + L);
        d10.intoArray(dw, o + out);
        d11.intoArray(dw, o + out + L);
        d20.intoArray(dw, o + 2 * out);
        d21.intoArray(dw, o + 2 * out + L);
        d30.intoArray(dw, o + 3 * out);
        d31.intoArray(dw, o + 3 * out + L);
    }

    /** Row k of dW from column c on: one vector at a time, then one element at a time. */
    private static void gradientRest(double[] x, double[] g, int rows, int in, int out, int k, int c, double[] dw) {
        for (; c + L <= out; c += L) {
            DoubleVector d = DoubleVector.fromArray(S, g, c).mul(x[k]);
            for (int r = 1; r < rows; r++) {
                d = d.add(DoubleVector.fromArray(S, g, r * out + c).mul(x[r * in + k]));
            }
            d.intoArray(dw, k * out + c);
        }
        for (; c < out; c++) {
            double d = x[k] * g[c];
            for (int r = 1; r < rows; r++) {
                d += x[r * in + k] * g[r * out + c];
            }
            dw[k * out + c] = d;
        }
    }
}
