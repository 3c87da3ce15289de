package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.TrainingConfig;
import org.junit.jupiter.api.Test;

/** A rebuilt network shows at once on a coarse boundary grid; the full grid follows when the hand stops. */
class CoarseGridFirstTest {
    private static final TrainingConfig CONFIG = TrainingConfig.defaults();

    @Test
    void theFirstSnapshotAfterARebuildCarriesACoarseGridThenAFullOne() throws Exception {
        SessionEngine engine = new SessionEngine(CONFIG);
        assertEquals(Publisher.GRID_SIZE, engine.snapshot().grid().width(), "a fresh session starts with the full grid");

        Snapshot rebuilt = EngineDriver.apply(engine, new Command.SetNetwork(CONFIG.network().withHidden(16, 16)));
        assertEquals(Publisher.COARSE_GRID_SIZE, rebuilt.grid().width());
        assertEquals(Publisher.COARSE_GRID_SIZE, rebuilt.grid().height());
        assertTrue(engine.nanosUntilFullGrid() > 0, "the full grid waits for the hand to stop");

        // another rebuild while dragging: still coarse, and the wait starts again
        Snapshot dragged = EngineDriver.apply(engine, new Command.SetNetwork(CONFIG.network().withHidden(16, 8)));
        assertEquals(Publisher.COARSE_GRID_SIZE, dragged.grid().width());

        while (engine.nanosUntilFullGrid() > 0) {
            Thread.sleep(10);
        }
        engine.fullGrid();
        assertEquals(Publisher.GRID_SIZE, engine.snapshot().grid().width());
        assertEquals(-1, engine.nanosUntilFullGrid(), "nothing pending after the full grid");
    }

    @Test
    void theRunningSessionPublishesTheFullGridByItselfOnceTheHandStops() throws Exception {
        try (TrainingSession session = new TrainingSession(CONFIG)) {
            session.send(new Command.SetNetwork(CONFIG.network().withHidden(16, 16)));
            long end = System.nanoTime() + 20_000_000_000L;
            while (System.nanoTime() < end && !(session.latest().rebuilds().size() > 0
                    && session.latest().grid().width() == Publisher.GRID_SIZE)) {
                Thread.sleep(5);
            }
            assertEquals(Publisher.GRID_SIZE, session.latest().grid().width());
            assertEquals(1, session.latest().rebuilds().size());
        }
    }
}
