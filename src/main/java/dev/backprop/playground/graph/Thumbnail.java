package dev.backprop.playground.graph;

/**
 * What one neuron (or input) computes over the input plane, on a square grid: {@code size * size}
 * values, row 0 at the top of the plane. A probability (the output unit of a binary head) is drawn
 * with the boundary pane's palette; anything else with the diverging palette scaled to {@code scale}
 * (NaN: its own largest |value|). For image data a first-layer unit's picture is its incoming weights
 * in the image's shape, all units on one scale (the layer's largest |w|). Immutable.
 */
public record Thumbnail(int size, double[] values, boolean probability, double scale) {
    public Thumbnail {
        if (values.length != size * size) {
            throw new IllegalArgumentException(size + "x" + size + " needs " + size * size + " values");
        }
        values = values.clone();
    }

    /** A picture scaled to its own largest |value|. */
    public Thumbnail(int size, double[] values, boolean probability) {
        this(size, values, probability, Double.NaN);
    }

    public double value(int row, int col) {
        return values[row * size + col];
    }

    /** Its colours, ARGB, row 0 first: what the screen and the SVG draw. */
    public int[] argb() {
        return dev.backprop.playground.render.ThumbnailColours.argb(values, probability, scale);
    }
}
