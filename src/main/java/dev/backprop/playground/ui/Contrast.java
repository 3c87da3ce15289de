package dev.backprop.playground.ui;

import javafx.scene.paint.Color;

/** Text colour for a coloured background: whichever of near-black and white reads better (WCAG contrast). */
final class Contrast {
    static final Color DARK_INK = Color.web("#1e1e1e");
    static final Color LIGHT_INK = Color.WHITE;

    private Contrast() {
    }

    /** The ink with the larger contrast ratio against {@code background}. */
    static Color inkOn(Color background) {
        return ratio(DARK_INK, background) >= ratio(LIGHT_INK, background) ? DARK_INK : LIGHT_INK;
    }

    /** WCAG AA for normal text. */
    static final double READABLE = 4.5;

    /**
     * {@code background}, shifted toward black (under white ink) or white (under dark ink) just
     * enough that its ink reaches {@link #READABLE}: a mid-tone class colour keeps its hue.
     */
    static Color readable(Color background) {
        Color bg = background;
        for (int i = 0; i < 40 && ratio(inkOn(bg), bg) < READABLE; i++) {
            bg = bg.interpolate(inkOn(bg) == LIGHT_INK ? Color.BLACK : Color.WHITE, 0.05);
        }
        return bg;
    }

    /** WCAG 2 contrast ratio, 1 (none) to 21 (black on white). */
    static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** WCAG 2 relative luminance of an sRGB colour. */
    static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}
