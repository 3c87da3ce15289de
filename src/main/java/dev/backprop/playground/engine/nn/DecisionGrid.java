package dev.backprop.playground.engine.nn;

/**
 * The network's output on a regular grid over a rectangle of the input plane: what the boundary
 * pane and boundary.png shade. Per cell, the head's outputs: P(class 1) for a sigmoid head, the K
 * class probabilities for a softmax head, the predicted value for a regression head. Row 0 is the
 * top (largest x2), as images are stored. Immutable: built on the engine thread, read anywhere.
 */
public final class DecisionGrid {
    private final int width;
    private final int height;
    private final double minX1;
    private final double maxX1;
    private final double minX2;
    private final double maxX2;
    private final double[] probability;
    private final Head head;
    /** {@link #magnitude90}, once asked for (the pixels, the points and a legend all need it). */
    private volatile Double magnitude90;

    DecisionGrid(int width, int height, double[] bounds, double[] probability) {
        this(width, height, bounds, probability, Head.binary());
    }

    /** {@code values}: {@code head.outputs()} values per cell, cells row by row. */
    DecisionGrid(int width, int height, double[] bounds, double[] values, Head head) {
        this.head = head;
        this.width = width;
        this.height = height;
        this.minX1 = bounds[0];
        this.maxX1 = bounds[1];
        this.minX2 = bounds[2];
        this.maxX2 = bounds[3];
        this.probability = values;
    }

    /** The head whose outputs the grid holds: it says how to colour them. */
    public Head head() {
        return head;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public double minX1() {
        return minX1;
    }

    public double maxX1() {
        return maxX1;
    }

    public double minX2() {
        return minX2;
    }

    public double maxX2() {
        return maxX2;
    }

    /**
     * P(class 1) for a sigmoid head, the predicted value for regression, at grid column {@code col},
     * row {@code row} (row 0 at the top); for a softmax head the probability of class 1.
     */
    public double probability(int col, int row) {
        int k = head.outputs();
        return k == 1 ? probability[row * width + col] : probability[(row * width + col) * k + 1];
    }

    /** Output {@code k} of the head at a cell: P(class k) for a softmax head. */
    public double value(int col, int row, int k) {
        return probability[(row * width + col) * head.outputs() + k];
    }

    /** The head's outputs at a cell in words ({@link Head#describe}). */
    public String describe(int col, int row) {
        return head.describe(probability, row * width + col);
    }

    /** The class the head predicts at a cell (-1 for regression). */
    public int predictedClass(int col, int row) {
        return head.predict(probability, row * width + col);
    }

    /** The 90th percentile of |value| over the cells ({@link #probability}): a sort of the grid, made once. */
    public double magnitude90() {
        Double m = magnitude90;
        if (m == null) {
            double[] abs = new double[width * height];
            for (int row = 0, k = 0; row < height; row++) {
                for (int col = 0; col < width; col++, k++) {
                    abs[k] = Math.abs(probability(col, row));
                }
            }
            java.util.Arrays.sort(abs);
            m = abs[(int) (0.9 * (abs.length - 1))];
            magnitude90 = m;
        }
        return m;
    }

    /** Smallest and largest value over the grid: the range of a regression surface. */
    public double[] range() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : probability) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new double[] {lo, hi};
    }

    /** The input x1 at the centre of grid column {@code col}. */
    public double x1At(int col) {
        return minX1 + (col + 0.5) * (maxX1 - minX1) / width;
    }

    /** The input x2 at the centre of grid row {@code row}. */
    public double x2At(int row) {
        return maxX2 - (row + 0.5) * (maxX2 - minX2) / height;
    }
}
