package dev.backprop.playground.render;

/** An image's pixel in [0, 1] as a grey drawn dark on white, as the seeds' imshow(cmap="gray_r") draws it. */
public final class PixelShade {
    private PixelShade() {
    }

    /** 0 (or less) white, 1 (or more) black, as 0xRRGGBB; a value that is not finite is grey. */
    public static int rgb(double v) {
        if (!Double.isFinite(v)) {
            return Diverging.PENDING;
        }
        int grey = (int) Math.round(255 * (1 - Math.max(0, Math.min(1, v))));
        return grey << 16 | grey << 8 | grey;
    }
}
