package dev.backprop.playground.graph;

import java.util.Arrays;

/**
 * An immutable copy of a node's data or grad: a scalar is 1 x 1. Row-major. A pending tensor has
 * its shape but no values yet (a value the forward pass has not reached while stepping), so the
 * node keeps its size on screen.
 */
public record Tensor(int rows, int cols, double[] values) {

    public Tensor {
        if (values.length != rows * cols && values.length != 0) {
            throw new IllegalArgumentException(rows + "x" + cols + " needs " + rows * cols + " values");
        }
        values = values.clone();
    }

    public static Tensor scalar(double v) {
        return new Tensor(1, 1, new double[] {v});
    }

    public static Tensor of(int rows, int cols, double[] rowMajor) {
        return new Tensor(rows, cols, Arrays.copyOf(rowMajor, rows * cols));
    }

    /** A value of this shape that is not computed yet. */
    public static Tensor pending(int rows, int cols) {
        return new Tensor(rows, cols, new double[0]);
    }

    public boolean isPending() {
        return values.length == 0 && rows * cols > 0;
    }

    public boolean isScalar() {
        return rows == 1 && cols == 1;
    }

    public double get(int r, int c) {
        return values[r * cols + c];
    }

    /** The only value of a scalar, or the first of a tensor. */
    public double first() {
        return values[0];
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** Euclidean (Frobenius) norm. */
    public double norm() {
        double s = 0;
        for (double v : values) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && t.rows == rows && t.cols == cols && Arrays.equals(t.values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + rows * 17 + cols;
    }
}
