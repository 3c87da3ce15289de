package dev.backprop.playground.render;

import dev.backprop.playground.engine.nn.DecisionGrid;
import dev.backprop.playground.engine.nn.Head;

/**
 * Colours for the decision boundary, shared by the app's boundary pane and boundary.png, chosen by
 * the grid's head. A sigmoid head: a continuous blend from the class-0 colour (p = 0) through a
 * pale neutral (p = 0.5) to the class-1 colour (p = 1), and a dark line where the grid crosses
 * p = 0.5. A softmax head: the class colours blended by their probabilities, paler where the
 * network is unsure, and a dark line where the argmax changes. Regression: the predicted value on
 * the blue-neutral-orange scale, symmetric around 0, with points coloured by their target.
 */
public final class Heatmap {
    /** Class 0 (blue) and class 1 (orange), as 0xRRGGBB. */
    public static final int CLASS0 = 0x2F6DB5;
    public static final int CLASS1 = 0xE8772E;
    /** Classes 0 to 5: blue and orange as ever, then green, purple, red, brown. */
    private static final int[] CLASSES = {CLASS0, CLASS1, 0x3A9E4F, 0x8E5CC2, 0xC8413A, 0x8C6D31};
    private static final int NEUTRAL = 0xF4F4F0;
    /** The 0.5 contour line. */
    public static final int CONTOUR = 0x202020;
    private static final int UNKNOWN = 0x9A9A9A;

    private Heatmap() {
    }

    /** The colour of class {@code k} (0 to 5), 0xRRGGBB. */
    public static int classColour(int k) {
        return CLASSES[Math.floorMod(k, CLASSES.length)];
    }

    /** ARGB pixels, one per grid cell, row 0 at the top: ready for an image. */
    public static int[] pixels(DecisionGrid grid) {
        int w = grid.width();
        int h = grid.height();
        Head head = grid.head();
        double scale = regressionScale(grid);
        int[] argb = new int[w * h];
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                int rgb = switch (head.kind()) {
                    // adaline's z is not a probability: past 0 and 1 it is as sure as it gets
                    case BINARY, PERCEPTRON, ADALINE -> onContour(grid, col, row) ? CONTOUR
                            : shade(Math.max(0, Math.min(1, grid.probability(col, row))));
                    case MULTICLASS -> onClassEdge(grid, col, row) ? CONTOUR : blend(grid, col, row);
                    case REGRESSION -> value(grid.probability(col, row), scale);
                };
                argb[row * w + col] = 0xFF000000 | rgb;
            }
        }
        return argb;
    }

    /** The colour of a point's label: its class, or for regression its target on the grid's scale. */
    public static int labelColour(Head head, double label, double scale) {
        return head.classifies() ? classColour((int) label) : strong(label, scale);
    }

    /**
     * Half the width of a regression colour scale: the 90th percentile of |value| over the grid, so
     * the network's extrapolation in the margins does not wash out the surface over the data (the grid
     * sorts its values once, whoever asks). A classifier's grid holds probabilities, which need no scale: 1.
     */
    public static double regressionScale(DecisionGrid grid) {
        if (grid.head().classifies()) {
            return 1;
        }
        double m = grid.magnitude90();
        return Double.isFinite(m) ? Math.max(m, 1e-9) : 1;
    }

    /** A regression value as a shade: -scale light blue, 0 neutral, +scale light orange. */
    public static int value(double v, double scale) {
        return shade(0.5 + 0.5 * Math.max(-1, Math.min(1, v / scale)));
    }

    /** A target as a point colour: the value's shade at full strength, so points stand out on the surface. */
    private static int strong(double v, double scale) {
        if (!Double.isFinite(v)) {
            return UNKNOWN;
        }
        double t = Math.max(-1, Math.min(1, v / scale));
        return mix(NEUTRAL, t < 0 ? CLASS0 : CLASS1, Math.abs(t));
    }

    /** The class colours weighted by probability, faded towards neutral as the network is less sure. */
    private static int blend(DecisionGrid grid, int col, int row) {
        int k = grid.head().classes();
        double r = 0;
        double g = 0;
        double b = 0;
        double top = 0;
        for (int c = 0; c < k; c++) {
            double p = grid.value(col, row, c);
            if (!Double.isFinite(p)) {
                return UNKNOWN;
            }
            int rgb = classColour(c);
            r += p * ((rgb >> 16) & 0xFF);
            g += p * ((rgb >> 8) & 0xFF);
            b += p * (rgb & 0xFF);
            top = Math.max(top, p);
        }
        int mixed = ((int) Math.round(r) << 16) | ((int) Math.round(g) << 8) | (int) Math.round(b);
        double certainty = (top - 1.0 / k) / (1 - 1.0 / k); // 0 when every class is equally likely
        return mix(NEUTRAL, mixed, 0.65 * certainty);
    }

    /** A cell is on a region boundary when its argmax class differs from its right or lower neighbour's. */
    private static boolean onClassEdge(DecisionGrid grid, int col, int row) {
        int here = grid.predictedClass(col, row);
        return (col + 1 < grid.width() && grid.predictedClass(col + 1, row) != here)
                || (row + 1 < grid.height() && grid.predictedClass(col, row + 1) != here);
    }

    /** The shade of probability p: 0 -> light class-0 tint, 0.5 -> neutral, 1 -> light class-1 tint. */
    public static int shade(double p) {
        if (!Double.isFinite(p)) {
            return UNKNOWN;
        }
        double t = Math.abs(p - 0.5) * 2; // 0 at the boundary, 1 when certain
        int target = p < 0.5 ? CLASS0 : CLASS1;
        return mix(NEUTRAL, target, 0.65 * t);
    }

    /** A cell is on the 0.5 contour when it and its right or lower neighbour fall on different sides. */
    private static boolean onContour(DecisionGrid grid, int col, int row) {
        boolean here = grid.probability(col, row) > 0.5;
        return (col + 1 < grid.width() && (grid.probability(col + 1, row) > 0.5) != here)
                || (row + 1 < grid.height() && (grid.probability(col, row + 1) > 0.5) != here);
    }

    /** Linear blend of two 0xRRGGBB colours; t = 0 gives a, t = 1 gives b. */
    public static int mix(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - t) + ((b >> 16) & 0xFF) * t);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - t) + ((b >> 8) & 0xFF) * t);
        int bl = (int) Math.round((a & 0xFF) * (1 - t) + (b & 0xFF) * t);
        return (r << 16) | (g << 8) | bl;
    }
}
