package dev.backprop.playground.render;

import java.util.Locale;

/** "Nice" axis ticks (1, 2, 5 times a power of ten), shared by the boundary pane, the chart and boundary.png. */
public final class Ticks {
    private Ticks() {
    }

    /** About {@code count} round values covering [min, max]. */
    public static double[] nice(double min, double max, int count) {
        if (!(max > min)) {
            return new double[] {min};
        }
        double raw = (max - min) / count;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
        double first = Math.ceil(min / step) * step;
        int n = (int) Math.floor((max - first) / step) + 1;
        double[] t = new double[Math.max(0, n)];
        for (int i = 0; i < t.length; i++) {
            t[i] = first + i * step;
            if (Math.abs(t[i]) < step * 1e-9) {
                t[i] = 0;
            }
        }
        return t;
    }

    /**
     * Which ticks to label on an axis {@code length} px long so labels stay {@code minGap} px apart:
     * every k-th of {@code count} evenly spaced ones (1 when all fit).
     */
    public static int stride(int count, double length, double minGap) {
        if (count < 2 || !(length > 0)) {
            return 1;
        }
        return Math.max(1, (int) Math.ceil(minGap / (length / (count - 1)) - 1e-9));
    }

    public static String label(double v) {
        double a0 = Math.abs(v);
        if (a0 >= 1e6) {
            return trim(String.format(Locale.ROOT, "%.2f", v / 1e6)) + "M";
        }
        if (a0 >= 1e4 && v == Math.rint(v)) {
            return trim(String.format(Locale.ROOT, "%.1f", v / 1e3)) + "k";
        }
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        if (a < 1e-3) {
            return String.format(Locale.ROOT, "%.0e", v);
        }
        return trim(String.format(Locale.ROOT, "%.3f", v));
    }

    private static String trim(String decimal) {
        if (!decimal.contains(".")) {
            return decimal;
        }
        int end = decimal.length(); // trailing zeros, then a bare point (no regex: every tick of every frame)
        while (decimal.charAt(end - 1) == '0') {
            end--;
        }
        return decimal.substring(0, decimal.charAt(end - 1) == '.' ? end - 1 : end);
    }
}
