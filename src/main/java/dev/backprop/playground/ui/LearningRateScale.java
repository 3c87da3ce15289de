package dev.backprop.playground.ui;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The learning-rate slider's notches: 1-2-5 values from 1e-4 to 10 (1e-4, 2e-4, 5e-4, 1e-3, ..., 5,
 * 10). The slider moves over notch indices, so every position is one of these values exactly (the
 * double nearest to the decimal, as {@code 0.01} is written in code), and one arrow key press moves
 * one notch.
 */
final class LearningRateScale {
    private static final int[] MANTISSAS = {1, 2, 5};
    private static final int LOWEST_EXPONENT = -4;
    private static final double[] VALUES = values();

    private LearningRateScale() {
    }

    /** Number of notches (16). */
    static int size() {
        return VALUES.length;
    }

    /** The learning rate at {@code notch} (0 for 1e-4, size() - 1 for 10). */
    static double value(int notch) {
        return VALUES[Math.max(0, Math.min(VALUES.length - 1, notch))];
    }

    /** The notch whose value is nearest to {@code rate} on a log scale (rates off the ladder show near it). */
    static int nearest(double rate) {
        if (!(rate > 0)) {
            return 0;
        }
        int best = 0;
        for (int i = 1; i < VALUES.length; i++) {
            if (Math.abs(Math.log(VALUES[i] / rate)) < Math.abs(Math.log(VALUES[best] / rate))) {
                best = i;
            }
        }
        return best;
    }

    /** A rate as a person writes it: 0.01, 0.002, 5, 10; off-ladder rates to 3 significant digits. */
    static String format(double rate) {
        if (!Double.isFinite(rate)) {
            return Double.toString(rate);
        }
        BigDecimal exact = BigDecimal.valueOf(rate);
        BigDecimal shown = exact.precision() > 3 ? exact.round(new MathContext(3)) : exact;
        return shown.stripTrailingZeros().toPlainString();
    }

    private static double[] values() {
        int decades = 5; // 1e-4 .. 5 by 1-2-5, then 10 closes the range
        double[] v = new double[decades * MANTISSAS.length + 1];
        int i = 0;
        for (int e = LOWEST_EXPONENT; e < LOWEST_EXPONENT + decades; e++) {
            for (int m : MANTISSAS) {
                v[i++] = BigDecimal.valueOf(m).scaleByPowerOfTen(e).doubleValue();
            }
        }
        v[i] = 10;
        return v;
    }
}
