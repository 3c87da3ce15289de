package dev.backprop.playground.render;

import dev.backprop.playground.engine.nn.DecisionGrid;

/**
 * Colours for the decision boundary, shared by the app's boundary pane and boundary.png: a
 * continuous blend from the class-0 colour (p = 0) through a pale neutral (p = 0.5) to the
 * class-1 colour (p = 1), and a dark line where the grid crosses p = 0.5.
 */
public final class Heatmap {
    /** Class 0 (blue) and class 1 (orange), as 0xRRGGBB. */
    public static final int CLASS0 = 0x2F6DB5;
    public static final int CLASS1 = 0xE8772E;
    private static final int NEUTRAL = 0xF4F4F0;
    /** The 0.5 contour line. */
    public static final int CONTOUR = 0x202020;
    private static final int UNKNOWN = 0x9A9A9A;

    private Heatmap() {
    }

    /** ARGB pixels, one per grid cell, row 0 at the top: ready for an image. */
    public static int[] pixels(DecisionGrid grid) {
        int w = grid.width();
        int h = grid.height();
        int[] argb = new int[w * h];
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                double p = grid.probability(col, row);
                int rgb = onContour(grid, col, row) ? CONTOUR : shade(p);
                argb[row * w + col] = 0xFF000000 | rgb;
            }
        }
        return argb;
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
