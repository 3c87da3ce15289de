package dev.backprop.playground.engine.nn;

/**
 * The network's output probability on a regular grid over a rectangle of the input plane: what
 * the boundary pane and boundary.png shade. Row 0 is the top (largest x2), as images are stored.
 * Immutable: built on the engine thread, read anywhere.
 */
public final class DecisionGrid {
    private final int width;
    private final int height;
    private final double minX1;
    private final double maxX1;
    private final double minX2;
    private final double maxX2;
    private final double[] probability;

    DecisionGrid(int width, int height, double[] bounds, double[] probability) {
        this.width = width;
        this.height = height;
        this.minX1 = bounds[0];
        this.maxX1 = bounds[1];
        this.minX2 = bounds[2];
        this.maxX2 = bounds[3];
        this.probability = probability;
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

    /** P(class 1) at grid column {@code col}, row {@code row} (row 0 at the top). */
    public double probability(int col, int row) {
        return probability[row * width + col];
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
