package dev.backprop.playground.graph;

import dev.backprop.playground.engine.NumberText;

/**
 * Numbers as draw_dot prints them (4 decimals), switching to scientific notation at the extremes: one
 * format with the step log ({@link NumberText}), so a card and the log never disagree on a value.
 */
public final class NumberFormat {
    private NumberFormat() {
    }

    /** {@code 4.0000}, {@code -0.5678}, {@code 1.2346e-07}, {@code 3.0000e+08}: the engine's {@link NumberText#fixed4}. */
    public static String fixed4(double v) {
        return NumberText.fixed4(v);
    }

    /** A tensor in a line: the number for a scalar, else shape, norm and first value: {@code 2×50 ‖7.082‖ [1.499, …]}. */
    public static String tensor(Tensor t) {
        if (t.isPending()) {
            return t.isScalar() ? "\u2013" : t.rows() + "\u00d7" + t.cols() + " \u2013";
        }
        if (t.isScalar()) {
            return fixed4(t.first());
        }
        return t.rows() + "\u00d7" + t.cols() + " \u2016" + short4(t.norm()) + "\u2016 [" + short4(t.first())
                + (t.rows() * t.cols() > 1 ? ", \u2026]" : "]");
    }

    /** Four significant digits: 7.082, -0.01234, 1.2e-07: the engine's {@link NumberText#short4}. */
    public static String short4(double v) {
        return NumberText.short4(v);
    }
}
