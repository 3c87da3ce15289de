package dev.backprop.playground.graph;

/**
 * A tensor as a grid of cells for a heatmap, each in [-1, 1]: the value over the tensor's largest
 * |value|, so sign and relative size show whatever the scale (gradients are often 1e-3 of the
 * data). A column vector (W2 is 50x1) lies down as one row: it reads better than a tall strip. A
 * tensor with more rows or columns than a picture can show is averaged down to that many.
 */
public record TensorPicture(int rows, int cols, double[] cells, double maxAbs) {

    public static TensorPicture of(Tensor t, int maxRows, int maxCols) {
        boolean lying = t.cols() == 1 && t.rows() > 1;
        int srcRows = lying ? 1 : t.rows();
        int srcCols = lying ? t.rows() : t.cols();
        int rows = Math.min(srcRows, maxRows);
        int cols = Math.min(srcCols, maxCols);
        double[] sums = new double[rows * cols];
        int[] counts = new int[rows * cols];
        double maxAbs = 0;
        for (int r = 0; r < srcRows; r++) {
            for (int c = 0; c < srcCols; c++) {
                double v = lying ? t.get(c, 0) : t.get(r, c);
                if (!Double.isFinite(v)) {
                    continue;
                }
                int k = (int) ((long) r * rows / srcRows) * cols + (int) ((long) c * cols / srcCols);
                sums[k] += v;
                counts[k]++;
            }
        }
        for (int k = 0; k < sums.length; k++) {
            sums[k] = counts[k] == 0 ? 0 : sums[k] / counts[k];
            maxAbs = Math.max(maxAbs, Math.abs(sums[k]));
        }
        if (maxAbs > 0) {
            for (int k = 0; k < sums.length; k++) {
                sums[k] /= maxAbs;
            }
        }
        return new TensorPicture(rows, cols, sums, maxAbs);
    }

    /** The cell in row r, column c, in [-1, 1]. */
    public double cell(int r, int c) {
        return cells[r * cols + c];
    }
}
