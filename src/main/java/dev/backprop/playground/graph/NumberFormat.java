package dev.backprop.playground.graph;

import java.util.Locale;

/** Numbers as draw_dot prints them (4 decimals), switching to scientific notation at the extremes. */
public final class NumberFormat {
    private NumberFormat() {
    }

    /** {@code 4.0000}, {@code -0.5678}, {@code 1.2346e-07}, {@code 3.0000e+08}. */
    public static String fixed4(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-4 || a >= 1e6)) {
            return String.format(Locale.ROOT, "%.4e", v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
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

    /** Four significant digits: 7.082, -0.01234, 1.2e-07. */
    public static String short4(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : Double.toString(v);
        }
        double a = Math.abs(v);
        if (a < 1e-3 || a >= 1e5) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
