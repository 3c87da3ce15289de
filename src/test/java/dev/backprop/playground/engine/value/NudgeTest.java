package dev.backprop.playground.engine.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NudgeTest {
    private Value a;
    private Value b;
    private Value c;
    private Value f;

    /** Seed 001's L = (a*b + c) * f = -8, with a.grad 6, b.grad -4, c.grad -2, f.grad 4. */
    private Value seedGraph() {
        a = Value.of(2, "a");
        b = Value.of(-3, "b");
        c = Value.of(10, "c");
        f = Value.of(-2, "f");
        Value L = a.mul(b).add(c).mul(f).label("L");
        L.backward();
        return L;
    }

    @Test
    void seedNudgeMakesLGoUpByTheFirstOrderTerm() {
        Value L = seedGraph();
        // the seed's a.data += 0.01 * a.grad is eta = -0.01
        Nudge n = Nudge.apply(L, List.of(a, b, c, f), -0.01);
        assertEquals(2.06, a.data(), 1e-12);
        assertEquals(9.98, c.data(), 1e-12);
        assertEquals(0.01 * (36 + 16 + 4 + 16), n.predictedChange(), 1e-12);
        // by hand: (2.06 * -3.04 + 9.98) * -1.96 = -7.286496
        assertEquals(-7.286496, L.data(), 1e-9);
        assertEquals(-7.286496 + 8, n.change(), 1e-9);
        assertTrue(Math.abs(n.change() - n.predictedChange()) < 0.02, "second-order terms are small");
        n.undo();
        assertEquals(2, a.data());
        assertEquals(-8, L.data(), 1e-12);
    }

    @Test
    void firstOrderTermWinsAsEtaShrinks() {
        Value L = seedGraph();
        double ratio = 0;
        for (double eta : new double[] {1e-2, 1e-4}) {
            Nudge n = Nudge.apply(L, Nudge.namedLeaves(L), eta);
            ratio = n.change() / n.predictedChange();
            n.undo();
        }
        assertEquals(1, ratio, 1e-3);
    }

    @Test
    void namedLeavesSkipTheConstantsOfAFormula() {
        Value x = Value.of(3, "x");
        Value y = x.mul(Value.of(2, "2")).label("y");
        assertEquals(List.of(x), Nudge.namedLeaves(y));
        y.backward();
        assertThrows(IllegalArgumentException.class, () -> Nudge.apply(y, List.of(y), 0.1));
        assertThrows(IllegalArgumentException.class, () -> Nudge.apply(y, List.of(x), Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Nudge.apply(y, List.of(x), 2e3));
    }
}
