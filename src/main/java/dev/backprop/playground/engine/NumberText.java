package dev.backprop.playground.engine;

import java.util.Locale;
import org.ejml.data.DMatrixRMaj;

/**
 * The one number format of the cards, the step log and the inspector: four decimals as draw_dot
 * prints them, scientific notation at the extremes, so a tiny value is never printed as 0.0000 and
 * zero carries no sign (no "-0.0000" for a gradient that is exactly nothing).
 */
public final class NumberText {
    private NumberText() {
    }

    /** {@code 4.0000}, {@code -0.5678}, {@code 2.8000e-06}, {@code 3.0000e+08}, {@code 0.0000} (also for -0). */
    public static String fixed4(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0.0000"; // -0.0 too: a sign on nothing misleads
        }
        double a = Math.abs(v);
        if (a < 1e-4 || a >= 1e6) {
            return String.format(Locale.ROOT, "%.4e", v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** Four significant digits: 7.082, -0.01234, 1.20e-07, 0 (also for -0). */
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

    /** A factor of a chain rule: its value when it is one number, else its shape and norm: {@code (1×50 ‖3.162‖)}. */
    public static String factor(DMatrixRMaj m) {
        if (m.getNumElements() == 1) {
            return fixed4(m.get(0));
        }
        double s = 0;
        for (int i = 0; i < m.getNumElements(); i++) {
            s += m.data[i] * m.data[i];
        }
        return "(" + m.numRows + "\u00d7" + m.numCols + " \u2016" + short4(Math.sqrt(s)) + "\u2016)";
    }
}
