package dev.backprop.playground.graph;

/**
 * How big a node is drawn, shared by the layout and the SVG so boxes never overlap: records are a
 * row of compartments sized to their monospace text; op circles are small and fixed.
 */
public final class NodeGeometry {
    /** Advance of one character of the 12 px monospace font, with a little slack. */
    public static final double CHAR_WIDTH = 7.4;
    public static final double PADDING = 10;
    public static final double RECORD_HEIGHT = 28;
    public static final double OP_DIAMETER = 34;

    private NodeGeometry() {
    }

    public static double[] compartmentWidths(GraphNode n) {
        String[] parts = n.compartments();
        double[] w = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            w[i] = Math.max(28, parts[i].length() * CHAR_WIDTH + 2 * PADDING);
        }
        return w;
    }

    public static double width(GraphNode n) {
        if (!n.hasValue()) {
            return OP_DIAMETER;
        }
        double sum = 0;
        for (double w : compartmentWidths(n)) {
            sum += w;
        }
        return sum;
    }

    public static double height(GraphNode n) {
        return n.hasValue() ? RECORD_HEIGHT : OP_DIAMETER;
    }
}
