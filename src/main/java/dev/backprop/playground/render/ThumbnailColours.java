package dev.backprop.playground.render;

/**
 * The colours of a neuron's picture, for the screen and the SVG alike: an output probability in the
 * boundary pane's palette (so the output neuron's picture is the boundary), any other activation in
 * the diverging palette scaled to its largest |value| (or a scale shared by several pictures).
 */
public final class ThumbnailColours {
    private ThumbnailColours() {
    }

    /** ARGB, one per value (a neuron's picture, row 0 at the top). */
    public static int[] argb(double[] values, boolean probability) {
        return argb(values, probability, Double.NaN);
    }

    /** As {@link #argb(double[], boolean)}, on the diverging scale of +-{@code scale} (NaN: the largest |value|). */
    public static int[] argb(double[] values, boolean probability, double scale) {
        int[] out = new int[values.length];
        double max = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                max = Math.max(max, Math.abs(v));
            }
        }
        if (Double.isFinite(scale)) {
            max = scale;
        }
        for (int k = 0; k < out.length; k++) {
            double v = values[k];
            int rgb = probability ? Heatmap.shade(v) : Diverging.rgb(max == 0 ? 0 : v / max);
            out[k] = 0xFF000000 | rgb;
        }
        return out;
    }
}
