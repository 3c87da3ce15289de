package dev.backprop.playground.engine.value;

import java.util.Locale;

/** Short number text for chain-rule lines: 1, -2, 0.5, 0.7071, 1.2e-07. */
public final class Numbers {
    private Numbers() {
    }

    public static String compact(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        if (a < 1e-4 || a >= 1e6) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        String s = String.format(Locale.ROOT, "%.4f", v);
        int end = s.length(); // trailing zeros, then a bare point, go (no regex: this runs for every number drawn)
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }
}
