package dev.backprop.playground.engine.data;

import org.ejml.data.DMatrixRMaj;

/**
 * Labelled points: {@code features} is n x d (d = 2 for the plane's x1, x2), {@code labels} n x 1
 * with a class index, or n x k real targets ({@code k} up to {@link #MAX_TARGETS}); {@code inputs}
 * names the d columns. Treated as immutable once built: nothing in the project writes to a
 * dataset's matrices.
 */
public record Dataset(DMatrixRMaj features, DMatrixRMaj labels, Inputs inputs) {
    /** Most regression targets a point may have. */
    public static final int MAX_TARGETS = 16;

    public Dataset {
        if (features.numRows != labels.numRows || labels.numCols < 1 || labels.numCols > MAX_TARGETS) {
            throw new IllegalArgumentException("features and labels disagree: " + features.numRows
                    + " rows vs " + labels.numRows + "x" + labels.numCols);
        }
        if (inputs.size() != features.numCols) {
            throw new IllegalArgumentException(features.numCols + " input columns but " + inputs.size() + " names");
        }
    }

    /** Points with inputs named x1, x2, ... (the plane's datasets). */
    public Dataset(DMatrixRMaj features, DMatrixRMaj labels) {
        this(features, labels, features.numCols == 2 ? Inputs.PLANE : Inputs.numbered(features.numCols));
    }

    /** Inputs per point: d. */
    public int width() {
        return features.numCols;
    }

    /** Label columns: 1 for a class index or one target, k for k targets. */
    public int targets() {
        return labels.numCols;
    }

    public int size() {
        return features.numRows;
    }

    public double x1(int i) {
        return features.get(i, 0);
    }

    public double x2(int i) {
        return features.get(i, 1);
    }

    public int label(int i) {
        return (int) labels.get(i, 0);
    }

    /** The rows at {@code indices}, in that order, as a new dataset. */
    public Dataset subset(int[] indices) {
        int d = features.numCols;
        int t = labels.numCols;
        DMatrixRMaj f = new DMatrixRMaj(indices.length, d);
        DMatrixRMaj l = new DMatrixRMaj(indices.length, t);
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(features.data, indices[k] * d, f.data, k * d, d);
            System.arraycopy(labels.data, indices[k] * t, l.data, k * t, t);
        }
        return new Dataset(f, l, inputs);
    }

    /** Smallest and largest x1 and x2: {minX1, maxX1, minX2, maxX2}. */
    public double[] bounds() {
        double[] b = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                      Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < size(); i++) {
            b[0] = Math.min(b[0], x1(i));
            b[1] = Math.max(b[1], x1(i));
            b[2] = Math.min(b[2], x2(i));
            b[3] = Math.max(b[3], x2(i));
        }
        return b;
    }
}
