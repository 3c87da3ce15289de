package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The snapshot carries the engine's divergence verdict as data; its words are made from it, never read back. */
class DivergenceVerdictTest {

    private static Snapshot with(Divergence d) {
        return Snapshot.builder().verdict(d).playRefusal(d == null ? "" : d.text()).build();
    }

    @Test
    void saturatedAtInitFollowsTheCauseNotTheWords() {
        Divergence init = new Divergence(Divergence.Cause.INIT, 0, "the output saturated", 0.03, "normal");
        assertTrue(with(init).saturatedAtInit());
        assertTrue(with(init).diverged());
        assertEquals("Before any training, the output saturated. The initial weights are too large for this depth and "
                + "width (init normal): choose init auto, xavier or he, then Reset.", with(init).divergence());

        // a learning-rate divergence whose measurement happens to end in the init's remedy is still the rate's
        Divergence rate = new Divergence(Divergence.Cause.LEARNING_RATE, 12,
                "the loss became NaN (choose init auto, xavier or he, then Reset.", 10, "normal");
        assertFalse(with(rate).saturatedAtInit());
        assertTrue(with(rate).divergence().startsWith("Training diverged at step 12: "), with(rate).divergence());
        assertTrue(with(rate).divergence().endsWith("Try a smaller learning rate (now 10.0), then Reset."),
                with(rate).divergence());
    }

    @Test
    void noVerdictNoDivergence() {
        Snapshot s = with(null);
        assertFalse(s.diverged());
        assertFalse(s.saturatedAtInit());
        assertEquals("", s.divergence());
    }
}
