package dev.backprop.playground.graph;

/**
 * How big a node is drawn, shared by the layout and every renderer so boxes never overlap. Scalar
 * records are a row of compartments sized to their monospace text, as draw_dot draws them; tensor
 * records stack the three compartments (their lines are long) to keep a left-to-right graph
 * narrow; op circles are small and fixed.
 */
public final class NodeGeometry {
    /** Advance of one character of the 12 px monospace font, with a little slack. */
    public static final double CHAR_WIDTH = 7.4;
    public static final double PADDING = 10;
    public static final double RECORD_HEIGHT = 28;
    public static final double OP_DIAMETER = 34;
    public static final double ROW_HEIGHT = 18;

    private NodeGeometry() {
    }

    /**
     * Each compartment's rectangle relative to the node's top-left corner: {x, y, w, h} per
     * compartment, side by side or stacked.
     */
    public static double[][] compartmentBoxes(GraphNode n) {
        return compartmentBoxes(n.compartments(), stacked(n), width(n), height(n));
    }

    /**
     * The compartments of a record with these texts drawn in a box of {@code w} by {@code h}:
     * stacked rows of equal height, or a row of cells as wide as their text needs, stretched
     * together to fill the box (a box laid out when the numbers were shorter still fits).
     */
    public static double[][] compartmentBoxes(String[] parts, boolean stacked, double w, double h) {
        double[] widths = compartmentWidths(parts);
        double total = 0;
        for (double cw : widths) {
            total += cw;
        }
        double[][] boxes = new double[parts.length][];
        double offset = 0;
        for (int i = 0; i < parts.length; i++) {
            if (stacked) {
                boxes[i] = new double[] {0, i * h / parts.length, w, h / parts.length};
            } else {
                double cw = widths[i] * w / total;
                boxes[i] = new double[] {offset, 0, cw, h};
                offset += cw;
            }
        }
        return boxes;
    }

    /**
     * Data and grad compartments are at least this many characters wide, so a node keeps its size
     * while its numbers change (training, stepping: "grad –" becomes "grad -4.0000") and the
     * layout stays valid.
     */
    static final int MIN_VALUE_CHARS = 13;

    public static double[] compartmentWidths(String[] parts) {
        double[] w = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            int chars = i == 0 ? parts[i].length() : Math.max(MIN_VALUE_CHARS, parts[i].length());
            w[i] = Math.max(28, chars * CHAR_WIDTH + 2 * PADDING);
        }
        return w;
    }

    /** True for records whose compartments are stacked in rows (tensor data). */
    public static boolean stacked(GraphNode n) {
        return n.hasValue() && !n.data().isScalar();
    }

    public static double width(GraphNode n) {
        if (!n.hasValue()) {
            return OP_DIAMETER;
        }
        if (stacked(n)) {
            double max = 0;
            for (double w : compartmentWidths(n.compartments())) {
                max = Math.max(max, w);
            }
            return max;
        }
        double sum = 0;
        for (double w : compartmentWidths(n.compartments())) {
            sum += w;
        }
        return sum;
    }

    public static double height(GraphNode n) {
        if (stacked(n)) {
            return ROW_HEIGHT * n.compartments().length;
        }
        return n.hasValue() ? RECORD_HEIGHT : OP_DIAMETER;
    }
}
