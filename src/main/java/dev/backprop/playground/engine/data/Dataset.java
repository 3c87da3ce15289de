package dev.backprop.playground.engine.data;

import org.ejml.data.DMatrixRMaj;

/**
 * Labelled 2D points: {@code features} is n x 2 (x1, x2), {@code labels} n x 1 with 0 or 1.
 * Treated as immutable once built: nothing in the project writes to a dataset's matrices.
 */
public record Dataset(DMatrixRMaj features, DMatrixRMaj labels) {

    public Dataset {
        if (features.numRows != labels.numRows || labels.numCols != 1) {
            throw new IllegalArgumentException("features and labels disagree: " + features.numRows
                    + " rows vs " + labels.numRows + "x" + labels.numCols);
        }
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
        return (int) labels.get(i);
    }

    /** The rows at {@code indices}, in that order, as a new dataset. */
    public Dataset subset(int[] indices) {
        DMatrixRMaj f = new DMatrixRMaj(indices.length, features.numCols);
        DMatrixRMaj l = new DMatrixRMaj(indices.length, 1);
        for (int k = 0; k < indices.length; k++) {
            for (int c = 0; c < features.numCols; c++) {
                f.set(k, c, features.get(indices[k], c));
            }
            l.set(k, 0, labels.get(indices[k]));
        }
        return new Dataset(f, l);
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
