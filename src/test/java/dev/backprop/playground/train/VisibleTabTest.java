package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.backprop.playground.engine.nn.TrainingConfig;
import org.junit.jupiter.api.Test;

/** With the network tab hidden the session makes neither graph nor grid; shown again, both catch up. */
class VisibleTabTest {
    @Test
    void aHiddenNetworkTabGetsNoNewGraphOrGridUntilItIsShownAgain() throws Exception {
        SessionEngine engine = new SessionEngine(TrainingConfig.defaults());
        Snapshot before = EngineDriver.apply(engine, new Command.Step(500));

        Snapshot hidden = EngineDriver.apply(engine, new Command.SetVisible(false), new Command.Step(500));
        assertEquals(1000, hidden.step(), "training goes on");
        assertSame(before.graph(), hidden.graph(), "no graph built while hidden");
        assertSame(before.grid(), hidden.grid(), "no grid computed while hidden");

        Snapshot shown = EngineDriver.apply(engine, new Command.SetVisible(true));
        assertNotSame(before.graph(), shown.graph(), "the graph is rebuilt when the tab comes back");
        assertNotSame(before.grid(), shown.grid(), "and the grid");
        assertEquals(1000, shown.step());
    }
}
