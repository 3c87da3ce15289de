package dev.backprop.playground.render;

/**
 * The one diverging palette for values: blue for negative, red for positive, paler the nearer to
 * zero. Tensor heatmaps and scalar tints in the graph (screen, PNG and SVG) and the inspector use it.
 */
public final class Diverging {
    public static final int NEGATIVE = 0x2F6DB5;
    public static final int POSITIVE = 0xC92A2A;
    public static final int ZERO = 0xFFFFFF;
    /** A cell with no value yet (a tensor the forward pass has not reached). */
    public static final int PENDING = 0xD9D9D9;
    /** How far a scalar row's background moves toward the palette: text stays readable on it. */
    private static final double TINT_STRENGTH = 0.45;

    private Diverging() {
    }

    /** The colour of t in [-1, 1] as 0xRRGGBB: -1 full blue, 0 white, +1 full red. */
    public static int rgb(double t) {
        if (!Double.isFinite(t)) {
            return PENDING;
        }
        double c = Math.max(-1, Math.min(1, t));
        return c < 0 ? Heatmap.mix(ZERO, NEGATIVE, -c) : Heatmap.mix(ZERO, POSITIVE, c);
    }

    /**
     * The background of a row showing scalar {@code value} on a card of colour {@code base}: tanh
     * squashes any magnitude into the palette (0.5 at about 0.55, nearly full past 2).
     */
    public static int tint(int base, double value) {
        if (!Double.isFinite(value) || value == 0) {
            return base;
        }
        return Heatmap.mix(base, value < 0 ? NEGATIVE : POSITIVE, TINT_STRENGTH * Math.tanh(Math.abs(value)));
    }

    public static String hex(int rgb) {
        return String.format("#%06x", rgb & 0xFFFFFF);
    }
}
