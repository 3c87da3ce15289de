package dev.backprop.playground.graph;

/**
 * What one neuron (or input) computes over the input plane, on a square grid: {@code size * size}
 * values, row 0 at the top of the plane. A probability (the output unit of a binary head) is drawn
 * with the boundary pane's palette; anything else with the diverging palette scaled to its largest
 * |value|. Immutable.
 */
public record Thumbnail(int size, double[] values, boolean probability) {
    public Thumbnail {
        if (values.length != size * size) {
            throw new IllegalArgumentException(size + "x" + size + " needs " + size * size + " values");
        }
        values = values.clone();
    }

    public double value(int row, int col) {
        return values[row * size + col];
    }
}
