package dev.backprop.playground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.backprop.playground.graph.NumberFormat;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The one number format: a tiny value is never 0.0000, zero has no sign, cards and step log agree. */
class NumberTextTest {
    @Test
    void aTinyValueIsNeverPrintedAsZero() {
        assertEquals("2.8000e-06", NumberText.fixed4(2.8e-6)); // the step log printed y_hat = 0.0000 here
        assertEquals("-1.0000e-10", NumberText.fixed4(-1e-10));
        assertEquals("1.0000e-04", NumberText.fixed4(0.0001 - 1e-12));
        assertEquals("0.0001", NumberText.fixed4(0.0001));
        assertEquals("-0.5678", NumberText.fixed4(-0.56781));
        assertEquals("3.0000e+08", NumberText.fixed4(3e8));
    }

    @Test
    void zeroHasNoSign() {
        assertEquals("0.0000", NumberText.fixed4(-0.0)); // a gradient showed as -0.0000
        assertEquals("0.0000", NumberText.fixed4(0.0));
        assertEquals("0", NumberText.short4(-0.0));
        assertEquals("-0.01234", NumberText.short4(-0.012341));
        assertEquals("1.20e-07", NumberText.short4(1.2e-7));
    }

    @Test
    void theCardsFormatIsTheEnginesFormat() {
        for (double v : new double[] {-0.0, 2.8e-6, -1e-10, 0.1234567, 12345.678, Double.NaN}) {
            assertEquals(NumberText.fixed4(v), NumberFormat.fixed4(v));
            assertEquals(NumberText.short4(v), NumberFormat.short4(v));
        }
    }

    @Test
    void aFactorIsItsValueOrItsShapeAndNorm() {
        assertEquals("-0.2500", NumberText.factor(new DMatrixRMaj(1, 1, true, -0.25)));
        assertEquals("(1\u00d72 \u20165\u2016)", NumberText.factor(new DMatrixRMaj(1, 2, true, 3, 4)));
    }
}
